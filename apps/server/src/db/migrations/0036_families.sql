CREATE TABLE "person_relations" (
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"role_id" uuid,
	"is_primary" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_relations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "person_relations_not_self" CHECK ("person_relations"."guardian_id" <> "person_relations"."child_id")
);
--> statement-breakpoint
ALTER TABLE "crm_settings" ADD COLUMN "adult_age" integer DEFAULT 18 NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "consent_email_by" uuid;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "consent_sms_by" uuid;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_guardian_id_fk" FOREIGN KEY ("org_id","guardian_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_child_id_fk" FOREIGN KEY ("org_id","child_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_relations" ADD CONSTRAINT "person_relations_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."users"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "person_relations_pair_unique" ON "person_relations" USING btree ("org_id","guardian_id","child_id");--> statement-breakpoint
CREATE INDEX "person_relations_child_idx" ON "person_relations" USING btree ("org_id","child_id");--> statement-breakpoint
CREATE UNIQUE INDEX "person_relations_primary_unique" ON "person_relations" USING btree ("org_id","child_id") WHERE "person_relations"."is_primary";--> statement-breakpoint
INSERT INTO "lookups" ("org_id", "kind", "name", "scope", "position")
SELECT o."id", 'relation-roles', r."name", 'person', r."position"
FROM "organizations" o
JOIN (VALUES
  ('en', 'Mother', 0), ('en', 'Father', 1), ('en', 'Guardian', 2), ('en', 'Other carer', 3),
  ('sv', 'Mamma', 0), ('sv', 'Pappa', 1), ('sv', 'Vårdnadshavare', 2), ('sv', 'Annan vuxen', 3),
  ('pl', 'Matka', 0), ('pl', 'Ojciec', 1), ('pl', 'Opiekun prawny', 2), ('pl', 'Inny opiekun', 3),
  ('ru', 'Мама', 0), ('ru', 'Папа', 1), ('ru', 'Опекун', 2), ('ru', 'Другой взрослый', 3),
  ('uk', 'Мама', 0), ('uk', 'Тато', 1), ('uk', 'Опікун', 2), ('uk', 'Інший дорослий', 3)
) AS r("locale", "name", "position")
  ON r."locale" = CASE WHEN o."locale" IN ('en', 'sv', 'pl', 'ru', 'uk') THEN o."locale" ELSE 'en' END
ON CONFLICT DO NOTHING;
