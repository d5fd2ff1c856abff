import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Field, ObjectType } from 'type-graphql';
import { asOfDay, Count, FigureFamily, keptFigures, listedRecordsRule, Tally } from '@samverkan/federation';
import { ActorKind } from '../registry/actor';
import { ServiceCategory } from '../services/service';
import { MIN_CURRENT_HOLDERS } from '../contact-functions/contact-function';

/**
 * The registry's figures of one area and month. The registry is public (names, kinds, areas and
 * services of every actor), so its counts are exact for everyone; only one-person dependencies,
 * which count contact functions' holders (shown to signed-in parties only), are for signed-in viewers.
 * Counted as of the month's day (`asOfDay`): what was registered by then and not archived by then.
 */

@ObjectType({ description: 'How many actors of one kind.' })
export class ActorKindCount {
  @Field(() => ActorKind, { description: 'The kind of actor.' })
  kind: ActorKind;

  @Field(() => Count, { description: 'How many actors of this kind work in the area or its sub-areas.' })
  count: Count;
}

@ObjectType({ description: 'How many services of one category.' })
export class ServiceCategoryCount {
  @Field(() => ServiceCategory, { description: 'The category of service.' })
  category: ServiceCategory;

  @Field(() => Count, { description: 'How many services of this category are offered in the area or its sub-areas.' })
  count: Count;
}

@ObjectType({
  description:
    "The actors registry's figures of an area, sub-areas included, as of the month's day: registered by then and not archived by then. The registry is public, so these counts are exact for everyone.",
})
export class RegistryFigures {
  @Field(() => Count, { description: 'Actors working in the area or its sub-areas (each once).' })
  actors: Count;

  @Field(() => [ActorKindCount], { description: 'The actors by kind, in the order of `ActorKind`; they add up to `actors`.' })
  actorsByKind: ActorKindCount[];

  @Field(() => Count, { description: 'Services offered in the area or its sub-areas (each once).' })
  services: Count;

  @Field(() => [ServiceCategoryCount], { description: 'The services by category, in the order of `ServiceCategory`; they add up to `services`.' })
  servicesByCategory: ServiceCategoryCount[];

  @Field(() => Count, { description: 'Contact functions covering the area or its sub-areas (see `contactFunctions`).' })
  contactFunctions: Count;

  @Field(() => Count, {
    nullable: true,
    description: `Contact functions with fewer than ${MIN_CURRENT_HOLDERS} holders on the day: one-person dependencies (see \`onePersonDependencies\`). Signed-in parties only, as holders are; null for the public.`,
  })
  onePersonDependencies: Count | null;
}

/**
 * Registry rows as grouped in SQL: their areas (in no particular order: sorting them costs more in
 * SQL than the few extra groups cost here), their value, and between which of the requested days
 * they existed: from the day at index `first` (registered by then) up to before index `stop`
 * (their actor archived by then).
 */
interface DatedRow {
  codes: string[];
  value: string;
  first: number;
  stop: number;
  n: number;
}

/** A contact function with its holders' periods. */
interface FunctionRow {
  code: string;
  first: number;
  stop: number;
  holders: Array<{ from: string | null; until: string | null }>;
}

const DAY = (column: string) => `(${column} AT TIME ZONE 'Europe/Stockholm')::date`;

/** SQL: how many of the requested days ($1, ascending) come before the day `expr` (all of them when it is null). */
const daysBefore = (expr: string) => `coalesce(width_bucket(${expr} - 1, $1::date[]), cardinality($1::date[]))`;

const existedOn = (row: { first: number; stop: number }, index: number) => row.first <= index && index < row.stop;

/** The tallies of the records that existed on the day at `index`: rows of the same areas and value summed. */
function talliesOn(rows: DatedRow[], index: number): Tally[] {
  const tallies = new Map<string, Tally>();
  for (const { codes, value, n, ...dates } of rows) {
    if (!existedOn(dates, index)) continue;
    const key = `${codes.join(' ')}|${value}`;
    const tally = tallies.get(key);
    if (tally) tally.count += n;
    else tallies.set(key, { areaCodes: codes, value, count: n });
  }
  return [...tallies.values()];
}

const asTotals = (tallies: Tally[]): Tally[] => tallies.map((tally) => ({ ...tally, value: '' }));

/** The registry's figures of each area for one month. */
export class MonthOfRegistry {
  private readonly actors: FigureFamily<{ byKind: { values: ActorKind[]; additive: true; tallies: Tally[] } }>;
  private readonly services: FigureFamily<{ byCategory: { values: ServiceCategory[]; additive: true; tallies: Tally[] } }>;
  private readonly functions: FigureFamily<{ dependent: { values: string[]; additive: true; tallies: Tally[] } }>;

