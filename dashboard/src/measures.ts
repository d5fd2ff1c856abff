import { FIGURES } from 'virtual:figures-catalogue';
import { figureLabel } from './labels';

/** A count as the API gives it: `value` is null when suppressed (or not known). */
export interface CountValue {
  value: number | null;
  suppressed: boolean;
}

export interface AreaRow {
  code: string;
  name: string;
  kind: string;
  onePersonDependencyCount: number | null;
  coverage: {
    missingCategoriesLocally: string[];
    ageGroupsWithoutLocalService: string[];
    districtsWithoutCivilSociety: Array<{ code: string; name: string }>;
  } | null;
  figures?: Record<string, unknown> | null;
}

/** Something per area the map can be coloured by and the county table has a column for. */
export interface Measure {
  id: string;
  label: string;
  description: string;
  /** Whether it comes from the figures API (counts over all records, with disclosure control). */
  figure: boolean;
  read(row: AreaRow): CountValue | undefined;
}

const exact = (value: number | null | undefined): CountValue | undefined =>
  value === null || value === undefined ? undefined : { value, suppressed: false };

function at(object: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
}

export const FIGURE_MEASURES: Measure[] = FIGURES.map((figure) => ({
  id: figure.id,
  label: figureLabel(figure.id),
  description: figure.description,
  figure: true,
  read: (row) => (at(row.figures, figure.path) as CountValue | null | undefined) ?? undefined,
}));

/** What the actors registry answers per area besides the figures: one-person dependencies and coverage gaps. */
export const REGISTRY_MEASURES: Measure[] = [
  {
    id: 'onePersonDependencyCount',
    label: 'Kontaktfunktioner som hänger på en person',
    description: 'Kontaktfunktioner i området med färre än två personer (innehavare och ersättare) i dag.',
    figure: false,
    read: (row) => exact(row.onePersonDependencyCount),
  },
  {
    id: 'coverage.missingCategoriesLocally',
    label: 'Verksamhetsslag som saknas lokalt',
    description: 'Kategorier av verksamhet som ingen aktör erbjuder i området eller dess delområden.',
    figure: false,
    read: (row) => exact(row.coverage?.missingCategoriesLocally.length),
  },
  {
    id: 'coverage.ageGroupsWithoutLocalService',
    label: 'Åldersgrupper utan lokal verksamhet',
    description: 'Åldersgrupper som ingen verksamhet i området eller dess delområden vänder sig till.',
    figure: false,
    read: (row) => exact(row.coverage?.ageGroupsWithoutLocalService.length),
  },
];

export const MEASURES: Measure[] = [...FIGURE_MEASURES, ...REGISTRY_MEASURES];

/** The GraphQL selection of every figure: `actors { total { value suppressed } } ...`. */
export function figuresSelection(): string {
  type Tree = { [key: string]: Tree };
  const tree: Tree = {};
  for (const { path } of FIGURES) {
    let node = tree;
    for (const key of path) node = node[key] ??= {};
  }
  const print = (node: Tree): string =>
    Object.entries(node)
      .map(([key, child]) => (Object.keys(child).length ? `${key} { ${print(child)} }` : `${key} { value suppressed }`))
      .join(' ');
  return print(tree);
}

export const hasFigures = FIGURES.length > 0;
