DROP INDEX "jobs_org_state_idx";--> statement-breakpoint
DROP INDEX "club_events_log_idx";--> statement-breakpoint
DROP INDEX "member_records_contact_idx";--> statement-breakpoint
DROP INDEX "lead_form_submissions_contact_idx";--> statement-breakpoint
DROP INDEX "webhook_attempts_endpoint_idx";--> statement-breakpoint
CREATE INDEX "jobs_org_state_idx" ON "jobs" USING btree ("org_id","state","run_at","id");--> statement-breakpoint
CREATE INDEX "club_events_log_idx" ON "club_events" USING btree ("org_id","received_at","id");--> statement-breakpoint
CREATE INDEX "member_records_contact_idx" ON "member_records" USING btree ("org_id","contact_id","kind","occurred_at");--> statement-breakpoint
CREATE INDEX "lead_form_submissions_contact_idx" ON "lead_form_submissions" USING btree ("org_id","contact_id","submitted_at");--> statement-breakpoint
CREATE INDEX "webhook_attempts_endpoint_idx" ON "webhook_attempts" USING btree ("org_id","endpoint_id","at","id");