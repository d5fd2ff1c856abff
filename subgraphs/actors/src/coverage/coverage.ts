import { DataSource } from 'typeorm';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { areaKeyRangesSql, AreaScope, inAreaRangeSql, COUNTRY_CODE } from '@samverkan/federation';
import { groupLoader, recordLoader } from '@samverkan/platform';
import { ActorKind } from '../registry/actor';
import { registryAreaKeysSql } from '../areas/named-areas';
import { Area } from '../areas/area';
import { ServiceCategory } from '../services/service';

/**
 * Coverage gaps, for national coordinators' dashboards ("where is there no association
 * infrastructure?"). Everything here is counted from the public registry, so it is public too.
 *
 * What counts as offered in an area:
 * - LOCALLY: a service offered (service_areas) in the area itself or in one of its sub-areas.
 *   For Sweden that is every service; for a municipality its own and its districts' services.
 * - OVERLAPPING: as locally, plus services offered in a wider area containing it, so a nation- or
 *   county-wide service covers every municipality. A national organisation's office is not local
 *   presence, hence both views.
 * Age groups count services whose age range overlaps the group (an open end is unbounded); a
 * service without any age range is not aimed at an age and counts for no age group (as in search).
 * OTHER is not a category one can plan for, so it is never reported missing. Archived actors and
 * their services count for nothing.
 */

export enum AgeGroup {
  AGES_0_5 = 'AGES_0_5',
  AGES_6_9 = 'AGES_6_9',
  AGES_10_12 = 'AGES_10_12',
  AGES_13_15 = 'AGES_13_15',
  AGES_16_18 = 'AGES_16_18',
  AGES_19_25 = 'AGES_19_25',
}

registerEnumType(AgeGroup, {
  name: 'AgeGroup',
  description: 'The fixed age groups coverage is counted in, following the stages of Swedish school.',
  valuesConfig: {
    AGES_0_5: { description: 'Ages 0–5: pre-school (förskola).' },
    AGES_6_9: { description: 'Ages 6–9: pre-school class and lower primary (förskoleklass, lågstadiet).' },
    AGES_10_12: { description: 'Ages 10–12: middle primary (mellanstadiet).' },
    AGES_13_15: { description: 'Ages 13–15: lower secondary (högstadiet).' },
    AGES_16_18: { description: 'Ages 16–18: upper secondary (gymnasiet).' },
    AGES_19_25: { description: 'Ages 19–25: young adults (unga vuxna).' },
  },
});

/** Each age group's first and last year of age (migration MaintainCoverageAggregates's coverage_age_bits holds the same, for the maintained aggregate). */
export const AGE_GROUPS: ReadonlyArray<{ ageGroup: AgeGroup; minAge: number; maxAge: number }> = [
  { ageGroup: AgeGroup.AGES_0_5, minAge: 0, maxAge: 5 },
  { ageGroup: AgeGroup.AGES_6_9, minAge: 6, maxAge: 9 },
  { ageGroup: AgeGroup.AGES_10_12, minAge: 10, maxAge: 12 },
  { ageGroup: AgeGroup.AGES_13_15, minAge: 13, maxAge: 15 },
  { ageGroup: AgeGroup.AGES_16_18, minAge: 16, maxAge: 18 },
  { ageGroup: AgeGroup.AGES_19_25, minAge: 19, maxAge: 25 },
];

/** The categories gaps are reported in: all but OTHER, in the enum's order. */
export const COVERAGE_CATEGORIES: ServiceCategory[] = Object.values(ServiceCategory).filter((c) => c !== ServiceCategory.OTHER);

/** Actor kinds that make up the local association infrastructure. */
export const CIVIL_SOCIETY_KINDS: ActorKind[] = [ActorKind.CIVIL_SOCIETY, ActorKind.FAITH_COMMUNITY];

@ObjectType({ description: 'What is offered to one age group in an area, and which categories of service it lacks.' })
export class AgeGroupCoverage {
  @Field(() => AgeGroup, { description: 'The age group.' })
  ageGroup: AgeGroup;

