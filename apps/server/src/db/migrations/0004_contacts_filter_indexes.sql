-- Indexes drizzle-kit cannot describe (INCLUDE columns, a multi-column GIN over scalars).
-- Lists (C-10) filter by status, responsible, branch, source and tags in any combination,
-- and page by name. btree_gin lets one GIN index answer every combination of those filters
-- for counts; the covering btree index pages by name without reading the rows.
CREATE EXTENSION IF NOT EXISTS btree_gin;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_filter_gin_idx" ON "contacts" USING gin ("org_id", "kind", "status_id", "responsible_id", "branch_id", "source_id", "tag_ids") WHERE "deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "contacts_list_name_idx" ON "contacts" USING btree ("org_id", "kind", "sort_name", "id") INCLUDE ("status_id", "responsible_id", "branch_id", "source_id", "tag_ids") WHERE "deleted_at" IS NULL;
