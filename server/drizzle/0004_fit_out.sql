CREATE TABLE "fit_out_passes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"property_id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"number" text NOT NULL,
	"worker_name" text NOT NULL,
	"id_number" text NOT NULL,
	"worker_role" text NOT NULL,
	"phone" text NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"status_reason" text,
	"issued_by" uuid NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "fit_out_passes_validity" CHECK ("fit_out_passes"."valid_to" >= "fit_out_passes"."valid_from")
);
--> statement-breakpoint
ALTER TABLE "fit_out_passes" ADD CONSTRAINT "fit_out_passes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_out_passes" ADD CONSTRAINT "fit_out_passes_property_id_properties_id_fk" FOREIGN KEY ("property_id") REFERENCES "public"."properties"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_out_passes" ADD CONSTRAINT "fit_out_passes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fit_out_passes" ADD CONSTRAINT "fit_out_passes_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fit_out_passes_number_uq" ON "fit_out_passes" USING btree ("property_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "fit_out_passes_live_uq" ON "fit_out_passes" USING btree ("case_id","id_number") WHERE "fit_out_passes"."status" in ('active', 'suspended');--> statement-breakpoint
CREATE INDEX "fit_out_passes_case_idx" ON "fit_out_passes" USING btree ("case_id");