  @Field(() => Int, { description: 'First year of age in the group.' })
  minAge: number;

  @Field(() => Int, { description: 'Last year of age in the group.' })
  maxAge: number;

  @Field({ description: 'True when some service for this age group is offered in the area or its sub-areas.' })
  coveredLocally: boolean;

  @Field({ description: 'True when some service for this age group is offered in the area, its sub-areas or a wider area containing it.' })
  covered: boolean;

  @Field(() => [ServiceCategory], {
    description: 'Categories (all but OTHER) with no service for this age group in the area or its sub-areas.',
  })
  missingCategoriesLocally: ServiceCategory[];

  @Field(() => [ServiceCategory], {
    description: 'Categories (all but OTHER) with no service for this age group in the area, its sub-areas or a wider area containing it.',
  })
  missingCategories: ServiceCategory[];
}

@ObjectType({
  description:
    'Coverage gaps of an area, from the public registry: the service categories and age groups no actor offers there, and ' +
    'the districts without civil society. "Locally" counts what is offered in the area or its sub-areas; the other fields also ' +
    'count services offered in a wider area containing it (e.g. nation-wide), since a national office is not local presence. ' +
    'Services without an age range count for no age group; OTHER is never reported missing.',
})
export class Coverage {
  /** The area's code, for the field resolvers' loaders. */
  areaCode: string;

  @Field(() => Area, { description: 'The area this is the coverage of.' })
  area: Area;
}

/** Categories offered to a key's area, overall and per age group, locally and overlapping. */
export interface OfferedCategories {
  local: Set<ServiceCategory>;
  overlapping: Set<ServiceCategory>;
  byAgeGroup: Map<AgeGroup, { local: Set<ServiceCategory>; overlapping: Set<ServiceCategory> }>;
}

/**
 * An area code's chain up to Sweden as an SQL array (`0180-rinkeby-kista` → itself, `0180`, `01`, `SE`;
 * shorter codes repeat themselves), plus `named` (an array of named areas spanning it, or null), so
 * that "is within" becomes an equality join the planner can hash.
 */
const chainSql = (code: string, named: string) => `(ARRAY[${code}, left(${code}, 4), left(${code}, 2), '${COUNTRY_CODE}'] || coalesce(${named}, '{}'))`;

/** The named areas spanning each requested district (`spanning(code, named)`): wider areas of the district besides its chain. */
const SPANNING_SQL = `spanning AS (
  SELECT m.area_code AS code, array_agg(m.named_area_code) AS named FROM area_members m JOIN keys k ON k.code = m.area_code GROUP BY m.area_code)`;

const KEYS_SQL = 'keys AS (SELECT DISTINCT code FROM unnest($1::text[]) AS k(code))';

/**
 * Which categories are offered to each requested area, locally or from a wider area, and for which
 * age groups (bits, bit i for `AGE_GROUPS[i]`): one statement for every requested area, reading the
 * maintained aggregate coverage_offered (see its migration, MaintainCoverageAggregates), a few rows
 * per area. Locally: what is offered within the area, or within the districts a named area spans.
 * From a wider area: what is offered directly in its chain's areas and the named areas spanning it.
 */
function offeredCategories(dataSource: DataSource, codes: string[]): Promise<Array<{ key: string; category: ServiceCategory; local: boolean; ages: number }>> {
  return dataSource.query(
    `WITH ${KEYS_SQL}, ${SPANNING_SQL}
     SELECT k.code AS key, o.category, true AS local, o.within_ages AS ages
       FROM keys k JOIN coverage_offered o ON o.area_code = k.code
     UNION ALL
     SELECT k.code, o.category, true, o.within_ages
       FROM keys k JOIN area_members m ON m.named_area_code = k.code JOIN coverage_offered o ON o.area_code = m.area_code
     UNION ALL
     SELECT k.code, o.category, false, o.direct_ages
       FROM keys k
       LEFT JOIN spanning sg ON sg.code = k.code
       CROSS JOIN LATERAL (
         SELECT o.category, o.direct_ages FROM coverage_offered o
          WHERE o.area_code = ANY(${chainSql('k.code', 'sg.named')}) AND o.area_code <> k.code AND o.direct) AS o`,
    [codes],
  );
}

