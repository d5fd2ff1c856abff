import { DataSource, QueryRunner } from 'typeorm';
import { DEMO_ACTORS } from '@samverkan/demo';
import { ensureDatabase, openDatabase, SubgraphModule, SUBGRAPHS, SubgraphName } from '@samverkan/platform';
import { actorsSubgraph } from '@samverkan/actors';
import { agreementsSubgraph } from '@samverkan/agreements';
import { activitiesSubgraph } from '@samverkan/activities';
import { situationSubgraph } from '@samverkan/situation';
import { concernsSubgraph } from '@samverkan/concerns';
import { generateRegistry } from '../subgraphs/actors/bench/generate-registry';

/**
 * National-scale data for the benchmarks, written straight into four fresh databases (one per
 * subgraph, created and migrated by the subgraphs' own migrations): the actors registry from
 * `generateRegistry` (290 municipalities with districts for the larger ones, actors spread by
 * population, their services), then agreements with parties and areas, activities with organisers,
 * and monthly situation reports with an observation each, drawn in SQL (`generate_series` with a
 * seeded `random()`) from the registry's actors, so that bigger municipalities get more of
 * everything, with mixed visibility and dates over the last 24 months (agreements: three years).
 *
 * Deterministic for a seed and size (the dates are relative to the day it runs). The national
 * coordinator's organisation (SKR, `NATIONAL_ORGANISATION`) is registered too, so a token for it is
 * accepted.
 */
export interface NationalSize {
  actors: number;
  services: number;
  agreements: number;
  activities: number;
  situationReports: number;
  seed: number;
}

export const NATIONAL_SIZE: NationalSize = {
  actors: 50000,
  services: 150000,
  agreements: 10000,
  activities: 200000,
  situationReports: 100000,
  seed: 2025,
};

/** The organisation a national coordinator's token names: SKR, registered as a national authority for Sweden. */
export const NATIONAL_ORGANISATION = DEMO_ACTORS.skr;

export interface NationalData {
  /** Rows per table, over all five databases. */
  rows: Record<string, number>;
  /** Seconds per step. */
  seconds: Record<string, number>;
}

const MODULES: Record<SubgraphName, SubgraphModule<unknown>> = {
  actors: actorsSubgraph as SubgraphModule<unknown>,
  agreements: agreementsSubgraph as SubgraphModule<unknown>,
  activities: activitiesSubgraph as SubgraphModule<unknown>,
  situation: situationSubgraph as SubgraphModule<unknown>,
  // Migrated, and left empty: the national view counts no concerns here.
  concerns: concernsSubgraph as SubgraphModule<unknown>,
};

