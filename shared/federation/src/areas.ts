import { registerEnumType } from 'type-graphql';

/**
 * Area codes: `SE` for Sweden, the two-digit county code (länskod, e.g. `01`), the four-digit
 * municipality code (kommunkod, e.g. `0180`, which starts with its county's code), and for a
 * district or a named area the municipality code, a dash and a slug of its name when it was created
 * (e.g. `0180-rinkeby-kista`, `0180-jarva`; see `localAreaCode`).
 * The code alone tells an area's ancestors, so every subgraph can filter by area, sub-areas
 * included, without asking the actors subgraph. (Which districts a named area spans only the actors
 * registry knows: elsewhere a named area's code matches the records given that code.)
 */
export const COUNTRY_CODE = 'SE';
export const AREA_CODE_PATTERN = /^(SE|\d{2}|\d{4}|\d{4}-[a-z0-9]+(-[a-z0-9]+)*)$/;

export enum AreaScope {
  WITHIN = 'WITHIN',
  OVERLAPPING = 'OVERLAPPING',
}

registerEnumType(AreaScope, {
  name: 'AreaScope',
  description: 'Which records an area filter matches.',
  valuesConfig: {
    WITHIN: { description: 'Records in the area or any of its sub-areas.' },
    OVERLAPPING: {
      description: 'As WITHIN, plus records for an area that contains it (e.g. county- or nation-wide records).',
    },
  },
});

/**
 * The code of a new district or named area: the municipality code, a dash and the name as a slug
 * (lower case, å/ä → a, ö → o and other accents dropped, anything else between words a dash):
 * `localAreaCode('0180', 'Spånga-Tensta')` is `0180-spanga-tensta`. Empty when the name has no letters or digits.
 */
export function localAreaCode(municipalityCode: string, name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug ? `${municipalityCode}-${slug}` : '';
}

/** The area itself and its ancestors, nearest first: `0180-rinkeby-kista` → `0180`, `01`, `SE`. */
export function selfAndAncestors(code: string): string[] {
  if (code === COUNTRY_CODE) return [code];
  const chain = [code];
  if (code.length > 4) chain.push(code.slice(0, 4));
  if (code.length > 2) chain.push(code.slice(0, 2));
  return [...chain, COUNTRY_CODE];
}

/**
 * Area filters in SQL, written so that the btree index on an area column (`text_pattern_ops`, as
 * every area column has) serves them as ranges. The rule, for an area `code`:
 * - WITHIN: `SE` matches everything; a county `01` every code starting with `01`; a municipality
 *   `0180` itself and every code starting with `0180-` (its districts and named areas); any other
 *   code (a district, a named area) itself.
 * - OVERLAPPING: as WITHIN, plus the codes of the areas containing it (`selfAndAncestors` but itself).
 * Ranges compare in byte order (`~>=~`, `~<~`, the operators of `text_pattern_ops`), whatever the
 * database's collation, so "starts with `01`" is `>= '01' AND < '02'`, and "is `0180-rinkeby`" is
 * `>= '0180-rinkeby' AND < '0180-rinkeby' || chr(1)` (no text holds chr(0)).
 */

/** The upper end of the codes starting with `prefix`, in byte order: its last character plus one (`01` → `02`, `0180-` → `0180.`). */
const prefixEnd = (prefix: string) => prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);

/**
 * SQL condition: the area in `column` matches the one area `code` (a value, not SQL) by `scope`, in
 * the shape for its level, each a condition an index serves: none for `SE`, a range for a county,
 * the code or a range for a municipality, the code for any other; OVERLAPPING adds `= ANY(ancestors)`.
 * `bind` turns a value into SQL (a placeholder whose parameter it records, e.g. `namedAreaParameters`).
 */
export function areaFilterSql(column: string, code: string, scope: AreaScope, bind: (value: string | string[]) => string): string {
  let within: string;
  if (code === COUNTRY_CODE) return 'TRUE';
  if (code.length === 2) within = `(${column} ~>=~ ${bind(code)} AND ${column} ~<~ ${bind(prefixEnd(code))})`;
  else if (code.length === 4) within = `(${column} = ${bind(code)} OR (${column} ~>=~ ${bind(`${code}-`)} AND ${column} ~<~ ${bind(prefixEnd(`${code}-`))}))`;
  else within = `${column} = ${bind(code)}`;
  if (scope === AreaScope.WITHIN) return within;
  return `(${within} OR ${column} = ANY(${bind(selfAndAncestors(code).slice(1))}))`;
}

/**
 * A `bind` for typeorm's named parameters: each value becomes `:<name>0`, `:<name>1`, … (cast to
 * text or text[]), recorded in `parameters` for `andWhere(sql, parameters)`.
 */
export function namedParameters(name: string): { bind: (value: string | string[]) => string; parameters: Record<string, string | string[]> } {
  const parameters: Record<string, string | string[]> = {};
  const bind = (value: string | string[]) => {
    const key = `${name}${Object.keys(parameters).length}`;
    parameters[key] = value;
    return Array.isArray(value) ? `CAST(:${key} AS text[])` : `CAST(:${key} AS text)`;
  };
  return { bind, parameters };
}

/** `areaFilterSql` with typeorm's named parameters (named after `name`): the condition and its parameters. */
export function namedAreaFilter(column: string, code: string, scope: AreaScope, name = 'areaCode'): [string, Record<string, string | string[]>] {
  const { bind, parameters } = namedParameters(name);
  return [areaFilterSql(column, code, scope, bind), parameters];
}

/** The most codes of a batch `areaPrefilterSql` writes out; above it, the batch is large enough to read much of the table anyway. */
export const MAX_PREFILTER_CODES = 50;

