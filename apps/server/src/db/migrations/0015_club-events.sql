CREATE TABLE "club_event_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"auto_link" boolean DEFAULT false NOT NULL,
	"rules" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"turns" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "club_events" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text,
	"type" text,
	"type_version" integer,
	"state" text NOT NULL,
	"reason" text,
	"occurred_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"data" jsonb,
	"processed_at" timestamp with time zone,
	"contact_id" uuid,
	"outcome" jsonb,
	CONSTRAINT "club_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "event_links" (
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"external_id" text NOT NULL,
	"contact_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_links_org_id_source_id_external_id_pk" PRIMARY KEY("org_id","source_id","external_id")
);
--> statement-breakpoint
CREATE TABLE "event_sources" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"secret_sealed" text NOT NULL,
	"previous_secret_sealed" text,
	"previous_valid_until" timestamp with time zone,
	"last_event_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "event_sources_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "member_records" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"source_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"external_id" text NOT NULL,
	"member_external_id" text,
	"contact_id" uuid,
	"occurred_at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "member_records_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "rule_tasks" (
	"org_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"cause" text NOT NULL,
	"task_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rule_tasks_org_id_contact_id_cause_pk" PRIMARY KEY("org_id","contact_id","cause")
);
--> statement-breakpoint
ALTER TABLE "club_event_settings" ADD CONSTRAINT "club_event_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_events" ADD CONSTRAINT "club_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "club_events" ADD CONSTRAINT "club_events_source_fk" FOREIGN KEY ("org_id","source_id") REFERENCES "public"."event_sources"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_links" ADD CONSTRAINT "event_links_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_links" ADD CONSTRAINT "event_links_source_fk" FOREIGN KEY ("org_id","source_id") REFERENCES "public"."event_sources"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_links" ADD CONSTRAINT "event_links_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "event_sources" ADD CONSTRAINT "event_sources_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_records" ADD CONSTRAINT "member_records_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_records" ADD CONSTRAINT "member_records_source_fk" FOREIGN KEY ("org_id","source_id") REFERENCES "public"."event_sources"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_records" ADD CONSTRAINT "member_records_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_tasks" ADD CONSTRAINT "rule_tasks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_tasks" ADD CONSTRAINT "rule_tasks_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rule_tasks" ADD CONSTRAINT "rule_tasks_task_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "club_events_external_unique" ON "club_events" USING btree ("org_id","source_id","external_id");--> statement-breakpoint
CREATE INDEX "club_events_log_idx" ON "club_events" USING btree ("org_id","received_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "event_links_contact_idx" ON "event_links" USING btree ("org_id","contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sources_id_unique" ON "event_sources" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "event_sources_org_name_unique" ON "event_sources" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "member_records_external_unique" ON "member_records" USING btree ("org_id","source_id","kind","external_id");--> statement-breakpoint
CREATE INDEX "member_records_contact_idx" ON "member_records" USING btree ("org_id","contact_id","kind","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "member_records_member_idx" ON "member_records" USING btree ("org_id","source_id","member_external_id");