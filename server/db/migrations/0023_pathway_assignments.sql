CREATE TABLE "pathway_assignments" (
	"pathway_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"org_id" uuid NOT NULL,
	"assigned_by" uuid,
	"due_on" date NOT NULL,
	"reminded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pathway_assignments_pathway_id_person_id_pk" PRIMARY KEY("pathway_id","person_id")
);
--> statement-breakpoint
ALTER TABLE "pathway_assignments" ADD CONSTRAINT "pathway_assignments_pathway_id_pathways_id_fk" FOREIGN KEY ("pathway_id") REFERENCES "public"."pathways"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_assignments" ADD CONSTRAINT "pathway_assignments_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pathway_assignments" ADD CONSTRAINT "pathway_assignments_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pathway_assignments_due_idx" ON "pathway_assignments" USING btree ("due_on") WHERE reminded_at is null;--> statement-breakpoint
CREATE INDEX "pathway_assignments_person_idx" ON "pathway_assignments" USING btree ("person_id");