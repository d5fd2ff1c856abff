/**
 * Free text in Swedish, one rule for the federation (the registry's actors, services and HSDS, and
 * the activities): PostgreSQL full-text search over a generated `tsvector` column
 * (`to_tsvector('swedish', …)`, with a GIN index).
 */

/**
 * SQL: the Swedish full-text query for `text` (an SQL text expression, e.g. a parameter):
 * `websearch_to_tsquery('swedish', …)` (stemmed, so "läxhjälpen" finds "läxhjälp"; "quoted
 * phrases", OR and -exclusion work), with each lexeme also matching as a prefix, so that a word
 * finds the compounds it begins ("fotboll" finds "fotbollsturnering", "avhoppar" finds
 * "avhopparverksamhet") and the GIN index still serves it.
 */
export const swedishQuerySql = (text: string) =>
  `regexp_replace(websearch_to_tsquery('swedish', ${text})::text, $re$'(?:[^']|'')+'$re$, '\\&:*', 'g')::tsquery`;

