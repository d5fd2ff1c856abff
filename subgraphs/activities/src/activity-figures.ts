import DataLoader from 'dataloader';
import { Field, ObjectType } from 'type-graphql';
import { DataSource } from 'typeorm';
import { Count, Dimension, FigureFamily, keptFigures, listedRecordsRule, periodOverlapSql, Tally, TARGET_GROUPS, TargetGroup } from '@samverkan/federation';
import { ActivityKind, PolicePurpose } from './activity';

@ObjectType({ description: 'How many of the activities counted in `ActivityFigures` are of one kind.' })
export class ActivityKindCount {
  @Field(() => ActivityKind, { description: 'The kind of activity.' })
  kind: ActivityKind;

  @Field(() => Count, { description: 'How many of the activities are of this kind.' })
  count: Count;
}

@ObjectType({ description: 'How many of the activities counted in `ActivityFigures` are for one target group.' })
export class TargetGroupCount {
  @Field(() => TargetGroup, { description: 'The target group.' })
  targetGroup: TargetGroup;

  @Field(() => Count, { description: 'How many of the activities are for this target group (among others).' })
  count: Count;
}

@ObjectType({ description: 'How many of the activities counted in `ActivityFigures` the police take part in for one purpose, or not at all.' })
export class PolicePurposeCount {
  @Field(() => PolicePurpose, {
    nullable: true,
    description: 'Why the police take part; null for the activities the police do not take part in (the last entry).',
  })
  purpose: PolicePurpose | null;

  @Field(() => Count, { description: 'How many of the activities have this police purpose (or, for null, no police participation).' })
  count: Count;
}

@ObjectType({
  description:
    'Activity figures for an area (sub-areas included) and a calendar month: the activities taking place in the month, i.e. whose period (`startsOn` to `endsOn`, ongoing when open) overlaps it by at least one day, planned ones included. ' +
    'Activities are public listings whatever their `visibility` (which governs their internal fields only), and these figures count nothing internal, so they count every activity, exactly, for every viewer: nothing is suppressed. ' +
    'An activity is counted once in each area that contains any of its areas (never twice, however many of its areas lie there). There is no participant figure: a sum of `participantCount`, an INTERNAL field, would let a viewer who can see some of the activities\' counts recover a hidden one\'s by subtraction.',
})
export class ActivityFigures {
  @Field(() => Count, { description: 'How many activities take place in the area in the month.' })
  total: Count;

  @Field(() => [ActivityKindCount], {
    description: 'The activities by kind, one entry per kind in the order of `ActivityKind`. Every activity has one kind, so the entries add up to `total`.',
  })
  byKind: ActivityKindCount[];

  @Field(() => [TargetGroupCount], {
    description:
      'The activities by target group, one entry per group in the order of `TargetGroup`. An activity is for one or more groups and counts in each of them, so the entries do not add up to `total`.',
  })
  byTargetGroup: TargetGroupCount[];

  @Field(() => [PolicePurposeCount], {
    description:
      'The activities by why the police take part, one entry per `PolicePurpose` in its order, then one with `purpose` null for the activities the police do not take part in. Every activity is in exactly one entry, so the entries add up to `total`.',
  })
  byPolicePurpose: PolicePurposeCount[];
}

/** The police-purpose value of the activities the police do not take part in: it makes the purposes a partition. */
const NO_POLICE = 'NONE';
const POLICE_PURPOSES = [...Object.values(PolicePurpose), NO_POLICE] as const;

/** One month's activity figures: the total and three breakdowns. */
type ActivityFamily = FigureFamily<{
  kind: Dimension<ActivityKind>;
  targetGroup: Dimension<TargetGroup>;
  policePurpose: Dimension<(typeof POLICE_PURPOSES)[number]>;
}>;

type DimensionName = 'kind' | 'targetGroup' | 'policePurpose';
interface TallyRow {
  month: string;
  dimension: DimensionName | 'total';
  area_codes: string[];
  value: string;
  count: number;
}

const PERIOD = { start: 't.starts_on', end: 't.ends_on' };
/** The first and last day of all requested months. */
const SPAN = { from: '(SELECT min(first_day) FROM months)', to: '(SELECT max(last_day) FROM months)' };

