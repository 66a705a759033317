CREATE TABLE "import_problems" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"n" integer NOT NULL,
	"record" integer NOT NULL,
	"line" integer NOT NULL,
	"column" text,
	"severity" text NOT NULL,
	"code" text NOT NULL,
	"message" text NOT NULL,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"value" text,
	"match_id" uuid,
	"match_name" text,
	CONSTRAINT "import_problems_org_id_import_id_n_pk" PRIMARY KEY("org_id","import_id","n")
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "warned" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "value_map" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "skip_on_problem" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "import_problems" ADD CONSTRAINT "import_problems_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_problems" ADD CONSTRAINT "import_problems_import_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."imports"("org_id","id") ON DELETE cascade ON UPDATE no action;