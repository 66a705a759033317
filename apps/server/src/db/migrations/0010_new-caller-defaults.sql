ALTER TABLE "crm_settings" ADD COLUMN "new_caller_status_id" uuid;--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "new_caller_responsible" text DEFAULT 'taker' NOT NULL;