/**
 * One statement for every requested month: the activities taking place in each month, tallied by their set of areas exactly (the figures engine rolls areas up, counting
 * an activity once in each area containing any of its areas) in
 * total, by kind, by police purpose (NONE when the police do not take part) and by target group.
 * The activities of the whole span of months are read once and paired with their months in memory;
 * total, kind and police purpose are one pass (grouping sets).
 */
const TALLIES_SQL = `
  WITH months AS (
    SELECT month, CAST(month || '-01' AS date) AS first_day, CAST(CAST(month || '-01' AS date) + interval '1 month' - interval '1 day' AS date) AS last_day
    FROM unnest(CAST($1 AS text[])) AS month
  ), taking_place AS MATERIALIZED (
    SELECT m.month,
           CASE WHEN t.has_other_areas THEN (SELECT array_agg(aa.area_code ORDER BY aa.area_code) FROM activity_areas aa WHERE aa.activity_id = t.id) ELSE ARRAY[t.area_code] END AS area_codes,
           t.kind, coalesce(t.police_purpose, '${NO_POLICE}') AS police_purpose, t.target_groups
    FROM activities t JOIN months m ON ${periodOverlapSql(PERIOD, { from: 'm.first_day', to: 'm.last_day' })}
    WHERE ${periodOverlapSql(PERIOD, { from: SPAN.from, to: SPAN.to })}
      -- The same condition again, as the period index (activities_period) answers it.
      AND daterange(t.starts_on, t.ends_on, '[]') && daterange(${SPAN.from}, ${SPAN.to}, '[]')
  )
  SELECT month, CASE WHEN GROUPING(kind) = 0 THEN 'kind' WHEN GROUPING(police_purpose) = 0 THEN 'policePurpose' ELSE 'total' END AS dimension,
         area_codes, coalesce(kind, police_purpose, '') AS value, count(*)::int AS count
  FROM taking_place GROUP BY GROUPING SETS ((month, area_codes), (month, area_codes, kind), (month, area_codes, police_purpose))
  UNION ALL
  SELECT month, 'targetGroup', area_codes, target_group, count(*)::int
  FROM taking_place CROSS JOIN LATERAL (SELECT DISTINCT unnest(target_groups) AS target_group) AS groups
  GROUP BY month, area_codes, target_group`;

/**
 * Per request: the activity figures of each requested month, as one `FigureFamily` per month (months
 * are disjoint and never summed), all months of a batch in one statement; the families are kept a
 * while (`keptFigures`), the same for every viewer.
 */
export function activityFiguresLoader(dataSource: DataSource): DataLoader<string, ActivityFamily> {
  const rule = listedRecordsRule();
  return new DataLoader(async (months) => {
    const asked = [...new Set(months)].sort();
    const families = await keptFigures(dataSource, `activities:${asked.join(',')}`, async () => {
      const rows: TallyRow[] = await dataSource.query(TALLIES_SQL, [asked]);
      const tallies = new Map<string, Record<TallyRow['dimension'], Tally[]>>(
        asked.map((month) => [month, { total: [], kind: [], targetGroup: [], policePurpose: [] }]),
      );
      for (const row of rows) tallies.get(row.month)?.[row.dimension].push({ areaCodes: row.area_codes, value: row.value, count: row.count });
      return new Map(
        asked.map((month) => {
          const { total, kind, targetGroup, policePurpose } = tallies.get(month)!;
          const family: ActivityFamily = new FigureFamily(rule, total, {
            kind: { values: Object.values(ActivityKind), additive: true, tallies: kind },
            targetGroup: { values: TARGET_GROUPS, additive: false, tallies: targetGroup },
            policePurpose: { values: POLICE_PURPOSES, additive: true, tallies: policePurpose },
          });
          return [month, family];
        }),
      );
    });
    return months.map((month) => families.get(month)!);
  });
}

/** The activity figures of one area out of its month's family. */
export function activityFiguresOf(family: ActivityFamily, areaCode: string): ActivityFigures {
  return {
    total: family.total(areaCode),
    byKind: family.breakdown('kind', areaCode).map(({ value, count }) => ({ kind: value, count })),
    byTargetGroup: family.breakdown('targetGroup', areaCode).map(({ value, count }) => ({ targetGroup: value, count })),
    byPolicePurpose: family
      .breakdown('policePurpose', areaCode)
      .map(({ value, count }) => ({ purpose: value === NO_POLICE ? null : value, count })),
  };
}
