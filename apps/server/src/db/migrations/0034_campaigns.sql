CREATE TABLE "mail_bounces" (
	"org_id" uuid NOT NULL,
	"address" text NOT NULL,
	"response" text,
	"campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_bounces_org_id_address_pk" PRIMARY KEY("org_id","address")
);
--> statement-breakpoint
CREATE TABLE "mail_campaigns" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"channel" text NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"template_id" uuid,
	"variants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sms_text" text,
	"audience" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"audience_counts" jsonb,
	"rate_per_minute" integer,
	"scheduled_at" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_campaigns_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_recipients" (
	"org_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"address" text NOT NULL,
	"locale" text NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"response" text,
	"sent_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_recipients_org_id_campaign_id_person_id_pk" PRIMARY KEY("org_id","campaign_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "mail_unsubscribes" (
	"org_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"campaign_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_unsubscribes_org_id_person_id_channel_pk" PRIMARY KEY("org_id","person_id","channel")
);
--> statement-breakpoint
CREATE TABLE "sms_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"method" text DEFAULT 'POST' NOT NULL,
	"headers_sealed" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"body_template" text,
	"content_type" text,
	"sender" text,
	"quiet_from" text,
	"quiet_to" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_reminders" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "mail_bounces" ADD CONSTRAINT "mail_bounces_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_campaigns" ADD CONSTRAINT "mail_campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_campaigns" ADD CONSTRAINT "mail_campaigns_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_recipients" ADD CONSTRAINT "mail_recipients_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_recipients" ADD CONSTRAINT "mail_recipients_campaign_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."mail_campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_recipients" ADD CONSTRAINT "mail_recipients_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_unsubscribes" ADD CONSTRAINT "mail_unsubscribes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_unsubscribes" ADD CONSTRAINT "mail_unsubscribes_person_fk" FOREIGN KEY ("org_id","person_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_settings" ADD CONSTRAINT "sms_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_campaigns_org_created_idx" ON "mail_campaigns" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "mail_campaigns_scheduled_idx" ON "mail_campaigns" USING btree ("scheduled_at") WHERE "mail_campaigns"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "mail_recipients_state_idx" ON "mail_recipients" USING btree ("org_id","campaign_id","state","person_id");