ALTER TABLE "live_group_notes" ADD COLUMN "created_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
-- Existing notes: when they were started is unknown, so they are treated as started with their group. Members placed
-- when the group formed (joined_at <= the group's created_at) keep reading them; anyone placed later (the old late
-- joiners, who may have been put into a pair that had talked already) does not.
UPDATE "live_group_notes" AS n SET "created_at" = g."created_at" + interval '1 microsecond' FROM "live_groups" AS g WHERE g."id" = n."group_id";
