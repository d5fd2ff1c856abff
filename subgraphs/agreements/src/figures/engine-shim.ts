// TEMPORARY stand-in for the figures engine of shared/federation/src/figures (issue 9 contract),
// until it lands on main. Replaced by imports from '@samverkan/federation'.
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput, isSignedIn, Viewer } from '@samverkan/platform';
import { selfAndAncestors, todayInSweden } from '@samverkan/federation';

export enum FigureBasis {
  PUBLIC_RECORDS = 'PUBLIC_RECORDS',
  ALL_RECORDS = 'ALL_RECORDS',
}
registerEnumType(FigureBasis, { name: 'FigureBasis' });

@ObjectType({ description: 'A count' })
@Directive('@shareable')
export class Count {
  @Field(() => Int, { nullable: true })
  value: number | null;
  @Field()
  suppressed: boolean;
}

export interface Tally {
  areaCodes: readonly string[];
  value: string;
  count: number;
}
export interface DisclosureRule {
  basis: FigureBasis;
  minimumCount: number;
}
export const figureBasis = (viewer: Viewer) => (isSignedIn(viewer) ? FigureBasis.ALL_RECORDS : FigureBasis.PUBLIC_RECORDS);
export const disclosureRule = (viewer: Viewer): DisclosureRule => ({ basis: figureBasis(viewer), minimumCount: Number(process.env.FIGURES_MINIMUM_COUNT ?? 3) });

export function assertMonth(month: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput(`Not a month: ${month}`, [{ field: 'month', message: 'YYYY-MM' }]);
}
export function asOfDay(month: string) {
  const today = todayInSweden();
  if (today.startsWith(month)) return today;
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

const rollUp = (tallies: Tally[]) => {
  const sums = new Map<string, number>();
  for (const t of tallies) {
    const codes = new Set(t.areaCodes.flatMap(selfAndAncestors));
    for (const c of codes) sums.set(c, (sums.get(c) ?? 0) + t.count);
  }
  return sums;
};

export class FigureFamily {
  private totals: Map<string, number>;
  private dims: Record<string, { values: readonly string[]; sums: Map<string, Map<string, number>> }> = {};
  constructor(
    private rule: DisclosureRule,
    totals: Tally[],
    dimensions: Record<string, { values: readonly string[]; additive: boolean; tallies: Tally[] }>,
  ) {
    this.totals = rollUp(totals);
    for (const [name, d] of Object.entries(dimensions)) {
      this.dims[name] = { values: d.values, sums: new Map(d.values.map((v) => [v, rollUp(d.tallies.filter((t) => t.value === v))])) };
    }
  }
  private count(n: number): Count {
    if (this.rule.basis === FigureBasis.PUBLIC_RECORDS || n >= this.rule.minimumCount) return { value: n, suppressed: false };
    return { value: null, suppressed: true };
  }
  total(areaCode: string): Count {
    return this.count(this.totals.get(areaCode) ?? 0);
  }
  breakdown(name: string, areaCode: string) {
    const d = this.dims[name];
    return d.values.map((value) => ({ value, count: this.count(d.sums.get(value)!.get(areaCode) ?? 0) }));
  }
}