/**
 * SQL condition, redundant by design: the area in `column` matches any of `codes` (values) by `scope`, by `filter` (e.g.
 * `areaFilterSql`), or TRUE for more than `MAX_PREFILTER_CODES` codes. Added to a range join
 * (`inAreaRangeSql`) it changes no result, but gives the planner constant ranges it can estimate
 * from the column's statistics: a join on ranges from a list is estimated blindly (a ninth of the
 * table per range), which turns the joins after it into scans of whole tables.
 */
export function areaPrefilterSql(
  column: string,
  codes: readonly string[],
  scope: AreaScope,
  bind: (value: string | string[]) => string,
  filter: (column: string, code: string, scope: AreaScope, bind: (value: string | string[]) => string) => string = areaFilterSql,
): string {
  if (codes.length === 0 || codes.length > MAX_PREFILTER_CODES) return 'TRUE';
  return `(${[...new Set(codes)].map((code) => filter(column, code, scope, bind)).join(' OR ')})`;
}

/**
 * SQL: the byte-order ranges `(lo, hi, wider)` of the area codes the area code `code` (an SQL text
 * expression, e.g. a column of a list of codes) matches by `scope`; `wider` marks those of the
 * areas containing it (only OVERLAPPING has them). The ranges of one code never overlap, so joining
 * on them (`inAreaRangeSql`) finds a record once per code. For `CROSS JOIN LATERAL`.
 */
export function areaRangesSql(code: string, scope: AreaScope): string {
  const self = `${code} || chr(1)`;
  const rows = [
    // SE: everything (text in byte order is below U+10FFFF, the highest character); a county: its prefix; otherwise the code itself.
    `(CASE WHEN ${code} = '${COUNTRY_CODE}' THEN '' ELSE ${code} END,
      CASE WHEN ${code} = '${COUNTRY_CODE}' THEN chr(1114111)
           WHEN length(${code}) = 2 THEN left(${code}, 1) || chr(ascii(right(${code}, 1)) + 1)
           ELSE ${self} END, false)`,
    // A municipality: its districts and named areas, `0180-…`.
    `(CASE WHEN length(${code}) = 4 THEN ${code} || '-' END, ${code} || '.', false)`,
  ];
  if (scope === AreaScope.OVERLAPPING) {
    rows.push(
      `(CASE WHEN length(${code}) > 4 THEN left(${code}, 4) END, left(${code}, 4) || chr(1), true)`,
      `(CASE WHEN length(${code}) > 2 THEN left(${code}, 2) END, left(${code}, 2) || chr(1), true)`,
      `(CASE WHEN ${code} <> '${COUNTRY_CODE}' THEN '${COUNTRY_CODE}' END, '${COUNTRY_CODE}' || chr(1), true)`,
    );
  }
  return `(SELECT lo, hi, wider FROM (VALUES ${rows.join(',\n      ')}) AS r(lo, hi, wider) WHERE lo IS NOT NULL)`;
}

/**
 * SQL: the rows of `keys` (a relation with a `code` column, e.g. `plainAreaKeysSql`), each once per
 * range of the codes its code matches by `scope` (`areaRangesSql`), as columns `lo`, `hi` and
 * `wider_area` next to those of `keys`. Join a table on `inAreaRangeSql` to find each key's records.
 */
export const areaKeyRangesSql = (keys: string, scope: AreaScope) =>
  `(SELECT k.*, r.lo, r.hi, r.wider AS wider_area FROM ${keys} AS k CROSS JOIN LATERAL ${areaRangesSql('k.code', scope)} AS r)`;

/** SQL condition: the area in `column` lies in the range of `ranges` (an alias of `areaKeyRangesSql`), an index range scan per range. */
export const inAreaRangeSql = (column: string, ranges: string) => `(${column} ~>=~ ${ranges}.lo AND ${column} ~<~ ${ranges}.hi)`;

/** One value per area scope, e.g. a loader for WITHIN and one for OVERLAPPING. */
export const perAreaScope = <T>(make: (scope: AreaScope) => T): Record<AreaScope, T> => ({
  [AreaScope.WITHIN]: make(AreaScope.WITHIN),
  [AreaScope.OVERLAPPING]: make(AreaScope.OVERLAPPING),
});

/**
 * SQL: the rows `(key, code)` an area filter over the codes in the text[] expression `codes` matches
 * with: each code itself. (A subgraph that knows more, such as the districts a named area spans,
 * has its own.)
 */
export const plainAreaKeysSql = (codes: string) => `(SELECT code AS key, code FROM unnest(${codes}) AS code)`;

/**
 * SQL: `table` (as `t`, its area in `t.area_code`) joined to the area codes `codes` (values; in the
 * statement as the text[] expression `codesSql`), as `k` with `k.key` the code: each key's records
 * by `scope`, one row per record and key. The join on ranges is what the index serves; the same
 * match with the codes written out (`areaPrefilterSql`) gives the planner its estimate. Returns
 * the SQL and its parameters (besides `codesSql`'s), for a `FROM`.
 */
export function areaJoinSql(table: string, codes: readonly string[], scope: AreaScope, codesSql = 'CAST(:codes AS text[])'): [string, Record<string, string | string[]>] {
  const { bind, parameters } = namedParameters('areaPrefilter');
  return [
    `${table} t JOIN ${areaKeyRangesSql(plainAreaKeysSql(codesSql), scope)} AS k ON ${inAreaRangeSql('t.area_code', 'k')} AND ${areaPrefilterSql('t.area_code', codes, scope, bind)}`,
    parameters,
  ];
}
