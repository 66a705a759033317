DROP INDEX "contacts_org_status_idx";--> statement-breakpoint
DROP INDEX "contacts_org_responsible_idx";--> statement-breakpoint
DROP INDEX "contacts_org_company_idx";--> statement-breakpoint
CREATE INDEX "contacts_org_status_idx" ON "contacts" USING btree ("org_id","status_id") WHERE "contacts"."status_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_responsible_idx" ON "contacts" USING btree ("org_id","responsible_id") WHERE "contacts"."responsible_id" is not null;--> statement-breakpoint
CREATE INDEX "contacts_org_company_idx" ON "contacts" USING btree ("org_id","company_id") WHERE "contacts"."company_id" is not null;