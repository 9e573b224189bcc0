-- Substring search over Chinese text (docs/decisions/0006-chinese-substring-search.md).
-- atrium_bigrams(a, b, …): the overlapping two-character pieces of lower(a), lower(b), …; none spans
-- two arguments; nothing for a NULL or one-character argument. ILIKE '%q%' compares lower(text)
-- with lower(q), and a text that contains q contains every bigram of q: a GIN index on the bigrams
-- finds a superset of the ILIKE's matches (the exact set when q has two characters). The array may
-- repeat an element: @>, GIN and ANALYZE treat it as a set, and not removing repeats keeps the
-- function cheap. plpgsql: about three times faster than the same in SQL, and core PostgreSQL, so
-- PGlite has it too. COST 200 (a few microseconds a row, twice the default): a plan that would
-- compute it for every row it reads, rather than look it up in the index, is priced as it runs.
CREATE OR REPLACE FUNCTION atrium_bigrams(VARIADIC parts text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 200 AS $$
DECLARE
  part text;
  grams text[] := '{}';
BEGIN
  IF parts IS NULL THEN
    RETURN grams;
  END IF;
  FOREACH part IN ARRAY parts LOOP
    part := lower(part);
    FOR i IN 1 .. coalesce(char_length(part), 0) - 1 LOOP
      grams := grams || substr(part, i, 2);
    END LOOP;
  END LOOP;
  RETURN grams;
END
$$;--> statement-breakpoint
-- atrium_bigrams_in(building, a, …): the same bigrams, each tagged with the first 8 hex digits of
-- the building's id (ten characters: never equal to a plain bigram). A search within one building
-- then reads that building's index entries, not the organisation's. Two buildings may share a tag:
-- the query keeps its building condition, which sorts them out.
CREATE OR REPLACE FUNCTION atrium_bigrams_in(building uuid, VARIADIC parts text[]) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 200 AS $$
DECLARE
  tag text := left(building::text, 8);
  part text;
  grams text[] := '{}';
BEGIN
  IF building IS NULL OR parts IS NULL THEN
    RETURN grams;
  END IF;
  FOREACH part IN ARRAY parts LOOP
    part := lower(part);
    FOR i IN 1 .. coalesce(char_length(part), 0) - 1 LOOP
      grams := grams || (tag || substr(part, i, 2));
    END LOOP;
  END LOOP;
  RETURN grams;
END
$$;--> statement-breakpoint
-- IF NOT EXISTS, and the DROP at the end: a draft of this migration (without the building tags,
-- its index named cases_search_idx) was applied to two shared bench databases before it landed.
CREATE INDEX IF NOT EXISTS "customer_contacts_search_idx" ON "customer_contacts" USING gin (atrium_bigrams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_search_idx" ON "customers" USING gin (atrium_bigrams("name"));--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "cases_unit_idx" ON "cases" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "cases_search_keys_idx" ON "cases" USING gin ((atrium_bigrams("number", "title", "contact_name") || atrium_bigrams_in("property_id", "number", "title", "contact_name")));--> statement-breakpoint
-- Statistics of the new index expressions: without them the planner guesses how common a bigram is.
ANALYZE "cases";--> statement-breakpoint
ANALYZE "customers";--> statement-breakpoint
ANALYZE "customer_contacts";--> statement-breakpoint
-- Last, so that its exclusive lock on cases is held only until the commit.
DROP INDEX IF EXISTS "cases_search_idx";