  constructor(
    day: string,
    index: number,
    rows: { actors: DatedRow[]; services: DatedRow[]; functions: FunctionRow[] },
  ) {
    const rule = listedRecordsRule();
    const actors = talliesOn(rows.actors, index);
    this.actors = new FigureFamily(rule, asTotals(actors), { byKind: { values: Object.values(ActorKind), additive: true, tallies: actors } });
    const services = talliesOn(rows.services, index);
    this.services = new FigureFamily(rule, asTotals(services), {
      byCategory: { values: Object.values(ServiceCategory), additive: true, tallies: services },
    });
    const functions = rows.functions
      .filter((row) => existedOn(row, index))
      .map((row): Tally => {
        const current = row.holders.filter((h) => (h.from === null || h.from <= day) && (h.until === null || h.until >= day)).length;
        return { areaCodes: [row.code], value: current < MIN_CURRENT_HOLDERS ? 'DEPENDENT' : 'COVERED', count: 1 };
      });
    this.functions = new FigureFamily(rule, asTotals(functions), { dependent: { values: ['DEPENDENT', 'COVERED'], additive: true, tallies: functions } });
  }

  of(areaCode: string, signedIn: boolean): RegistryFigures {
    return {
      actors: this.actors.total(areaCode),
      actorsByKind: this.actors.breakdown('byKind', areaCode).map(({ value, count }) => ({ kind: value, count })),
      services: this.services.total(areaCode),
      servicesByCategory: this.services.breakdown('byCategory', areaCode).map(({ value, count }) => ({ category: value, count })),
      contactFunctions: this.functions.total(areaCode),
      onePersonDependencies: signedIn ? this.functions.breakdown('dependent', areaCode)[0].count : null,
    };
  }
}

/**
 * Per request: the registry's figures per month, three statements for all the months asked for
 * (a county table or a 24-month series alike); the months' figures are kept a while (`keptFigures`),
 * the same for every viewer.
 */
export const registryFiguresLoader = (dataSource: DataSource, today?: string) =>
  new DataLoader<string, MonthOfRegistry>(async (months) => {
    const dayOf = new Map(months.map((month) => [month, asOfDay(month, today)]));
    const days = [...new Set(dayOf.values())].sort();
    const byDay = await keptFigures(dataSource, `registry:${days.join(',')}`, async () => {
      const [actors, services, functions] = await Promise.all([
        dataSource.query(
          `SELECT a.codes, k.kind AS value, ${daysBefore('k.created')} AS first, ${daysBefore('k.archived')} AS stop, count(*)::int AS n
             FROM (SELECT id, kind, ${DAY('created_at')} AS created, ${DAY('archived_at')} AS archived FROM actors) k
             JOIN (SELECT actor_id, array_agg(area_code) AS codes FROM actor_areas GROUP BY actor_id) a ON a.actor_id = k.id
            GROUP BY 1, 2, 3, 4`,
          [days],
        ) as Promise<DatedRow[]>,
        dataSource.query(
          `SELECT a.codes, s.category AS value, ${daysBefore(`greatest(${DAY('s.created_at')}, ${DAY('o.created_at')})`)} AS first,
                  ${daysBefore(DAY('o.archived_at'))} AS stop, count(*)::int AS n
             FROM services s JOIN actors o ON o.id = s.actor_id
             JOIN (SELECT service_id, array_agg(area_code) AS codes FROM service_areas GROUP BY service_id) a ON a.service_id = s.id
            GROUP BY 1, 2, 3, 4`,
          [days],
        ) as Promise<DatedRow[]>,
        dataSource.query(
          `SELECT f.area_code AS code, ${daysBefore(`greatest(${DAY('f.created_at')}, ${DAY('o.created_at')})`)} AS first, ${daysBefore(DAY('o.archived_at'))} AS stop,
                  coalesce(json_agg(json_build_object('from', h.valid_from, 'until', h.valid_until)) FILTER (WHERE h.id IS NOT NULL), '[]') AS holders
             FROM contact_functions f JOIN actors o ON o.id = f.actor_id
             LEFT JOIN contact_function_holders h ON h.function_id = f.id
            GROUP BY f.id, o.id`,
          [days],
        ) as Promise<FunctionRow[]>,
      ]);
      return new Map(days.map((day, index) => [day, new MonthOfRegistry(day, index, { actors, services, functions })]));
    });
    return months.map((month) => byDay.get(dayOf.get(month)!)!);
  });
