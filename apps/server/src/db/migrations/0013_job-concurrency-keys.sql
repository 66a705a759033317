ALTER TABLE "jobs" ADD COLUMN "concurrency_key" text;--> statement-breakpoint
ALTER TABLE "jobs" ADD COLUMN "concurrency_limit" integer;--> statement-breakpoint
CREATE INDEX "jobs_running_key_idx" ON "jobs" USING btree ("concurrency_key") WHERE "jobs"."state" = 'running' and "jobs"."concurrency_key" is not null;