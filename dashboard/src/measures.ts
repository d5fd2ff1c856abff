import { FIGURES } from 'virtual:figures-catalogue';
import { enumLabel, figureLabel } from './labels';

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
  /** One value of a distribution (e.g. actors of one kind): in the table only when chosen. */
  breakdown?: boolean;
  read(row: AreaRow): CountValue | undefined;
}

const exact = (value: number | null | undefined): CountValue | undefined =>
  value === null || value === undefined ? undefined : { value, suppressed: false };

function at(object: unknown, path: string[]): unknown {
  return path.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), object);
}

/** Something per area the table shows as text, e.g. the situation picture's trend or the concerns' median time. */
export interface TextFigure {
  id: string;
  label: string;
  description: string;
  read(row: Pick<AreaRow, 'figures'>): string | undefined;
}

/** The families in the order of the table's columns: who is there, what they agreed, what they do, the situation, the concerns. */
const FAMILY_ORDER = ['registry', 'actors', 'agreements', 'activities', 'situation', 'concerns'];
const familyRank = (id: string) => {
  const rank = FAMILY_ORDER.indexOf(id.split('.')[0]);
  return rank < 0 ? FAMILY_ORDER.length : rank;
};
const ORDERED = [...FIGURES].sort((a, b) => familyRank(a.id) - familyRank(b.id));

/** Counts and breakdowns: measures the map can be coloured by. Enums and other numbers are text. */
const isText = (figure: (typeof FIGURES)[number]) => figure.kind === 'enum' || figure.kind === 'number';

export const FIGURE_MEASURES: Measure[] = ORDERED.filter((figure) => !isText(figure)).map((figure) => ({
  id: figure.id,
  label: figureLabel(figure.id),
  description: figure.description,
  figure: true,
  breakdown: figure.kind === 'breakdown',
  read: (row) => {
    const value = at(row.figures, figure.path);
    if (figure.kind === 'count') return (value as CountValue | null | undefined) ?? undefined;
    const entries = (value as Array<Record<string, unknown>> | null | undefined) ?? [];
    return (entries.find((entry) => entry[figure.by!.field] === figure.by!.value)?.count as CountValue | undefined) ?? undefined;
  },
}));

export const TEXT_FIGURES: TextFigure[] = ORDERED.filter(isText).map((figure) => ({
  id: figure.id,
  label: figureLabel(figure.id),
  description: figure.description,
  read: (row) => {
    const value = at(row.figures, figure.path);
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' ? enumLabel(figure.id, value) : undefined;
  },
}));

/** What the actors registry answers per area besides the figures: one-person dependencies and coverage gaps. */
export const REGISTRY_MEASURES: Measure[] = [
  // The figures count one-person dependencies over all records, per month; without them, the registry's count for today.
  ...(FIGURES.some((figure) => figure.id === 'registry.onePersonDependencies')
    ? []
    : [
        {
          id: 'onePersonDependencyCount',
          label: 'Kontaktfunktioner som hänger på en person',
          description: 'Kontaktfunktioner i området med färre än två personer (innehavare och ersättare) i dag.',
          figure: false,
          read: (row: AreaRow) => exact(row.onePersonDependencyCount),
        },
      ]),
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

/** What the map may show first, in order of preference: the first of these with a published value above zero among the rows. */
const PREFERRED = ['agreements.active', 'activities.total', 'registry.actors', 'situation.reportedAreas'];
export const DEFAULT_MEASURE = MEASURES.find((m) => m.id === PREFERRED[0]) ?? MEASURES[0];

export function defaultMeasure(rows: AreaRow[]): Measure {
  const shows = (m: Measure) => rows.some((row) => (m.read(row)?.value ?? 0) > 0);
  const preferred = PREFERRED.flatMap((id) => MEASURES.filter((m) => m.id === id));
  return preferred.find(shows) ?? MEASURES.find((m) => m.figure && !m.breakdown && shows(m)) ?? DEFAULT_MEASURE;
}

/** The GraphQL selection of every figure: `registry { actors { value suppressed } actorsByKind { kind count { value suppressed } } } ...`. */
export function figuresSelection(): string {
  type Tree = { [key: string]: Tree | string };
  const tree: Tree = {};
  for (const figure of FIGURES) {
    let node = tree;
    for (const key of figure.path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
    const leaf = figure.path[figure.path.length - 1];
    node[leaf] = figure.kind === 'count' ? '{ value suppressed }' : figure.kind === 'breakdown' ? `{ ${figure.by!.field} count { value suppressed } }` : '';
  }
  const print = (node: Tree): string =>
    Object.entries(node)
      .map(([key, child]) => (typeof child === 'string' ? `${key} ${child}`.trim() : `${key} { ${print(child)} }`))
      .join(' ');
  return print(tree);
}

export const hasFigures = FIGURES.length > 0;
