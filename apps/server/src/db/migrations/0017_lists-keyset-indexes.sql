DROP INDEX "contacts_org_kind_created_idx";--> statement-breakpoint
CREATE INDEX "contacts_list_created_idx" ON "contacts" USING btree ("org_id","kind","created_at","sort_name","id") WHERE "contacts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contacts_list_updated_idx" ON "contacts" USING btree ("org_id","kind","updated_at","sort_name","id") WHERE "contacts"."deleted_at" is null;