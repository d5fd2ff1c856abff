import DataLoader from 'dataloader';
import { Ctx, Field, FieldResolver, Float, ObjectType, Resolver, Root } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Count, disclosureRule, FigureFamily, keptFigures, selfAndAncestors, Tally } from '@samverkan/federation';
import { SubgraphContext, Viewer } from '@samverkan/platform';
import { AgreementFigures } from '../figures/agreement-figures';
import { activeAgreementsSql, columnTallies, keyOf, monthParameters } from '../figures/figures.loaders';
import type { AgreementsLoaders } from '../loaders';
import { ResourceKind } from './agreement-resource';

/** The currency `money` sums: amounts in other currencies are left out of the figures (never converted). */
export const FIGURE_CURRENCY = 'SEK';

@ObjectType({ description: 'The number of active agreements with a resource of one kind in effect (an entry of `AgreementResourceFigures.byKind`).' })
export class ResourceKindCount {
  @Field(() => ResourceKind, { description: 'The kind of resource.' })
  kind: ResourceKind;

  @Field(() => Count, { description: 'How many active agreements covering the area have at least one resource of this kind in effect on the as-of day.' })
  count: Count;
}

@ObjectType({ description: 'Money committed in SEK to the active agreements covering the area, with the number of agreements behind it.' })
export class ResourceMoneyFigure {
  @Field({ description: 'Always SEK: amounts in other currencies are left out, never converted.' })
  currency: string;

  @Field(() => String, {
    nullable: true,
    description: 'The exact sum, a decimal as a string (e.g. "1250000.50"); null exactly when `agreements` is suppressed, so that no withheld count can be worked out from it.',
  })
  amount: string | null;

  @Field(() => Count, { description: 'How many agreements the sum covers: active ones with SEK money in effect on the as-of day.' })
  agreements: Count;
}

@ObjectType({ description: 'Staff hours committed to the active agreements covering the area, with the number of agreements behind them.' })
export class ResourceHoursFigure {
  @Field(() => Float, { nullable: true, description: 'The exact sum of hours (one decimal); null exactly when `agreements` is suppressed.' })
  hours: number | null;

  @Field(() => Count, { description: 'How many agreements the sum covers: active ones with staff time in effect on the as-of day.' })
  agreements: Count;
}

@ObjectType({
  description: `What the parties commit to the agreements active on the as-of day (\`AgreementFigures\`' rule) that cover the area, under the same basis and disclosure control as the other agreement figures. A resource counts when its own period (the agreement's where it has none) includes the as-of day, with its full committed amount or hours (never spread over months). Sums are published only together with the count of agreements behind them.`,
})
export class AgreementResourceFigures {
  areaCode: string;
  month: string;
}

const SUMMED = ['MONEY_SEK', 'STAFF_HOURS'] as const;
const KINDS = Object.values(ResourceKind);

/** Per month and set of area codes: the active agreements with resources in effect, by kind, and the sums. */
const resourceTalliesSql = (basis: Parameters<typeof activeAgreementsSql>[0]) => `
  WITH active AS (${activeAgreementsSql(basis)}),
  per_agreement AS (
    SELECT a.month, a.area_codes, ${KINDS.map((kind) => `bool_or(r.kind = '${kind}') AS "${kind}"`).join(', ')},
           sum(r.amount) FILTER (WHERE r.currency = '${FIGURE_CURRENCY}') AS money, sum(r.hours) FILTER (WHERE r.kind = '${ResourceKind.STAFF_TIME}') AS hours
      FROM active a
      JOIN agreement_resources r ON r.agreement_id = a.id
       AND coalesce(r.starts_on, a.starts_on) <= a.as_of AND coalesce(r.ends_on, a.ends_on, a.as_of) >= a.as_of
     GROUP BY a.month, a.id, a.area_codes
  )
  SELECT month, area_codes AS "areaCodes", count(*)::int AS total, ${KINDS.map((kind) => `count(*) FILTER (WHERE "${kind}")::int AS "${kind}"`).join(', ')},
         count(money)::int AS "MONEY_SEK", sum(money)::text AS money, count(hours)::int AS "STAFF_HOURS", sum(hours)::text AS hours
    FROM per_agreement
   GROUP BY month, area_codes`;

type Row = { month: string; areaCodes: string[]; money: string | null; hours: string | null } & Record<string, number>;

/** A non-negative SQL numeric as text, in units of 10^-scale, exactly. */
function units(text: string, scale: number): bigint {
  const [whole, fraction = ''] = text.split('.');
  return BigInt(whole + fraction.padEnd(scale, '0').slice(0, scale));
}

function decimal(value: bigint, scale: number): string {
  const digits = value.toString().padStart(scale + 1, '0');
  return scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
}

