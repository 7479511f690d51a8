ALTER TABLE "live_group_notes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Existing notes: their last save is the closest known bound on when they were started (members who joined after it do not read them).
UPDATE "live_group_notes" SET "created_at" = "updated_at";
