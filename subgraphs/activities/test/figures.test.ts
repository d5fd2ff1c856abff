import { DEMO_ACTORS as A } from '@samverkan/demo';
import { Role, TARGET_GROUPS } from '@samverkan/federation';
import { bearer, GraphQLResponse, seededRandom, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { activitiesSubgraph } from '../src';
import { ActivityKind, PolicePurpose } from '../src/activity';

/**
 * `Figures.activities`: counts of the activities taking place in an area and a month, recounted
 * here straight from the database. Activities are public listings (visibility governs their internal
 * fields only), so every activity counts, exactly, for every viewer.
 */

type Headers = Record<string, string>;
interface CountValue {
  value: number | null;
  suppressed: boolean;
}
interface ActivityFiguresValue {
  total: CountValue;
  byKind: Array<{ kind: string; count: CountValue }>;
  byTargetGroup: Array<{ targetGroup: string; count: CountValue }>;
  byPolicePurpose: Array<{ purpose: string | null; count: CountValue }>;
}
interface FiguresValue {
  areaCode: string;
  month: string;
  activities: ActivityFiguresValue;
}

let subgraph: TestSubgraph;
/** A national coordinator of SKR: signed in, sees the network's records, not other organisations' own. */
let national: Headers;
const ANONYMOUS: Headers = {};

/** The months the generated activities fall in (long ago, away from the demo data's dates). */
const MONTHS = ['2024-11', '2024-12', '2025-01', '2025-02', '2025-03', '2025-04'];
/** Areas with generated activities, at every level: records at a county or Sweden itself too. */
const AREAS = ['SE', '01', '0180', '0180-rinkeby-kista', '0180-farsta', '0114', '14', '1480', '1480-angered', '1280', '03', '0380'];
/** Owners: organisations other than the viewer's (SKR), so OWNER and SHARED records are hidden from it. */
const OWNERS = [A.fryshuset, A.lpoRinkeby, A.goteborgsStad, A.raddaBarnen];
const VISIBILITIES = ['PUBLIC', 'NETWORK', 'SHARED', 'OWNER'] as const;

const FIGURES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Figures { areaCode month activities {
  total { value suppressed }
  byKind { kind count { value suppressed } }
  byTargetGroup { targetGroup count { value suppressed } }
  byPolicePurpose { purpose count { value suppressed } }
} } } }`;

const representations = (areaCodes: string[], months: string[]) =>
  areaCodes.flatMap((areaCode) => months.map((month) => ({ __typename: 'Figures', areaCode, month })));

async function figures(areaCodes: string[], months: string[], headers: Headers): Promise<GraphQLResponse<{ _entities: FiguresValue[] }>> {
  return subgraph.query<{ _entities: FiguresValue[] }>(FIGURES, { r: representations(areaCodes, months) }, headers);
}

async function figuresOf(areaCodes: string[], months: string[], headers: Headers): Promise<FiguresValue[]> {
  const response = await figures(areaCodes, months, headers);
  expect(response.errors).toBeUndefined();
  return response.data!._entities;
}

/** Adds activities straight to the table (as any owner, with any visibility), returning their ids. */
async function insertActivities(
  rows: Array<{ areaCode: string; kind: string; startsOn: string; endsOn: string | null; targetGroups: string[]; policePurpose: string | null; visibility: string; ownerId: string }>,
): Promise<string[]> {
  const inserted: Array<{ id: string }> = await subgraph.dataSource.query(
    `INSERT INTO activities (title, kind, area_code, starts_on, ends_on, target_groups, police_purpose, visibility, owner_id, shared_with, version)
     SELECT 'Genererad aktivitet', r.kind, r.area_code, r.starts_on::date, r.ends_on::date, string_to_array(r.target_groups, ','), r.police_purpose, r.visibility, r.owner_id::uuid,
            CASE WHEN r.visibility = 'SHARED' THEN ARRAY[$9::uuid] ELSE '{}'::uuid[] END, 1
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])
       AS r(kind, area_code, starts_on, ends_on, target_groups, police_purpose, visibility, owner_id)
     RETURNING id`,
    [
      rows.map((r) => r.kind),
      rows.map((r) => r.areaCode),
      rows.map((r) => r.startsOn),
      rows.map((r) => r.endsOn),
      rows.map((r) => r.targetGroups.join(',')),
      rows.map((r) => r.policePurpose),
      rows.map((r) => r.visibility),
      rows.map((r) => r.ownerId),
      A.mucf,
    ],
  );
  return inserted.map((row) => row.id);
}

/** Generated activities: one-day ones, some weeks long, some ongoing without an end, spread over the months and areas. */
function generatedActivities(count: number) {
  const random = seededRandom(9);
  const kinds = Object.values(ActivityKind);
  const purposes = [...Object.values(PolicePurpose), null];
  return Array.from({ length: count }, () => {
    const start = new Date(Date.UTC(2024, 10 + random.int(6), 1 + random.int(28)));
    const startsOn = start.toISOString().slice(0, 10);
    const length = random.weighted([[0, 5], [20, 3], [70, 1], [null, 1]] as const);
    const endsOn = length === null ? null : new Date(start.getTime() + length * 86400000).toISOString().slice(0, 10);
    const groups = [...new Set([random.pick(TARGET_GROUPS), random.pick(TARGET_GROUPS), random.pick(TARGET_GROUPS)].slice(0, 1 + random.int(3)))];
    return {
      areaCode: random.weighted(AREAS.map((code) => [code, code.length > 4 || code === '0180' || code === '1480' ? 6 : 2] as const)),
      // Kinds and purposes skewed, so that some values are rare (suppressed) and some common.
      kind: random.chance(0.5) ? random.pick(kinds.slice(0, 3)) : random.pick(kinds),
      startsOn,
      endsOn,
      targetGroups: groups,
      policePurpose: random.chance(0.4) ? null : random.pick(purposes.slice(0, random.chance(0.7) ? 2 : purposes.length)),
      visibility: random.pick(VISIBILITIES),
      ownerId: random.pick(OWNERS),
    };
  });
}

/** The recount: activities in the area (sub-areas included) whose period overlaps the month, over all records or PUBLIC only. */
async function recount(areaCode: string, month: string, basis: 'ALL' | 'PUBLIC', condition = 'true', parameter: unknown = null): Promise<number> {
  const [{ count }] = await subgraph.dataSource.query(
    `SELECT count(*)::int AS count FROM activities a
     WHERE ($1 = 'SE' OR a.area_code = $1 OR a.area_code LIKE $1 || '%')
       AND a.starts_on <= (to_date($2, 'YYYY-MM') + interval '1 month' - interval '1 day')::date
       AND (a.ends_on IS NULL OR a.ends_on >= to_date($2, 'YYYY-MM'))
       AND ($3 = 'ALL' OR a.visibility = 'PUBLIC')
       AND ${condition}`,
    [areaCode, month, basis, parameter],
  );
  return count;
}

/** Every cell of an answer with its recount condition. */
function cells(figures: ActivityFiguresValue): Array<[string, CountValue, string, unknown]> {
  return [
    ['total', figures.total, '$4::text IS NULL', null],
    ...figures.byKind.map(({ kind, count }): [string, CountValue, string, unknown] => [`kind ${kind}`, count, 'a.kind = $4', kind]),
    ...figures.byTargetGroup.map(({ targetGroup, count }): [string, CountValue, string, unknown] => [
      `target group ${targetGroup}`,
      count,
      '$4 = ANY(a.target_groups)',
      targetGroup,
    ]),
    ...figures.byPolicePurpose.map(({ purpose, count }): [string, CountValue, string, unknown] => [
      `police purpose ${purpose ?? 'none'}`,
      count,
      "coalesce(a.police_purpose, 'NONE') = $4",
      purpose ?? 'NONE',
    ]),
  ];
}

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  await insertActivities(generatedActivities(400));
  national = await bearer(A.skr, [Role.NATIONAL_COORDINATOR]);
}, 120000);

afterAll(() => subgraph?.stop());

describe('each figure against a recount from the database', () => {
  it('gives every viewer every activity, whatever its visibility, exactly: activities are public listings', async () => {
    const signedIn = await figuresOf(AREAS, MONTHS, national);
    let nonPublicCounted = 0;
    for (const answer of signedIn) {
      for (const [name, count, condition, parameter] of cells(answer.activities)) {
        const where = `${answer.areaCode} ${answer.month} ${name}`;
        const all = await recount(answer.areaCode, answer.month, 'ALL', condition, parameter);
        expect([where, count]).toEqual([where, { value: all, suppressed: false }]);
        if (all > (await recount(answer.areaCode, answer.month, 'PUBLIC', condition, parameter))) nonPublicCounted += 1;
      }
    }
    // Activities whose internal fields are not public are in the counts too.
    expect(nonPublicCounted).toBeGreaterThan(100);
    expect(await figuresOf(AREAS, MONTHS, ANONYMOUS)).toEqual(signedIn);
  }, 120000);

  it('partitions the activities by kind and by police purpose (the police absent last), and lists every target group', async () => {
    const [answer] = await figuresOf(['SE'], ['2025-01'], ANONYMOUS);
    const { total, byKind, byPolicePurpose, byTargetGroup } = answer.activities;
    expect(byKind.map((entry) => entry.kind)).toEqual(Object.values(ActivityKind));
    expect(byPolicePurpose.map((entry) => entry.purpose)).toEqual([...Object.values(PolicePurpose), null]);
    expect(byTargetGroup.map((entry) => entry.targetGroup)).toEqual(TARGET_GROUPS);
    const sum = (entries: Array<{ count: CountValue }>) => entries.reduce((s, entry) => s + entry.count.value!, 0);
    expect(sum(byKind)).toBe(total.value);
    expect(sum(byPolicePurpose)).toBe(total.value);
    expect(sum(byTargetGroup)).toBeGreaterThan(total.value!);
  });
});

describe('cost', () => {
  it('answers 21 counties, or 24 months of an area, in the same few statements as one', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (areaCodes: string[], months: string[]) => {
        const response = await figures(areaCodes, months, national);
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities).toHaveLength(areaCodes.length * months.length);
        return response.extensions!.sqlStatements;
      };
      const counties = ['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'];
      const months = Array.from({ length: 24 }, (_, i) => new Date(Date.UTC(2023, 5 + i, 1)).toISOString().slice(0, 7));
      const one = await statements(['01'], ['2025-01']);
      expect(one).toBe(1);
      expect(await statements(counties, ['2025-01'])).toBe(one);
      expect(await statements(['0180'], months)).toBe(one);
      expect(await statements(counties, months)).toBe(one);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('kept counts', () => {
  it('keeps counts until the change log moves, so a write through the API shows at once', async () => {
    process.env.FIGURES_CACHE_SECONDS = '600';
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const total = async () => {
        const response = await figures(['2482'], ['2023-03'], ANONYMOUS);
        expect(response.errors).toBeUndefined();
        return [response.data!._entities[0].activities.total.value, response.extensions!.sqlStatements];
      };
      const [before] = await total();
      // Kept: one statement (the change log's latest entry) instead of the count.
      expect(await total()).toEqual([before, 1]);
      // Written beside the API: no change-log entry, so the kept count stands (for up to FIGURES_CACHE_SECONDS).
      await insertActivities([
        { areaCode: '2482', kind: 'SPORT', startsOn: '2023-03-01', endsOn: null, targetGroups: ['CHILDREN'], policePurpose: null, visibility: 'PUBLIC', ownerId: A.fryshuset },
      ]);
      expect((await total())[0]).toBe(before);
      const created = await subgraph.query(
        `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
        { input: { title: 'Fotboll i Skellefteå', kind: 'SPORT', organiserIds: [A.fryshuset], areaCode: '2482', startsOn: '2023-03-15', targetGroups: ['YOUNG_PEOPLE'], visibility: 'PUBLIC' } },
        await bearer(A.fryshuset, [Role.COORDINATOR]),
      );
      expect(created.errors).toBeUndefined();
      expect((await total())[0]).toBe((before as number) + 2);
    } finally {
      process.env.FIGURES_CACHE_SECONDS = '0';
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('bad keys', () => {
  it.each([['2025-13'], ['2025-1'], ['januari'], ['2025-01-01']])('refuses the month %s with BAD_USER_INPUT', async (month) => {
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...national },
      body: JSON.stringify({ query: FIGURES, variables: { r: [{ __typename: 'Figures', areaCode: '01', month }] } }),
    });
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses an area code that is none', async () => {
    const response = await figures(['01; DROP TABLE activities'], ['2025-01'], national);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
