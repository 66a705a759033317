CREATE TABLE "lead_form_submissions" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"form_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"task_id" uuid,
	"locale" text NOT NULL,
	"data" jsonb NOT NULL,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"first_contact_at" timestamp with time zone,
	"first_contact_task_id" uuid,
	CONSTRAINT "lead_form_submissions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "lead_forms" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"public_id" text NOT NULL,
	"name" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"fields" jsonb NOT NULL,
	"consents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"texts" jsonb NOT NULL,
	"settings" jsonb NOT NULL,
	"turns" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lead_forms_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "lead_form_submissions" ADD CONSTRAINT "lead_form_submissions_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_form_submissions" ADD CONSTRAINT "lead_form_submissions_contact_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lead_forms" ADD CONSTRAINT "lead_forms_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "lead_form_submissions_waiting_idx" ON "lead_form_submissions" USING btree ("org_id","contact_id","submitted_at") WHERE "lead_form_submissions"."first_contact_at" is null;--> statement-breakpoint
CREATE INDEX "lead_form_submissions_contact_idx" ON "lead_form_submissions" USING btree ("org_id","contact_id","submitted_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "lead_form_submissions_form_idx" ON "lead_form_submissions" USING btree ("org_id","form_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_forms_public_id_unique" ON "lead_forms" USING btree ("public_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lead_forms_org_name_unique" ON "lead_forms" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE INDEX "lead_forms_org_list_idx" ON "lead_forms" USING btree ("org_id","created_at","id");