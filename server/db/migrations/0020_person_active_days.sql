CREATE TABLE "person_active_days" (
	"org_id" uuid NOT NULL,
	"day" date NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "person_active_days_org_id_day_person_id_pk" PRIMARY KEY("org_id","day","person_id")
);
--> statement-breakpoint
ALTER TABLE "person_active_days" ADD CONSTRAINT "person_active_days_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person_active_days" ADD CONSTRAINT "person_active_days_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "person_active_days_person_idx" ON "person_active_days" USING btree ("person_id");--> statement-breakpoint
-- Hand-written backfill: the days the sessions still on record were started and last used.
INSERT INTO "person_active_days" ("org_id", "day", "person_id")
SELECT "org_id", ("created_at" AT TIME ZONE 'UTC')::date, "person_id" FROM "sessions"
UNION
SELECT "org_id", ("last_seen_at" AT TIME ZONE 'UTC')::date, "person_id" FROM "sessions"
ON CONFLICT DO NOTHING;
