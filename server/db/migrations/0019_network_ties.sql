CREATE TABLE "network_ties" (
	"org_id" uuid NOT NULL,
	"a" uuid NOT NULL,
	"b" uuid NOT NULL,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"weight" real DEFAULT 1 NOT NULL,
	CONSTRAINT "network_ties_org_id_a_b_kind_day_pk" PRIMARY KEY("org_id","a","b","kind","day")
);
--> statement-breakpoint
ALTER TABLE "network_ties" ADD CONSTRAINT "network_ties_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "network_ties_org_day_idx" ON "network_ties" USING btree ("org_id","day");--> statement-breakpoint
CREATE INDEX "network_ties_b_idx" ON "network_ties" USING btree ("org_id","b");