import { COUNTRY_CODE, selfAndAncestors } from '../areas';
import { Count, DisclosureRule, FigureBasis } from './count';

/**
 * Disclosure control for figures over all records (README, "Figures and disclosure control").
 *
 * A figure family (e.g. one month's agreements) is a set of tables: one per dimension (kind,
 * status, ...) and one of totals. In each, the cells are areas × values. Under ALL_RECORDS:
 * 1. Primary suppression: every count below the minimum, zero included, so that "nothing" and
 *    "one hidden record" look the same.
 * 2. Complementary suppression, top-down through the area hierarchy (Sweden, counties,
 *    municipalities, districts and named areas): in the table of an area's children, every line
 *    whose margin is published — a value's column (the children plus the never-published row of
 *    records at the area itself, against the area's own cell) and, for an additive dimension, a
 *    child's row (its values against its total, a withheld total counting as a withheld cell of
 *    the row, since the values add up to it) — must hide either nothing or at least two cells
 *    summing to at least the minimum (zeros too: a lone withheld zero would be recovered). Otherwise the smallest published cell of the line
 *    is suppressed too, until every line holds. Margins are decided first (a parent before its
 *    children, totals before dimensions), so one area's figures are the same whichever query asks.
 * This is the classic threshold rule with a line-by-line complementary suppression heuristic;
 * it does not solve the full linear-programming audit, so it guards the differences a reader can
 * take along one line (a parent minus its children, a total minus other values), not every
 * system of equations across lines.
 */

/** How many records have exactly these area codes and this value of a dimension: one row of a GROUP BY. */
export interface Tally {
  areaCodes: readonly string[];
  value: string;
  count: number;
}

/** One breakdown of a family: its values, in the order published, and its tallies. */
export interface Dimension<V extends string = string> {
  values: readonly V[];
  /** Every record has exactly one value, so the values sum to the total (rows are guarded too). */
  additive: boolean;
  tallies: Tally[];
}

/** The area directly above: a district's municipality, a municipality's county, a county's Sweden. */
export function parentArea(code: string): string | null {
  if (code === COUNTRY_CODE) return null;
  return code.length === 2 ? COUNTRY_CODE : code.slice(0, code.length === 4 ? 2 : 4);
}

/** The areas a record given some area codes counts in (each once), and the codes themselves. */
interface Spread {
  areas: string[];
  given: string[];
}

/** Records share few sets of areas: each set's spread is worked out once per process (a bounded number kept). */
const spreads = new Map<string, Spread>();
const MAX_SPREADS = 100_000;

function spreadOf(areaCodes: readonly string[]): Spread {
  const key = areaCodes.length === 1 ? areaCodes[0] : [...areaCodes].sort().join(' ');
  let spread = spreads.get(key);
  if (!spread) {
    if (spreads.size >= MAX_SPREADS) spreads.clear();
    spread = { areas: [...new Set(areaCodes.flatMap(selfAndAncestors))], given: [...new Set(areaCodes)] };
    spreads.set(key, spread);
  }
  return spread;
}

/** A cell of a line: its count, whether it is withheld, and how to withhold it (absent: it never is published). */
interface Cell {
  count: number;
  suppressed: boolean;
  suppress?: () => void;
}

class DisclosureTable {
  /** Records per area (each counted once per area, also when two of its areas share that area) and value. */
  private readonly counts = new Map<string, Map<string, number>>();
  /** Records given exactly this area, per value: the "records at the area itself" row. */
  private readonly exact = new Map<string, Map<string, number>>();
  private readonly children = new Map<string, Set<string>>();
  private readonly suppressed = new Map<string, Set<string>>();
  private readonly decided = new Set<string>();

  constructor(
    private readonly minimum: number,
    private readonly values: readonly string[],
    tallies: Tally[],
    /** The totals whose published cells are the rows' margins (additive dimensions only). */
    private readonly totals: DisclosureTable | null,
  ) {
    const seen = new Set<Spread>();
    for (const { areaCodes, value, count } of tallies) {
      const spread = spreadOf(areaCodes);
      for (const area of spread.areas) add(this.counts, area, value, count);
      for (const area of spread.given) add(this.exact, area, value, count);
      if (seen.has(spread)) continue;
      seen.add(spread);
      for (const area of spread.areas) {
        const parent = parentArea(area);
        if (parent !== null) (this.children.get(parent) ?? this.children.set(parent, new Set()).get(parent)!).add(area);
      }
    }
  }

  count(area: string, value: string): number {
    return this.counts.get(area)?.get(value) ?? 0;
  }

  isSuppressed(area: string, value: string): boolean {
    this.decide(area);
    return this.suppressed.get(area)!.has(value);
  }

