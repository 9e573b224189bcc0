CREATE INDEX "cases_move_date_idx" ON "cases" USING btree ("org_id","property_id",(case when "type" = 'move_in' then "data"->>'moveInDate' else "data"->>'moveOutDate' end)) WHERE type in ('move_in', 'move_out');--> statement-breakpoint
-- Every step of a case updates its row, all day: vacuum cases after 2% of its rows changed or were
-- added (the default is 20%: at 500,000 cases, once in 100,000 changes), so that the visibility
-- map stays current and the dashboard's counts over cases_open_counts_idx stay index-only scans.
ALTER TABLE "cases" SET (autovacuum_vacuum_scale_factor = 0.02, autovacuum_vacuum_insert_scale_factor = 0.02, autovacuum_analyze_scale_factor = 0.02);
