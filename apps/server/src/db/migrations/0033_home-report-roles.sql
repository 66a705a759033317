DROP INDEX "tasks_org_created_idx";--> statement-breakpoint
DROP INDEX "tasks_org_completed_idx";--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "report_roles" text[];--> statement-breakpoint
CREATE INDEX "tasks_open_due_visible_idx" ON "tasks" USING btree ("org_id","due_at","type","private","contact_id","assignee_id","creator_id","branch_id","template_id") WHERE "tasks"."completed_at" is null;--> statement-breakpoint
CREATE INDEX "member_records_trial_idx" ON "member_records" USING btree ("org_id","occurred_at") WHERE "member_records"."kind" = 'booking' and ("member_records"."data" ->> 'trial') = 'true';--> statement-breakpoint
CREATE INDEX "tasks_org_created_idx" ON "tasks" USING btree ("org_id","created_at","type","assignee_id","template_id","result_id","branch_id","contact_id","creator_id","private","completed_at");--> statement-breakpoint
CREATE INDEX "tasks_org_completed_idx" ON "tasks" USING btree ("org_id","completed_at","type","assignee_id","template_id","result_id","branch_id","contact_id","creator_id","private") WHERE "tasks"."completed_at" is not null;