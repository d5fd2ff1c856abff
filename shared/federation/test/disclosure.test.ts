import { FigureBasis, FigureFamily, parentArea, Tally } from '../src/figures';

/**
 * The disclosure rule on its own, without a database: what a reader can work out from every
 * figure published, by subtracting along each line, must never show a small count.
 */

const ALL = { basis: FigureBasis.ALL_RECORDS, minimumCount: 3 };
const KINDS = ['A', 'B', 'C'] as const;

/** Sweden, 3 counties, 3 municipalities each, 2 districts each. */
const COUNTIES = ['01', '03', '04'];
const MUNICIPALITIES = COUNTIES.flatMap((county) => [1, 2, 3].map((n) => `${county}0${n}`));
const DISTRICTS = MUNICIPALITIES.flatMap((municipality) => [`${municipality}-norr`, `${municipality}-syd`]);
const AREAS = ['SE', ...COUNTIES, ...MUNICIPALITIES, ...DISTRICTS];
const childrenOf = (area: string) => AREAS.filter((other) => parentArea(other) === area);

/** A small deterministic random (the tests' own: the same tables every run). */
function random(seed: number) {
  let state = seed;
  return () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
}

/** Records with one area each, mostly few per area so that many cells are small. */
function randomTallies(seed: number): Tally[] {
  const next = random(seed);
  const tallies: Tally[] = [];
  for (const area of AREAS) {
    for (const kind of KINDS) {
      const count = Math.floor(next() ** 2 * (area.length === 2 ? 3 : 6));
      if (count) tallies.push({ areaCodes: [area], value: kind, count });
    }
  }
  return tallies;
}

const familyOf = (tallies: Tally[], rule = ALL) =>
  new FigureFamily(rule, tallies.map((tally) => ({ ...tally, value: '' })), { byKind: { values: KINDS, additive: true, tallies } });

const trueCount = (tallies: Tally[], area: string, kind?: string) =>
  tallies
    .filter((tally) => (kind === undefined || tally.value === kind) && tally.areaCodes.some((code) => code === area || code.startsWith(area === 'SE' ? '' : area)))
    .reduce((sum, tally) => sum + tally.count, 0);

/**
 * A reader's attack: every published figure is known; each line (a parent against its children and
 * the records at the parent itself; a total against its kinds) is an equation. Solves every line
 * with one unknown, repeatedly, and returns what it learnt plus the lines' unknown sums.
 */
function attack(family: ReturnType<typeof familyOf>, tallies: Tally[]) {
  const known = new Map<string, number>();
  const cell = (area: string, kind: string) => `${area}|${kind}`;
  for (const area of AREAS) {
    const total = family.total(area);
    if (!total.suppressed) known.set(cell(area, ''), total.value!);
    for (const { value, count } of family.breakdown('byKind', area)) if (!count.suppressed) known.set(cell(area, value), count.value!);
  }
  const own = (area: string, kind: string) => `${area}|own|${kind}`;
  const lines: Array<{ margin: string; parts: string[] }> = [];
  for (const area of AREAS) {
    for (const kind of ['', ...KINDS]) {
      const children = childrenOf(area);
      if (children.length) lines.push({ margin: cell(area, kind), parts: [...children.map((child) => cell(child, kind)), own(area, kind)] });
    }
    lines.push({ margin: cell(area, ''), parts: KINDS.map((kind) => cell(area, kind)) });
  }
  const truth = (key: string) => {
    const [area, middle, last] = key.split('|');
    if (middle === 'own') return tallies.filter((t) => t.areaCodes[0] === area && (last === '' || t.value === last)).reduce((s, t) => s + t.count, 0);
    return trueCount(tallies, area, middle === '' ? undefined : middle);
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const { margin, parts } of lines) {
      const unknown = parts.filter((part) => !known.has(part));
      if (known.has(margin) && unknown.length === 1) {
        known.set(unknown[0], known.get(margin)! - parts.filter((part) => known.has(part)).reduce((s, part) => s + known.get(part)!, 0));
        changed = true;
      }
      // And the other way round: a withheld margin whose parts are all published is their sum.
      if (!known.has(margin) && !unknown.length) {
        known.set(margin, parts.reduce((s, part) => s + known.get(part)!, 0));
        changed = true;
      }
    }
  }
  const unknownSums = lines
    .filter(({ margin }) => known.has(margin))
    .map(({ parts }) => parts.filter((part) => !known.has(part)))
    .filter((unknown) => unknown.length)
    .map((unknown) => unknown.reduce((sum, part) => sum + truth(part), 0));
  return { known, truth, unknownSums };
}

