/**
 * TEMPORARY stand-in for the figures engine of `@samverkan/federation` (figures contract, issue 9),
 * so the activities figures can be written and tried before the engine lands on main. It has the
 * contract's API but only primary suppression (no complementary suppression). Replaced by the real
 * exports on merge.
 */
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput, isSignedIn, Viewer } from '@samverkan/platform';
import { selfAndAncestors } from '@samverkan/federation';

export enum FigureBasis {
  PUBLIC_RECORDS = 'PUBLIC_RECORDS',
  ALL_RECORDS = 'ALL_RECORDS',
}
registerEnumType(FigureBasis, { name: 'FigureBasis' });

export const figureBasis = (viewer: Viewer) => (isSignedIn(viewer) ? FigureBasis.ALL_RECORDS : FigureBasis.PUBLIC_RECORDS);

export interface DisclosureRule {
  basis: FigureBasis;
  minimumCount: number;
}
export const disclosureRule = (viewer: Viewer): DisclosureRule => ({ basis: figureBasis(viewer), minimumCount: 3 });

export interface Tally {
  areaCodes: readonly string[];
  value: string;
  count: number;
}

@ObjectType('Count')
@Directive('@shareable')
export class Count {
  @Field(() => Int, { nullable: true })
  value: number | null;

  @Field()
  suppressed: boolean;
}

export function assertMonth(month: string): void {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput('month must be YYYY-MM', [{ field: 'month', message: 'must be YYYY-MM' }]);
}

function rollUp(tallies: Tally[]): Map<string, Map<string, number>> {
  const sums = new Map<string, Map<string, number>>();
  for (const tally of tallies) {
    const areas = new Set(tally.areaCodes.flatMap(selfAndAncestors));
    for (const area of areas) {
      const values = sums.get(area) ?? new Map<string, number>();
      values.set(tally.value, (values.get(tally.value) ?? 0) + tally.count);
      sums.set(area, values);
    }
  }
  return sums;
}

export class FigureFamily {
  private readonly totals: Map<string, Map<string, number>>;
  private readonly dimensions: Record<string, { values: readonly string[]; sums: Map<string, Map<string, number>> }>;

  constructor(
    private readonly rule: DisclosureRule,
    totals: Tally[],
    dimensions: Record<string, { values: readonly string[]; additive: boolean; tallies: Tally[] }>,
  ) {
    this.totals = rollUp(totals);
    this.dimensions = Object.fromEntries(Object.entries(dimensions).map(([name, d]) => [name, { values: d.values, sums: rollUp(d.tallies) }]));
  }

  private count(value: number): Count {
    if (this.rule.basis === FigureBasis.PUBLIC_RECORDS || value >= this.rule.minimumCount) return { value, suppressed: false };
    return { value: null, suppressed: true };
  }

  total(areaCode: string): Count {
    return this.count(this.totals.get(areaCode)?.get('') ?? 0);
  }

  breakdown(name: string, areaCode: string): Array<{ value: string; count: Count }> {
    const { values, sums } = this.dimensions[name];
    return values.map((value) => ({ value, count: this.count(sums.get(areaCode)?.get(value) ?? 0) }));
  }
}