/** Per-request loaders of coverage figures, each one statement for all areas of a request. */
export function coverageLoaders(dataSource: DataSource) {
  const areas = dataSource.getRepository(Area);
  return {
    offered: recordLoader<string, OfferedCategories & { code: string }>(async (codes) => {
      const byKey = new Map<string, OfferedCategories & { code: string }>();
      const entry = (code: string) => {
        let found = byKey.get(code);
        if (!found) {
          const byAgeGroup = new Map(AGE_GROUPS.map((g) => [g.ageGroup, { local: new Set<ServiceCategory>(), overlapping: new Set<ServiceCategory>() }]));
          found = { code, local: new Set(), overlapping: new Set(), byAgeGroup };
          byKey.set(code, found);
        }
        return found;
      };
      for (const code of codes) entry(code);
      for (const row of await offeredCategories(dataSource, codes)) {
        const offered = entry(row.key);
        if (row.local) offered.local.add(row.category);
        offered.overlapping.add(row.category);
        AGE_GROUPS.forEach(({ ageGroup }, i) => {
          if ((row.ages & (1 << i)) === 0) return;
          const inGroup = offered.byAgeGroup.get(ageGroup)!;
          if (row.local) inGroup.local.add(row.category);
          inGroup.overlapping.add(row.category);
        });
      }
      return [...byKey.values()];
    }, (o) => o.code),

    // From the maintained coverage_presence: an index-only count per area (rows are distinct per area); a named area's own actors and its districts', each once.
    civilSocietyActorCount: recordLoader<string, { code: string; count: number }>(async (codes) => {
      const rows: Array<{ key: string; count: number }> = await dataSource.query(
        `WITH ${KEYS_SQL}
         SELECT k.code AS key, (CASE WHEN NOT EXISTS (SELECT 1 FROM area_members m WHERE m.named_area_code = k.code)
           THEN (SELECT count(*) FROM coverage_presence p WHERE p.area_code = k.code)
           ELSE (SELECT count(*) FROM (
             SELECT p.actor_id FROM coverage_presence p WHERE p.area_code = k.code
             UNION
             SELECT p.actor_id FROM area_members m JOIN coverage_presence p ON p.area_code = m.area_code WHERE m.named_area_code = k.code
           ) AS working) END)::int AS count
           FROM keys k`,
        [codes],
      );
      const counts = new Map(rows.map((r) => [r.key, r.count]));
      return codes.map((code) => ({ code, count: counts.get(code) ?? 0 }));
    }, (c) => c.code),

    // Districts are the lowest level (a district's code names no sub-areas), so "working in the
    // district or its sub-areas" is a link to the district itself.
    districtsWithoutCivilSociety: groupLoader<string, Area>(async (codes) => {
      const rows: Array<Record<string, unknown> & { key: string }> = await dataSource.query(
        `SELECT DISTINCT k.key, d.*
           FROM ${areaKeyRangesSql(registryAreaKeysSql('$1::text[]', AreaScope.WITHIN), AreaScope.WITHIN)} k
           JOIN areas d ON d.kind = 'DISTRICT' AND d.archived_at IS NULL AND ${inAreaRangeSql('d.code', 'k')}
          WHERE NOT EXISTS (SELECT 1 FROM coverage_presence p WHERE p.area_code = d.code)
          ORDER BY d.name, d.code`,
        [codes],
      );
      // The rows hold every column of the area: one statement, whatever the areas have.
      const columns = areas.metadata.columns;
      return rows.map((row) => [row.key, areas.create(Object.fromEntries(columns.map((c) => [c.propertyName, row[c.databaseName]])) as Partial<Area>)]);
    }),
  };
}


/** The categories of `COVERAGE_CATEGORIES` not in `offered`, in the enum's order. */
export const missing = (offered: Set<ServiceCategory>) => COVERAGE_CATEGORIES.filter((c) => !offered.has(c));
