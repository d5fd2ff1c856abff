/**
 * TEMPORARY: the figures engine's API as the contract gives it (shared/federation/src/figures), until
 * it lands on main; then this file goes and the imports point at '@samverkan/federation'.
 */
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { badInput, isSignedIn, Viewer } from '@samverkan/platform';
import { selfAndAncestors, todayInSweden } from '@samverkan/federation';

export enum FigureBasis {
  PUBLIC_RECORDS = 'PUBLIC_RECORDS',
  ALL_RECORDS = 'ALL_RECORDS',
}
registerEnumType(FigureBasis, { name: 'FigureBasis' });

@ObjectType()
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
export const disclosureRule = (viewer: Viewer): DisclosureRule => ({ basis: figureBasis(viewer), minimumCount: 3 });

export function assertMonth(month: string) {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw badInput('month must be YYYY-MM', [{ field: 'month', message: 'must be YYYY-MM' }]);
}

export function asOfDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  const today = todayInSweden();
  return today < last ? today : last;
}

/** No suppression at all: only to develop against until the real engine lands. */
export class FigureFamily {
  private totals = new Map<string, number>();
  private cells = new Map<string, Map<string, number>>();
  constructor(
    private rule: DisclosureRule,
    totals: Tally[],
    private dimensions: Record<string, { values: readonly string[]; additive: boolean; tallies: Tally[] }>,
  ) {
    const roll = (target: Map<string, number>, tally: Tally) => {
      const areas = new Set(tally.areaCodes.flatMap(selfAndAncestors));
      for (const area of areas) target.set(area, (target.get(area) ?? 0) + tally.count);
    };
    for (const t of totals) roll(this.totals, t);
    for (const [name, d] of Object.entries(dimensions)) {
      for (const t of d.tallies) {
        const key = `${name}\u0000${t.value}`;
        if (!this.cells.has(key)) this.cells.set(key, new Map());
        roll(this.cells.get(key)!, t);
      }
    }
  }
  private count(n: number): Count {
    return this.rule.basis === FigureBasis.ALL_RECORDS && n < this.rule.minimumCount ? { value: null, suppressed: true } : { value: n, suppressed: false };
  }
  total(areaCode: string): Count {
    return this.count(this.totals.get(areaCode) ?? 0);
  }
  breakdown(name: string, areaCode: string): Array<{ value: string; count: Count }> {
    return this.dimensions[name].values.map((value) => ({ value, count: this.count(this.cells.get(`${name}\u0000${value}`)?.get(areaCode) ?? 0) }));
  }
}
