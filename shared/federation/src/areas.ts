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
 * SQL: the rows `(key, code)` an area filter over the codes in the text[] expression `codes` matches
 * with: each code itself. (A subgraph that knows more, such as the districts a named area spans,
 * has its own.)
 */
export const plainAreaKeysSql = (codes: string) => `(SELECT code AS key, code FROM unnest(${codes}) AS code)`;
