CREATE TABLE "deleted_tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"rows" jsonb NOT NULL,
	"next_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"deleted_by" uuid,
	"deleted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deleted_tasks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "new_caller_status_id" uuid;--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "new_caller_responsible" text DEFAULT 'taker' NOT NULL;--> statement-breakpoint
ALTER TABLE "deleted_tasks" ADD CONSTRAINT "deleted_tasks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "deleted_tasks_org_deleted_idx" ON "deleted_tasks" USING btree ("org_id","deleted_at");