/** A readable, deterministic UUID for generated row `n` of a table: `prefix` is two hex digits. */
const idSql = (prefix: string, n: string) => `('${prefix}' || lpad(to_hex(${n} >> 16), 6, '0') || '-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** A random pick from a SQL array literal of text values, with `r` in [0, 1). */
const pick = (values: string[], r: string) => `(ARRAY[${values.map((v) => `'${v}'`).join(', ')}])[1 + floor(${r} * ${values.length})::int]`;

/**
 * The registry's actors, loaded into a temporary table of a target database: numbered 1..n, with
 * their first area and its municipality, and numbered again within their municipality and kind
 * group ('police', 'civil' for associations and faith communities, 'public' for the rest), for
 * picking parties and organisers near each other.
 */
async function loadActors(runner: QueryRunner, actors: { ids: string[]; kinds: string[]; areas: string[] }): Promise<void> {
  await runner.query(`SET max_parallel_workers_per_gather = 0`); // one plan, one order: setseed() then repeats
  await runner.query(
    `CREATE TEMP TABLE bench_actors AS
       SELECT n::int, id, kind, area,
              CASE WHEN length(area) >= 4 THEN left(area, 4) END AS municipality,
              CASE WHEN kind = 'POLICE' THEN 'police' WHEN kind IN ('CIVIL_SOCIETY', 'FAITH_COMMUNITY') THEN 'civil' ELSE 'public' END AS kind_group
         FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS t(id, kind, area, n)`,
    [actors.ids, actors.kinds, actors.areas],
  );
  await runner.query('CREATE UNIQUE INDEX ON bench_actors (n)');
  await runner.query(
    `CREATE TEMP TABLE bench_local AS
       SELECT municipality, kind_group, id, area,
              row_number() OVER (PARTITION BY municipality, kind_group ORDER BY n)::int AS k,
              count(*) OVER (PARTITION BY municipality, kind_group)::int AS cnt
         FROM bench_actors WHERE municipality IS NOT NULL`,
  );
  await runner.query('CREATE UNIQUE INDEX ON bench_local (municipality, kind_group, k)');
  // How many of each group a municipality has, so a pick is one index lookup.
  await runner.query('CREATE TEMP TABLE bench_groups AS SELECT municipality, kind_group, count(*)::int AS cnt FROM bench_local GROUP BY 1, 2');
  await runner.query('CREATE UNIQUE INDEX ON bench_groups (municipality, kind_group)');
  await runner.query('ANALYZE bench_actors; ANALYZE bench_local; ANALYZE bench_groups');
}

/** A partner of the given kind group in the same municipality as `actor`, drawn with `r` (none when the municipality has none). */
const partnerJoin = (alias: string, actor: string, group: string, r: string) =>
  `LEFT JOIN bench_groups ${alias}_n ON ${alias}_n.municipality = ${actor}.municipality AND ${alias}_n.kind_group = '${group}'
   LEFT JOIN bench_local ${alias} ON ${alias}.municipality = ${actor}.municipality AND ${alias}.kind_group = '${group}' AND ${alias}.k = 1 + floor(${r} * ${alias}_n.cnt)::int`;

async function generateAgreements(runner: QueryRunner, count: number, actorCount: number, seed: number): Promise<void> {
  await runner.query(`SELECT setseed(${(seed % 1000) / 1000 + 0.0001})`);
  await runner.query(
    `CREATE TEMP TABLE bench_agreements AS
       SELECT d.*, a.id AS lead, a.kind_group, a.area, a.municipality
         FROM (SELECT g, 1 + floor(random() * ${actorCount})::int AS drawn, random() AS r_kind, random() AS r_start, random() AS r_length,
                      random() AS r_status, random() AS r_vis, random() AS r_partner, random() AS r_third, random() AS r_areas
                 FROM generate_series(1, ${count}) g) d
         JOIN bench_actors a ON a.n = d.drawn`,
  );
  await runner.query(
    `INSERT INTO agreements (id, title, kind, description, status, starts_on, ends_on, version, created_at, updated_at, owner_id, visibility, shared_with)
     SELECT ${idSql('b9', 'g')}, kind || ' ' || area || ' nr ' || g, kind, 'Genererad överenskommelse för benchmark.', status,
            CASE WHEN status <> 'DRAFT' THEN starts_on END, CASE WHEN status <> 'DRAFT' THEN ends_on END,
            1, coalesce(starts_on, current_date - 30) - 14, coalesce(starts_on, current_date - 30) - 14, lead,
            CASE WHEN r_vis < 0.25 THEN 'PUBLIC' WHEN r_vis < 0.6 THEN 'NETWORK' WHEN r_vis < 0.85 THEN 'SHARED' ELSE 'OWNER' END, '{}'
       FROM (
         SELECT *, CASE WHEN r_status < 0.03 THEN 'DRAFT' WHEN r_status < 0.05 THEN 'TERMINATED'
                        WHEN ends_on < current_date THEN 'ENDED' ELSE 'ACTIVE' END AS status
           FROM (
             SELECT *,
                    CASE kind_group
                      WHEN 'police' THEN CASE WHEN r_kind < 0.35 THEN 'CITIZEN_PROMISE' ELSE 'COLLABORATION_AGREEMENT' END
                      WHEN 'civil' THEN CASE WHEN r_kind < 0.45 THEN 'IOP' WHEN r_kind < 0.9 THEN 'COLLABORATION_AGREEMENT' ELSE 'DECLARATION_OF_INTENT' END
                      ELSE CASE WHEN r_kind < 0.5 THEN 'IOP' WHEN r_kind < 0.7 THEN 'METHOD_FRAMEWORK' ELSE 'COLLABORATION_AGREEMENT' END
                    END AS kind,
                    (current_date - floor(r_start * 1095)::int) AS starts_on,
                    CASE WHEN r_length < 0.15 THEN NULL ELSE (current_date - floor(r_start * 1095)::int) + 180 + floor(r_length * 1100)::int END AS ends_on
               FROM bench_agreements
           ) k
       ) s`,
  );
  // Parties: the lead accountable, a partner of the other side (police with civil society, civil
  // society with the police or the municipality) in the same municipality, and sometimes a third.
  await runner.query(
    `INSERT INTO agreement_parties (agreement_id, actor_id, role)
     SELECT ${idSql('b9', 'g')}, lead, 'ACCOUNTABLE' FROM bench_agreements
     UNION ALL
     SELECT ${idSql('b9', 'b.g')}, p.id, 'IMPLEMENTING'
       FROM bench_agreements b
       ${partnerJoin('p', 'b', 'civil', 'b.r_partner')}
      WHERE b.kind_group <> 'civil' AND p.id IS NOT NULL AND p.id <> b.lead
     UNION ALL
     SELECT ${idSql('b9', 'b.g')}, coalesce(p.id, q.id), CASE WHEN p.id IS NOT NULL THEN 'IMPLEMENTING' ELSE 'FUNDING' END
       FROM bench_agreements b
       ${partnerJoin('p', 'b', 'police', 'b.r_partner')}
       ${partnerJoin('q', 'b', 'public', 'b.r_partner')}
      WHERE b.kind_group = 'civil' AND coalesce(p.id, q.id) IS NOT NULL
     UNION ALL
     SELECT ${idSql('b9', 'b.g')}, t.id, 'FUNDING'
       FROM bench_agreements b
       ${partnerJoin('t', 'b', 'public', 'b.r_third')}
      WHERE b.r_third < 0.2 AND b.kind_group <> 'public' AND t.id IS NOT NULL
     ON CONFLICT DO NOTHING`,
  );
  // Their invitations as they stand (issue 14): every party of an agreement past DRAFT has confirmed; a draft's others are invited.
  await runner.query(
    `INSERT INTO agreement_invitations (agreement_id, actor_id, answer, invited_at, answered_at)
     SELECT DISTINCT ON (p.agreement_id, p.actor_id) p.agreement_id, p.actor_id,
            CASE WHEN g.status <> 'DRAFT' OR p.actor_id = g.owner_id THEN 'CONFIRMED' ELSE 'INVITED' END, g.created_at,
            CASE WHEN g.status <> 'DRAFT' OR p.actor_id = g.owner_id THEN g.created_at END
       FROM agreement_parties p JOIN agreements g ON g.id = p.agreement_id
      WHERE g.id::text LIKE 'b9%'
     ON CONFLICT DO NOTHING`,
  );
  await runner.query(
    `INSERT INTO agreement_areas (agreement_id, area_code)
     SELECT ${idSql('b9', 'g')}, area FROM bench_agreements
     UNION
     SELECT ${idSql('b9', 'g')}, municipality FROM bench_agreements WHERE r_areas < 0.1 AND municipality IS NOT NULL`,
  );
  await runner.query(
    `UPDATE agreements a SET shared_with = p.others
       FROM (SELECT agreement_id, array_agg(DISTINCT actor_id) AS others FROM agreement_parties p JOIN agreements x ON x.id = p.agreement_id
              WHERE x.visibility = 'SHARED' AND p.actor_id <> x.owner_id GROUP BY agreement_id) p
      WHERE a.id = p.agreement_id`,
  );
  // An agreement with nobody to share it with (a national or regional lead has no local partner) is shown to the network.
  await runner.query(`UPDATE agreements SET visibility = 'NETWORK' WHERE visibility = 'SHARED' AND shared_with = '{}'`);
}

const ACTIVITY_KINDS: Record<string, string[]> = {
  police: ['MBU_MEETING', 'SAFETY_WALK', 'DIALOGUE_MEETING', 'SPORT', 'OUTREACH'],
  civil: ['SPORT', 'LEISURE', 'CULTURE', 'OPEN_MEETING_PLACE', 'PARENT_SUPPORT', 'HOMEWORK_HELP', 'SAFETY_HOSTS', 'OUTREACH', 'EXIT_PROGRAMME', 'OTHER'],
  public: ['SAFETY_WALK', 'SUMMER_JOBS', 'OPEN_MEETING_PLACE', 'CRISIS_SUPPORT', 'HOMEWORK_HELP', 'DIALOGUE_MEETING'],
};

async function generateActivities(runner: QueryRunner, count: number, actorCount: number, seed: number): Promise<void> {
  await runner.query(`SELECT setseed(${(seed % 1000) / 1000 + 0.0002})`);
  await runner.query(
    `CREATE TEMP TABLE bench_activities AS
       SELECT d.*, a.id AS lead, a.kind_group, a.area, a.municipality
         FROM (SELECT g, 1 + floor(random() * ${actorCount})::int AS drawn,
                      random() AS r_kind, random() AS r_month, random() AS r_day, random() AS r_length, random() AS r_vis,
                      random() AS r_police, random() AS r_partner, random() AS r_groups, random() AS r_count
                 FROM generate_series(1, ${count}) g) d
         JOIN bench_actors a ON a.n = d.drawn`,
  );
  // The police take part in about a third (always when they lead); a co-organiser in about a third.
  await runner.query(
    `CREATE TEMP TABLE bench_activity_partners AS
       SELECT b.g, CASE WHEN b.r_police < 0.3 AND b.kind_group <> 'police' THEN p.id WHEN b.r_partner < 0.3 THEN c.id END AS partner,
              b.kind_group = 'police' OR (b.r_police < 0.3 AND p.id IS NOT NULL) AS with_police
         FROM bench_activities b
         ${partnerJoin('p', 'b', 'police', 'b.r_partner')}
         ${partnerJoin('c', 'b', 'civil', 'b.r_partner')}`,
  );
  await runner.query('CREATE UNIQUE INDEX ON bench_activity_partners (g)');
  const kind = `CASE b.kind_group ${Object.entries(ACTIVITY_KINDS)
    .map(([group, kinds]) => `WHEN '${group}' THEN ${pick(kinds, 'b.r_kind')}`)
    .join(' ')} END`;
  await runner.query(
    `INSERT INTO activities (id, title, kind, area_code, starts_on, ends_on, target_groups, age_min, age_max, police_purpose, police_explanation,
                             public_description, internal_classification, participant_count, funding_agreement_id, owner_id, visibility, shared_with,
                             version, created_at, updated_at)
     SELECT ${idSql('c9', 'g')}, initcap(replace(lower(kind), '_', ' ')) || ' i ' || area || ' nr ' || g, kind, area, starts_on,
            CASE WHEN r_length < 0.4 THEN starts_on WHEN r_length < 0.9 THEN starts_on + floor(r_length * 120)::int END,
            CASE WHEN r_groups < 0.3 THEN ARRAY['YOUNG_PEOPLE'] WHEN r_groups < 0.55 THEN ARRAY['CHILDREN', 'YOUNG_PEOPLE']
                 WHEN r_groups < 0.7 THEN ARRAY['PARENTS'] WHEN r_groups < 0.8 THEN ARRAY['RESIDENTS', 'PARENTS']
                 WHEN r_groups < 0.9 THEN ARRAY['YOUNG_PEOPLE', 'PEOPLE_WITH_NPF'] ELSE ARRAY['CHILDREN'] END,
            CASE WHEN r_groups < 0.3 THEN 13 WHEN r_groups < 0.55 THEN 8 WHEN r_groups >= 0.9 THEN 6 END,
            CASE WHEN r_groups < 0.3 THEN 19 WHEN r_groups < 0.55 THEN 16 WHEN r_groups >= 0.9 THEN 12 END,
            CASE WHEN with_police THEN ${pick(['RELATIONSHIP_BUILDING', 'SAFETY', 'DIALOGUE', 'KNOWLEDGE_SHARING', 'CRISIS_SUPPORT'], '(r_police * 7919 - floor(r_police * 7919))')} END,
            CASE WHEN with_police THEN 'Polisen deltar.' END,
            'Genererad aktivitet för benchmark.',
            ${pick(['UNIVERSAL_PREVENTION', 'UNIVERSAL_PREVENTION', 'SELECTIVE_PREVENTION', 'SITUATIONAL_PREVENTION', 'INDICATED_PREVENTION', 'NOT_CLASSIFIED'], 'r_day')},
            CASE WHEN r_count < 0.7 THEN 5 + floor(r_count * 200)::int END, NULL, lead,
            CASE WHEN r_vis < 0.3 THEN 'PUBLIC' WHEN r_vis < 0.7 THEN 'NETWORK' WHEN r_vis < 0.85 AND partner IS NOT NULL THEN 'SHARED' ELSE 'OWNER' END,
            CASE WHEN r_vis >= 0.7 AND r_vis < 0.85 AND partner IS NOT NULL THEN ARRAY[partner] ELSE '{}' END,
            1, starts_on - 20, starts_on - 20
       FROM (
         SELECT b.*, x.partner, x.with_police, ${kind} AS kind,
                -- More activity lately: the months back are drawn denser towards this month.
                ((date_trunc('month', current_date) - make_interval(months => floor(24 * power(b.r_month, 1.3))::int))::date
                  + floor(b.r_day * 28)::int) AS starts_on
           FROM bench_activities b JOIN bench_activity_partners x USING (g)
       ) s`,
  );
  await runner.query(
    `INSERT INTO activity_organisers (activity_id, actor_id)
     SELECT ${idSql('c9', 'b.g')}, b.lead FROM bench_activities b
     UNION
     SELECT ${idSql('c9', 'x.g')}, x.partner FROM bench_activity_partners x WHERE x.partner IS NOT NULL`,
  );
}

async function generateSituationReports(runner: QueryRunner, count: number, seed: number): Promise<void> {
  await runner.query(`SELECT setseed(${(seed % 1000) / 1000 + 0.0003})`);
  // One monthly series per reporting party and area: a level that drifts up or down over the 24 months.
  const series = Math.ceil(count / 24);
  await runner.query(
    `CREATE TEMP TABLE bench_series AS
       SELECT row_number() OVER ()::int AS s, id, area, 0.3 + random() * 2.4 AS base, (random() - 0.5) * 0.12 AS slope, random() AS r_vis
         FROM (SELECT id, area FROM bench_actors WHERE municipality IS NOT NULL AND kind IN ('POLICE', 'MUNICIPALITY', 'CIVIL_SOCIETY', 'FAITH_COMMUNITY')
                ORDER BY random() LIMIT ${series}) chosen`,
  );
  await runner.query(
    `INSERT INTO situation_reports (id, area_code, period_start, period_end, reported_by_id, level, trend, summary, version, created_at, updated_at,
                                    owner_id, visibility, shared_with)
     SELECT ${idSql('d9', 'n')}, area, month, (month + interval '1 month' - interval '1 day')::date, id,
            (ARRAY['NORMAL', 'ELEVATED', 'HIGH', 'CRITICAL'])[1 + greatest(0, least(3, round(base + slope * t + (random() - 0.5) * 0.6)::int))],
            CASE WHEN slope < -0.02 THEN 'IMPROVING' WHEN slope > 0.02 THEN 'WORSENING' ELSE 'STABLE' END,
            'Genererad lägesbild för benchmark.', 1, month + interval '1 month 7 days', month + interval '1 month 7 days', id,
            CASE WHEN r_vis < 0.2 THEN 'PUBLIC' WHEN r_vis < 0.75 THEN 'NETWORK' ELSE 'OWNER' END, '{}'
       FROM (SELECT s.*, t, (s.s - 1) * 24 + t + 1 AS n, (date_trunc('month', current_date) - make_interval(months => 24 - t))::date AS month
               FROM bench_series s CROSS JOIN generate_series(0, 23) t) r
      WHERE n <= ${count}`,
  );
  await runner.query(
    `INSERT INTO observations (report_id, position, category, level, trend, description)
     SELECT id, 0, (ARRAY['RECRUITMENT_TO_CRIME', 'VIOLENCE', 'DRUGS', 'PERCEIVED_SAFETY', 'YOUTH_GATHERINGS', 'SCHOOL_ABSENCE', 'PROTECTIVE_FACTORS'])[1 + (hashtext(id::text) & 7) % 7],
            level, trend, 'Genererad iakttagelse.'
       FROM situation_reports`,
  );
}

async function withRunner<T>(dataSource: DataSource, fn: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction();
    const result = await fn(runner);
    await runner.commitTransaction();
    return result;
  } catch (error) {
    await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

/** Creates, migrates and fills the four databases (each must not exist yet, or be empty). */
export async function generateNationalData(databases: Record<SubgraphName, string>, size: NationalSize = NATIONAL_SIZE): Promise<NationalData> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const start = Date.now();
    try {
      return await fn();
    } finally {
      seconds[step] = (Date.now() - start) / 1000;
    }
  };
  const sources = await timed('create and migrate', async () => {
    await Promise.all(SUBGRAPHS.map((name) => ensureDatabase(databases[name])));
    const opened = await Promise.all(SUBGRAPHS.map((name) => openDatabase({ url: databases[name], entities: MODULES[name].entities, migrations: MODULES[name].migrations })));
    return Object.fromEntries(SUBGRAPHS.map((name, i) => [name, opened[i]])) as Record<SubgraphName, DataSource>;
  });
  try {
    await timed('actors and services', async () => {
      await generateRegistry(sources.actors, { actors: size.actors, services: size.services, seed: size.seed });
      await sources.actors.query(
        `INSERT INTO actors (id, name, kind, description, owner_id, version) VALUES ($1, 'Sveriges Kommuner och Regioner (SKR)', 'NATIONAL_AUTHORITY', 'Nationell samordnare.', $1, 1)`,
        [NATIONAL_ORGANISATION],
      );
      await sources.actors.query(`INSERT INTO actor_areas (actor_id, area_code) VALUES ($1, 'SE')`, [NATIONAL_ORGANISATION]);
      // Registered over the last three years (the registry writes them all as of now), so that figures
      // as of past months find a registry that grew; services after their actors.
      await sources.actors.query(`UPDATE actors SET created_at = now() - interval '1 day' * (hashtext(id::text) & 1023), updated_at = now() - interval '1 day' * (hashtext(id::text) & 1023)`);
      await sources.actors.query(
        `UPDATE services s SET created_at = a.created_at + interval '1 day' * (hashtext(s.id::text) & 63), updated_at = a.created_at + interval '1 day' * (hashtext(s.id::text) & 63)
           FROM actors a WHERE a.id = s.actor_id`,
      );
    });
    const rows: Array<{ id: string; kind: string; area: string }> = await sources.actors.query(
      `SELECT a.id, a.kind, min(aa.area_code) AS area FROM actors a JOIN actor_areas aa ON aa.actor_id = a.id WHERE a.id <> $1 GROUP BY a.id ORDER BY a.id`,
      [NATIONAL_ORGANISATION],
    );
    const actors = { ids: rows.map((r) => r.id), kinds: rows.map((r) => r.kind), areas: rows.map((r) => r.area) };
    // The three other databases are independent: filled side by side.
    await Promise.all([
      timed('agreements', () =>
        withRunner(sources.agreements, async (runner) => {
          await loadActors(runner, actors);
          await generateAgreements(runner, size.agreements, rows.length, size.seed);
        }),
      ),
      timed('activities', () =>
        withRunner(sources.activities, async (runner) => {
          await loadActors(runner, actors);
          await generateActivities(runner, size.activities, rows.length, size.seed);
        }),
      ),
      timed('situation reports', () =>
        withRunner(sources.situation, async (runner) => {
          await loadActors(runner, actors);
          await generateSituationReports(runner, size.situationReports, size.seed);
        }),
      ),
    ]);
    await timed('vacuum and analyze', () =>
      Promise.all([
        sources.agreements.query('VACUUM (ANALYZE) agreements, agreement_parties, agreement_areas'),
        sources.activities.query('VACUUM (ANALYZE) activities, activity_organisers, activity_areas'),
        sources.situation.query('VACUUM (ANALYZE) situation_reports, observations'),
        // The dating UPDATEs above leave the registry's tables half dead rows, and area_members (never
        // changed by the generator) is never auto-analysed: without this, plans depend on when autovacuum runs.
        sources.actors.query('VACUUM (ANALYZE) actors, services, area_members'),
      ]),
    );
    const count = async (name: SubgraphName, table: string) => Number((await sources[name].query(`SELECT count(*) AS n FROM ${table}`))[0].n);
    const tables: Array<[SubgraphName, string]> = [
      ['actors', 'areas'], ['actors', 'actors'], ['actors', 'services'],
      ['agreements', 'agreements'], ['agreements', 'agreement_parties'], ['agreements', 'agreement_areas'],
      ['activities', 'activities'], ['activities', 'activity_organisers'],
      ['situation', 'situation_reports'], ['situation', 'observations'],
    ];
    const counted = await Promise.all(tables.map(([name, table]) => count(name, table)));
    return { rows: Object.fromEntries(tables.map(([, table], i) => [table, counted[i]])), seconds };
  } finally {
    await Promise.all(Object.values(sources).map((source) => source.destroy()));
  }
}
