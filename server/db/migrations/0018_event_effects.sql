CREATE TABLE "event_effects" (
	"event_id" bigint NOT NULL,
	"consumer" text NOT NULL,
	"effect" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "event_effects_consumer_event_id_effect_pk" PRIMARY KEY("consumer","event_id","effect")
);
--> statement-breakpoint
ALTER TABLE "event_effects" ADD CONSTRAINT "event_effects_event_id_domain_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."domain_events"("id") ON DELETE cascade ON UPDATE no action;