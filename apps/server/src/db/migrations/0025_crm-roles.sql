ALTER TABLE "organizations" ADD COLUMN "crm_roles" text[];--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "responsible_roles" text[];