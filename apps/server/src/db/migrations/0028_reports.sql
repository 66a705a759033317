CREATE TABLE "funnel_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"steps" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "report_roles" text[];--> statement-breakpoint
ALTER TABLE "funnel_settings" ADD CONSTRAINT "funnel_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tasks_org_created_idx" ON "tasks" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_org_completed_idx" ON "tasks" USING btree ("org_id","completed_at") WHERE "tasks"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "member_records_trial_idx" ON "member_records" USING btree ("org_id","occurred_at") WHERE "member_records"."kind" = 'booking' and ("member_records"."data" ->> 'trial') = 'true';--> statement-breakpoint
CREATE INDEX "member_records_kind_time_idx" ON "member_records" USING btree ("org_id","kind","occurred_at","contact_id");--> statement-breakpoint
CREATE INDEX "deals_expected_close_idx" ON "deals" USING btree ("org_id","expected_close_date");--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("org_id","closed_at") WHERE "deals"."closed_at" is not null;