  private decide(area: string): void {
    if (this.decided.has(area)) return;
    const parent = parentArea(area);
    if (parent === null) {
      this.primary(area);
      this.settle(() => this.rowLine(area));
    } else {
      this.decide(parent);
      this.settleChildrenOf(parent);
      // An area without records is no row of its parent's table: its zeros are suppressed, and hide nothing.
      if (!this.decided.has(area)) this.primary(area);
    }
    this.decided.add(area);
  }

  private primary(area: string): void {
    this.suppressed.set(area, new Set(this.values.filter((value) => this.count(area, value) < this.minimum)));
  }

  /** Decides the cells of the parent's children, the parent's own cells being decided. */
  private settleChildrenOf(parent: string): void {
    const rows = [...(this.children.get(parent) ?? [])].filter((row) => !this.decided.has(row));
    if (!rows.length) return;
    for (const row of rows) this.primary(row);
    this.settle(() => {
      let changed = false;
      for (const row of rows) changed = this.rowLine(row) || changed;
      for (const value of this.values) {
        const cells = rows.map((row) => this.cell(row, value));
        // Records given the parent itself are never published on their own: a hidden cell of every column.
        cells.push({ count: this.exact.get(parent)?.get(value) ?? 0, suppressed: true });
        changed = this.guard(cells, !this.suppressed.get(parent)!.has(value)) || changed;
      }
      return changed;
    });
    for (const row of rows) this.decided.add(row);
  }

  /**
   * Guards an area's values against its total; true when it suppressed something. The values add up
   * to the total, so a withheld total is one more withheld cell of the line (else its values, all
   * published, would give it back).
   */
  private rowLine(area: string): boolean {
    if (!this.totals || this.values.length < 2) return false;
    const cells = this.values.map((value) => this.cell(area, value));
    if (this.totals.isSuppressed(area, '')) cells.push({ count: this.totals.count(area, ''), suppressed: true });
    return this.guard(cells, true);
  }

  private cell(area: string, value: string): Cell {
    const withheld = this.suppressed.get(area)!;
    return { count: this.count(area, value), suppressed: withheld.has(value), suppress: () => withheld.add(value) };
  }

  /**
   * One line against its published margin: the withheld cells may be recovered as a sum only, so
   * they must be none, or at least two summing to at least the minimum, zeros no exception (else a
   * lone withheld zero would be recovered, and "nothing" would look unlike "one hidden record").
   * Suppresses the smallest published cell when not; true when it did.
   */
  private guard(cells: Cell[], marginPublished: boolean): boolean {
    if (!marginPublished) return false;
    const withheld = cells.filter((cell) => cell.suppressed);
    const sum = withheld.reduce((total, cell) => total + cell.count, 0);
    if (!withheld.length || (withheld.length > 1 && sum >= this.minimum)) return false;
    const published = cells.filter((cell) => !cell.suppressed && cell.suppress);
    if (!published.length) return false;
    published.reduce((smallest, cell) => (cell.count < smallest.count ? cell : smallest)).suppress!();
    return true;
  }

  private settle(pass: () => boolean): void {
    while (pass());
  }
}

function add(map: Map<string, Map<string, number>>, area: string, value: string, count: number) {
  const values = map.get(area) ?? map.set(area, new Map()).get(area)!;
  values.set(value, (values.get(value) ?? 0) + count);
}

const TOTAL = '';

/**
 * One family of figures (e.g. one month's activities): a total and breakdowns by dimension, each
 * published per area under the viewer's rule. Decisions are kept, so publishing many areas of one
 * family costs one pass over its tallies.
 */
export class FigureFamily<D extends Record<string, Dimension>> {
  private readonly totals: DisclosureTable;
  private readonly tables = new Map<keyof D, DisclosureTable>();

  constructor(
    private readonly rule: DisclosureRule,
    totals: Tally[],
    private readonly dimensions: D,
  ) {
    this.totals = new DisclosureTable(rule.minimumCount, [TOTAL], totals, null);
    for (const [name, dimension] of Object.entries(dimensions)) {
      this.tables.set(name, new DisclosureTable(rule.minimumCount, dimension.values, dimension.tallies, dimension.additive ? this.totals : null));
    }
  }

  /** The number of records in the area, sub-areas included. */
  total(area: string): Count {
    return this.publish(this.totals, area, TOTAL);
  }

  /** The records in the area per value of a dimension, in the dimension's order. */
  breakdown<N extends keyof D>(name: N, area: string): Array<{ value: D[N]['values'][number]; count: Count }> {
    const table = this.tables.get(name)!;
    return this.dimensions[name].values.map((value) => ({ value, count: this.publish(table, area, value) }));
  }

  private publish(table: DisclosureTable, area: string, value: string): Count {
    const count = table.count(area, value);
    if (this.rule.basis === FigureBasis.PUBLIC_RECORDS) return { value: count, suppressed: false };
    return table.isSuppressed(area, value) ? { value: null, suppressed: true } : { value: count, suppressed: false };
  }
}
