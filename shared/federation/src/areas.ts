import { registerEnumType } from 'type-graphql';

/**
 * Area codes: `SE` for Sweden, the two-digit county code (länskod, e.g. `01`), the four-digit
 * municipality code (kommunkod, e.g. `0180`, which starts with its county's code), and for a
 * district the municipality code, a dash and a name slug (e.g. `0180-rinkeby-kista`).
 * The code alone tells an area's ancestors, so every subgraph can filter by area, sub-areas
 * included, without asking the actors subgraph.
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

/** The area itself and its ancestors, nearest first: `0180-rinkeby-kista` → `0180`, `01`, `SE`. */
export function selfAndAncestors(code: string): string[] {
  if (code === COUNTRY_CODE) return [code];
  const chain = [code];
  if (code.length > 4) chain.push(code.slice(0, 4));
  if (code.length > 2) chain.push(code.slice(0, 2));
  return [...chain, COUNTRY_CODE];
}

/**
 * SQL condition: the area in `column` matches the area `codeExpr` (a parameter such as `:areaCode`,
 * or a column, so the same condition serves batched loaders joining on a list of codes).
 */
export function areaMatchSql(column: string, codeExpr: string, scope: AreaScope): string {
  const within = `(${codeExpr} = '${COUNTRY_CODE}' OR ${column} = ${codeExpr}
    OR (length(${codeExpr}) = 2 AND ${column} LIKE ${codeExpr} || '%')
    OR (length(${codeExpr}) = 4 AND ${column} LIKE ${codeExpr} || '-%'))`;
  if (scope === AreaScope.WITHIN) return within;
  return `(${within} OR ${column} IN ('${COUNTRY_CODE}', left(${codeExpr}, 2), left(${codeExpr}, 4)))`;
}

/** One value per area scope, e.g. a loader for WITHIN and one for OVERLAPPING. */
export const perAreaScope = <T>(make: (scope: AreaScope) => T): Record<AreaScope, T> => ({
  [AreaScope.WITHIN]: make(AreaScope.WITHIN),
  [AreaScope.OVERLAPPING]: make(AreaScope.OVERLAPPING),
});

/**
 * Finds, for each requested area code, the ids of the rows of `table` whose `areaColumn` matches
 * it (one statement for all codes): the pairs for a `pairedGroupLoader`.
 */
export const areaPairs =
  (db: { query(sql: string, params: unknown[]): Promise<Array<{ key: string; id: string }>> }, table: string, areaColumn: string, scope: AreaScope, idColumn = 'id') =>
  (codes: string[]) =>
    db.query(
      `SELECT DISTINCT k.code AS key, t.${idColumn} AS id FROM ${table} t
         JOIN unnest($1::text[]) AS k(code) ON ${areaMatchSql(`t.${areaColumn}`, 'k.code', scope)}`,
      [codes],
    );
