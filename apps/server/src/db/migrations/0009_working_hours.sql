ALTER TABLE "crm_settings" ADD COLUMN "workday_start" text DEFAULT '10:00' NOT NULL;--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "workday_end" text;