/** Sums per area, sub-areas included, each agreement once per area (the areas `FigureFamily` counts it in). */
function rollUp(rows: Row[], column: 'money' | 'hours', scale: number): Map<string, bigint> {
  const sums = new Map<string, bigint>();
  for (const row of rows) {
    if (row[column] === null) continue;
    const value = units(row[column]!, scale);
    for (const area of new Set(row.areaCodes.flatMap(selfAndAncestors))) sums.set(area, (sums.get(area) ?? 0n) + value);
  }
  return sums;
}

export interface ResourceMonthFigures {
  family: FigureFamily<Record<'kind' | 'summed', { values: readonly string[]; additive: false; tallies: Tally[] }>>;
  money: Map<string, bigint>;
  hours: Map<string, bigint>;
}

/**
 * Per request (one viewer, so one basis): each month's resource figures, all months asked for in one
 * statement, kept a while like the other agreement figures (`keptFigures`).
 */
export function resourceFiguresLoader(dataSource: DataSource, viewer: Viewer) {
  const rule = disclosureRule(viewer);
  return new DataLoader<string, ResourceMonthFigures>(async (months) => {
    const byMonth = await keptFigures(dataSource, keyOf('resources', rule.basis, months), async () => {
      const rows: Row[] = await dataSource.query(resourceTalliesSql(rule.basis), monthParameters(months));
      return new Map(
        months.map((month): [string, ResourceMonthFigures] => {
          const ofMonth = rows.filter((row) => row.month === month);
          const tallies = (column: string) => columnTallies(ofMonth, column);
          const family = new FigureFamily(rule, columnTallies(ofMonth, 'total', ''), {
            kind: { values: KINDS, additive: false as const, tallies: KINDS.flatMap(tallies) },
            summed: { values: SUMMED, additive: false as const, tallies: SUMMED.flatMap(tallies) },
          });
          return [month, { family, money: rollUp(ofMonth, 'money', 2), hours: rollUp(ofMonth, 'hours', 1) }];
        }),
      );
    });
    return months.map((month) => byMonth.get(month)!);
  });
}

type Context = SubgraphContext<AgreementsLoaders>;

/** The count behind a sum, and the sum only when that count is published. */
function summed({ family, ...sums }: ResourceMonthFigures, areaCode: string, value: (typeof SUMMED)[number]) {
  const [{ count }] = family.breakdown('summed', areaCode).filter((entry) => entry.value === value);
  const sum = count.suppressed ? null : (value === 'MONEY_SEK' ? sums.money : sums.hours).get(areaCode) ?? 0n;
  return { count, sum };
}

@Resolver(() => AgreementFigures)
export class AgreementFiguresResourcesResolver {
  @FieldResolver(() => AgreementResourceFigures, { description: 'What the parties commit to the active agreements: counts per kind of resource, SEK and staff hours.' })
  resources(@Root() { areaCode, month }: AgreementFigures): AgreementResourceFigures {
    return { areaCode, month };
  }
}

@Resolver(() => AgreementResourceFigures)
export class AgreementResourceFiguresResolver {
  @FieldResolver(() => Count, { description: 'Active agreements covering the area with at least one resource in effect on the as-of day.' })
  async withResources(@Root() { areaCode, month }: AgreementResourceFigures, @Ctx() { loaders }: Context): Promise<Count> {
    return (await loaders.resourceFigures.load(month)).family.total(areaCode);
  }

  @FieldResolver(() => [ResourceKindCount], {
    description: 'Active agreements with a resource of each kind in effect, one entry per `ResourceKind` in its order. An agreement with several kinds counts under each, so the entries do not add up to `withResources`.',
  })
  async byKind(@Root() { areaCode, month }: AgreementResourceFigures, @Ctx() { loaders }: Context): Promise<ResourceKindCount[]> {
    const { family } = await loaders.resourceFigures.load(month);
    return family.breakdown('kind', areaCode).map(({ value, count }) => ({ kind: value as ResourceKind, count }));
  }

  @FieldResolver(() => ResourceMoneyFigure, { description: `The money committed in ${FIGURE_CURRENCY} (other currencies left out), summed exactly.` })
  async money(@Root() { areaCode, month }: AgreementResourceFigures, @Ctx() { loaders }: Context): Promise<ResourceMoneyFigure> {
    const { count, sum } = summed(await loaders.resourceFigures.load(month), areaCode, 'MONEY_SEK');
    return { currency: FIGURE_CURRENCY, amount: sum === null ? null : decimal(sum, 2), agreements: count };
  }

  @FieldResolver(() => ResourceHoursFigure, { description: 'The staff hours committed, summed exactly.' })
  async staffHours(@Root() { areaCode, month }: AgreementResourceFigures, @Ctx() { loaders }: Context): Promise<ResourceHoursFigure> {
    const { count, sum } = summed(await loaders.resourceFigures.load(month), areaCode, 'STAFF_HOURS');
    return { hours: sum === null ? null : Number(decimal(sum, 1)), agreements: count };
  }
}
