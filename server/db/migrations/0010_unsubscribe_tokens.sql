CREATE TABLE "unsubscribe_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "notification_prefs_unsub_key";--> statement-breakpoint
ALTER TABLE "unsubscribe_tokens" ADD CONSTRAINT "unsubscribe_tokens_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unsubscribe_tokens" ADD CONSTRAINT "unsubscribe_tokens_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unsubscribe_tokens_person_idx" ON "unsubscribe_tokens" USING btree ("person_id","created_at");--> statement-breakpoint
-- The token of the last mail each person got keeps working.
INSERT INTO "unsubscribe_tokens" ("token_hash", "person_id", "org_id") SELECT "unsubscribe_token_hash", "person_id", "org_id" FROM "notification_prefs" WHERE "unsubscribe_token_hash" IS NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_prefs" DROP COLUMN "unsubscribe_token_hash";