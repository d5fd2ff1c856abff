import { areaFilterSql, AreaScope, namedParameters } from '@samverkan/federation';

/**
 * Named areas in the registry's own lists: a filter by a named area's code (e.g. "0180-jarva")
 * matches the records of the districts it spans (area_members) as well as its own; with OVERLAPPING,
 * a district's code also matches records given a named area that spans it. Other subgraphs match
 * area codes by prefix only (areaFilterSql), so there a named area's code matches just itself.
 */

/**
 * SQL: rows `(key, code)` for the codes in the text[] expression `codes`: each code itself, the
 * districts of each named area, and with OVERLAPPING the named areas spanning each district. A record
 * whose area matches `code` (`areaKeyRangesSql`, `inAreaRangeSql`) belongs to `key`. For area lists and single-code filters.
 * With `markWider`, a third column `wider` is true on the rows of a named area spanning the district
 * `key` (a wider area, as a county is), false on the others.
 */
export function registryAreaKeysSql(codes: string, scope: AreaScope, markWider = false): string {
  const mark = (wider: boolean) => (markWider ? `, ${wider} AS wider` : '');
  const keys = [
    `SELECT code AS key, code${mark(false)} FROM unnest(${codes}) AS code`,
    `SELECT named_area_code, area_code${mark(false)} FROM area_members WHERE named_area_code = ANY(${codes})`,
  ];
  if (scope === AreaScope.OVERLAPPING) keys.push(`SELECT area_code, named_area_code${mark(true)} FROM area_members WHERE area_code = ANY(${codes})`);
  return `(${keys.join(' UNION ')})`;
}

/**
 * SQL condition: the area in `column` matches the one area code `code` (a value; `bind` makes SQL of
 * a value, as for `areaFilterSql`), named areas included: the same match as `registryAreaKeysSql`,
 * in shapes the area indexes serve. The districts of a named area are looked up once (a named area
 * spans districts, the lowest level, so a record is in one of them when its code is one of theirs).
 * Only a code longer than a municipality's can be a named area or a district, so only such a code
 * looks in area_members.
 */
export function registryAreaFilterSql(column: string, code: string, scope: AreaScope, bind: (value: string | string[]) => string): string {
  const matches = [areaFilterSql(column, code, scope, bind)];
  if (code.length > 4) {
    const own = bind(code);
    matches.push(`${column} = ANY(ARRAY(SELECT area_code FROM area_members WHERE named_area_code = ${own}))`);
    if (scope === AreaScope.OVERLAPPING) matches.push(`${column} = ANY(ARRAY(SELECT named_area_code FROM area_members WHERE area_code = ${own}))`);
  }
  return `(${matches.join(' OR ')})`;
}

/** `registryAreaFilterSql` with typeorm's named parameters (named after `name`): the condition and its parameters. */
export function namedRegistryAreaFilter(column: string, code: string, scope: AreaScope, name = 'areaCode'): [string, Record<string, string | string[]>] {
  const { bind, parameters } = namedParameters(name);
  return [registryAreaFilterSql(column, code, scope, bind), parameters];
}
