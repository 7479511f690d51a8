CREATE TABLE "program_checkins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"program_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"due_on" date NOT NULL,
	"reminded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"nudged_at" timestamp with time zone,
	"escalated_at" timestamp with time zone,
	"held_on" date,
	"note" text,
	"next_step" text,
	"recorded_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "programs" ADD COLUMN "checkin_weeks" integer;--> statement-breakpoint
ALTER TABLE "program_checkins" ADD CONSTRAINT "program_checkins_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_checkins" ADD CONSTRAINT "program_checkins_program_id_programs_id_fk" FOREIGN KEY ("program_id") REFERENCES "public"."programs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_checkins" ADD CONSTRAINT "program_checkins_learner_id_people_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "program_checkins" ADD CONSTRAINT "program_checkins_manager_id_people_id_fk" FOREIGN KEY ("manager_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "program_checkins_program_learner_uq" ON "program_checkins" USING btree ("program_id","learner_id");--> statement-breakpoint
CREATE INDEX "program_checkins_manager_idx" ON "program_checkins" USING btree ("manager_id","due_on");--> statement-breakpoint
CREATE INDEX "program_checkins_learner_idx" ON "program_checkins" USING btree ("learner_id","due_on");