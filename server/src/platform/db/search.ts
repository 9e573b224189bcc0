import { sql, type AnyColumn, type SQL } from 'drizzle-orm'

// Substring search over Chinese text (docs/decisions/0006-chinese-substring-search.md).
// `atrium_bigrams(text, …)` (migration 0007) returns the overlapping two-character pieces of
// lower(text) of each argument; GIN indexes hold them for the searched columns. A text that
// contains q contains every bigram of q, so `bigrams(columns) @> bigrams(q)` is a necessary
// condition of `column ILIKE '%q%'`: the index finds the candidates and the ILIKE decides. For a
// two-character q, whose one bigram is q itself, the condition is also sufficient.

/** Characters as PostgreSQL counts them in UTF-8 (code points), not UTF-16 units. */
export function charLength(text: string): number {
  return [...text].length
}

/**
 * Whether the bigram indexes can serve a search for `q`: it has a bigram, i.e. at least two
 * characters. A one-character query has none and is matched by ILIKE alone.
 */
export function bigramSearchable(q: string): boolean {
  return charLength(q) >= 2
}

/**
 * Whether the bigram test alone decides `ILIKE '%q%'`: q has two characters, so its one bigram is
 * lower(q) itself, and a text has that bigram exactly when lower(text) contains lower(q) — what
 * ILIKE tests. (PostgreSQL lowers character by character with the libc provider, which both PGlite
 * and our servers use, so lower(q) has two characters too.) Longer queries need the ILIKE as well:
 * "abc" has the bigrams of "ab…bc" without containing "abc".
 */
export function bigramTestIsExact(q: string): boolean {
  return charLength(q) === 2
}

/** `atrium_bigrams(part, …)`: the bigrams of the parts (none spanning two parts). */
export function bigramsOf(...parts: (AnyColumn | SQL)[]): SQL {
  return sql`atrium_bigrams(${sql.join(parts, sql`, `)})`
}

/**
 * What the cases search index holds: the bigrams of the parts, and the same bigrams tagged with
 * the building (`atrium_bigrams_in`), so that a search within one building reads that building's
 * entries rather than the whole organisation's. A query is served by the index only when it
 * repeats the index's expression exactly, so the schema and the repository both build it here.
 */
export function searchKeysOf(building: AnyColumn, ...parts: AnyColumn[]): SQL {
  return sql`(${bigramsOf(...parts)} || atrium_bigrams_in(${sql.join([building, ...parts], sql`, `)}))`
}

/**
 * Every bigram of `q` is among `keys` (made by `bigramsOf` or `searchKeysOf`); with `building`
 * (keys made by `searchKeysOf` only), every bigram tagged with that building. The caller keeps the
 * building itself in its conditions: tags are short and two buildings may share one.
 */
export function hasBigramsOf(keys: SQL, q: string, building?: string): SQL {
  return building
    ? sql`${keys} @> atrium_bigrams_in(${building}::uuid, ${q}::text)`
    : sql`${keys} @> atrium_bigrams(${q}::text)`
}
