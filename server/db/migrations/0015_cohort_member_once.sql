DROP INDEX "cohort_members_person_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "cohort_members_person_idx" ON "cohort_members" USING btree ("program_id","person_id");