describe('figures disclosure control', () => {
  it('shows public records exactly, suppressing nothing', () => {
    const tallies: Tally[] = [{ areaCodes: ['0180-rinkeby-kista'], value: 'A', count: 1 }];
    const family = familyOf(tallies, { basis: FigureBasis.PUBLIC_RECORDS, minimumCount: 3 });
    expect(family.total('0180')).toEqual({ value: 1, suppressed: false });
    expect(family.breakdown('byKind', 'SE')).toEqual([
      { value: 'A', count: { value: 1, suppressed: false } },
      { value: 'B', count: { value: 0, suppressed: false } },
      { value: 'C', count: { value: 0, suppressed: false } },
    ]);
  });

  it('suppresses counts below the minimum, zero included, and shows the rest', () => {
    const tallies: Tally[] = [
      { areaCodes: ['0180'], value: 'A', count: 4 },
      { areaCodes: ['0180'], value: 'B', count: 3 },
      { areaCodes: ['0180'], value: 'C', count: 2 },
    ];
    const family = familyOf(tallies);
    expect(family.total('0180')).toEqual({ value: 9, suppressed: false });
    // C (2) is below the minimum; B, the smallest other kind, goes with it so that 9 − 4 gives only B + C.
    expect(family.breakdown('byKind', '0180').map(({ count }) => count.suppressed)).toEqual([false, true, true]);
    expect(family.total('1480')).toEqual({ value: null, suppressed: true });
  });

  it('a single hidden record in an otherwise empty municipality cannot be found by differencing', () => {
    const base: Tally[] = [
      { areaCodes: ['0101'], value: 'A', count: 5 },
      { areaCodes: ['0101-norr'], value: 'A', count: 4 },
      { areaCodes: ['0102'], value: 'B', count: 6 },
      { areaCodes: ['0102-syd'], value: 'A', count: 3 },
      { areaCodes: ['01'], value: 'C', count: 3 },
      { areaCodes: ['0301'], value: 'B', count: 7 },
    ];
    const withHidden = [...base, { areaCodes: ['0103'], value: 'A', count: 1 }];
    const family = familyOf(withHidden);
    expect(family.total('0103')).toEqual({ value: null, suppressed: true });
    expect(familyOf(base).total('0103')).toEqual(family.total('0103'));
    // The county total is published (22); its municipalities' published totals no longer add up to
    // it less one: another municipality is withheld with the empty one.
    expect(family.total('01')).toEqual({ value: 22, suppressed: false });
    const { known, unknownSums } = attack(family, withHidden);
    expect(known.has('0103|')).toBe(false);
    expect(known.has('0103|A')).toBe(false);
    for (const sum of unknownSums) expect(sum).toBeGreaterThanOrEqual(3);
  });

  it('withholds a breakdown that would add up to a withheld total', () => {
    // Uppsala county: Uppsala (3 of each kind) and one hidden record in Enköping; Stockholm county, 4.
    // Uppsala's total is withheld so that the county minus it does not give Enköping's one; its
    // kinds, each at the minimum, must not give that total back as their sum.
    const tallies: Tally[] = [
      { areaCodes: ['0180'], value: 'A', count: 2 },
      { areaCodes: ['0180'], value: 'B', count: 2 },
      { areaCodes: ['0380'], value: 'A', count: 3 },
      { areaCodes: ['0380'], value: 'B', count: 3 },
      { areaCodes: ['0380'], value: 'C', count: 3 },
      { areaCodes: ['0381'], value: 'A', count: 1 },
    ];
    const family = familyOf(tallies);
    expect(family.total('03')).toEqual({ value: 10, suppressed: false });
    expect(family.total('0380')).toEqual({ value: null, suppressed: true });
    expect(family.breakdown('byKind', '0380').filter(({ count }) => count.suppressed).length).toBeGreaterThanOrEqual(1);
    const { known } = attack(family, tallies);
    expect(known.has('0380|')).toBe(false);
    expect(known.has('0381|')).toBe(false);
  });

  it.each(Array.from({ length: 40 }, (_, seed) => seed + 1))('no small count can be recovered by differencing (random tables, seed %i)', (seed) => {
    const tallies = randomTallies(seed);
    const family = familyOf(tallies);
    const { known, truth, unknownSums } = attack(family, tallies);
    for (const [key, value] of known) {
      expect(value).toBe(truth(key));
      // What the reader worked out is either a published figure or a sum of at least the minimum.
      if (value > 0) expect(value).toBeGreaterThanOrEqual(3);
    }
    for (const sum of unknownSums) expect(sum).toBeGreaterThanOrEqual(3);
  });

  it('publishes the same figure for an area whichever area was asked first', () => {
    const tallies = randomTallies(7);
    const topDown = familyOf(tallies);
    const bottomUp = familyOf(tallies);
    const order = [...AREAS];
    const first = order.map((area) => topDown.breakdown('byKind', area));
    const second = order.reverse().map((area) => bottomUp.breakdown('byKind', area)).reverse();
    expect(second).toEqual(first);
  });
});
