ALTER TABLE "deals" ADD COLUMN "close_probability" integer;--> statement-breakpoint
CREATE INDEX "member_records_kind_time_idx" ON "member_records" USING btree ("org_id","kind","occurred_at","contact_id");--> statement-breakpoint
CREATE INDEX "member_records_ends_idx" ON "member_records" USING btree ("org_id",("data"->>'endsOn')) WHERE "member_records"."kind" = 'contract';--> statement-breakpoint
CREATE INDEX "deals_expected_close_idx" ON "deals" USING btree ("org_id","expected_close_date");--> statement-breakpoint
CREATE INDEX "deals_closed_idx" ON "deals" USING btree ("org_id","closed_at") WHERE "deals"."closed_at" is not null;