import { DEMO_ACTORS as A, DEMO_AGREEMENTS as AG, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D, demoActivities, seedDemoData } from '../src/demo/seed';
import { bearer } from '@samverkan/test-support';
import { dropDatabase, freshDatabase } from '@samverkan/test-support';
import { errorCode, GraphQLResponse } from '@samverkan/test-support';
import { ServiceProcess, startSubgraphProcess } from '@samverkan/test-support';
import { startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** The demo data is seeded for this day, so the expected dates are computed from the same calendar. */
const calendar = demoCalendar();
const SEEDED = Object.fromEntries(demoActivities(calendar).map((a) => [a.id, a]));

let subgraph: TestSubgraph;
let agreements: ServiceProcess | undefined;
let agreementsDb: string | undefined;
/** Tokens: a member of a party that may see network-visible internal fields, and coordinators of owners. */
let stadsmission: Record<string, string>;
let kfum: Record<string, string>;
let lpoNordost: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  // Funding agreements are checked against a real, seeded agreements subgraph.
  agreementsDb = await freshDatabase('agreements');
  agreements = await startSubgraphProcess('agreements', agreementsDb, { SEED_DEMO_DATA: 'true', ACTORS_URL: subgraph.actors!.url });
  process.env.AGREEMENTS_URL = agreements.url;
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
  kfum = await bearer(A.kfumGoteborg, [Role.COORDINATOR]);
  lpoNordost = await bearer(A.lpoGoteborgNordost, [Role.COORDINATOR]);
});

afterAll(async () => {
  await agreements?.stop();
  if (agreementsDb) await dropDatabase(agreementsDb);
  await subgraph?.stop();
});

type Ids = Array<{ id: string }>;
const ids = (nodes: Ids) => nodes.map((n) => n.id);
const sorted = (values: string[]) => [...values].sort();

/** Ids of all activities matching a filter (first page of 100, which holds them all here). */
async function matching(filter: Record<string, unknown>, headers: Record<string, string> = {}): Promise<string[]> {
  const response = await subgraph.query(
    `query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount nodes { id } } }`,
    { filter },
    headers,
  );
  expect(response.errors).toBeUndefined();
  expect(response.data!.activities.totalCount).toBe(response.data!.activities.nodes.length);
  return ids(response.data!.activities.nodes);
}

const count = async (table: 'activities' | 'activity_organisers' | 'change_log') =>
  (await subgraph.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;
const counts = async () => [await count('activities'), await count('activity_organisers'), await count('change_log')];

describe('activities query', () => {
  it('filters by area, sub-areas included', async () => {
    expect(sorted(await matching({ areaCode: AR.stockholm }))).toEqual(
      sorted([D.mbuRinkeby, D.mammaUnitedTrygg, D.safeFarsta, D.safeLiljeholmen, D.safeNorrmalm, D.summerJobsJarva]),
    );
    expect(sorted(await matching({ areaCode: '03' }))).toEqual(
      sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn, D.posomUppsala]),
    );
    // Summer jobs take place in two of Järva's districts (several areas): found from either.
    expect(sorted(await matching({ areaCode: AR.rinkebyKista }))).toEqual(sorted([D.mbuRinkeby, D.mammaUnitedTrygg, D.summerJobsJarva]));
    expect(sorted(await matching({ areaCode: AR.spangaTensta }))).toEqual([D.summerJobsJarva]);
  });

  it('includes activities for a wider area with scope OVERLAPPING', async () => {
    // The exit programme covers all of Sweden.
    expect(sorted(await matching({ areaCode: AR.rinkebyKista, areaScope: 'OVERLAPPING' }))).toEqual(
      sorted([D.mbuRinkeby, D.mammaUnitedTrygg, D.summerJobsJarva, D.exitProgramme]),
    );
    expect(sorted(await matching({ areaCode: AR.gottsunda, areaScope: 'OVERLAPPING' }))).toEqual(
      sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn, D.posomUppsala, D.exitProgramme]),
    );
  });

  it('filters by kind', async () => {
    expect(sorted(await matching({ kinds: ['SAFETY_HOSTS'] }))).toEqual(sorted([D.safeFarsta, D.safeLiljeholmen, D.safeNorrmalm]));
    expect(sorted(await matching({ kinds: ['MBU_MEETING', 'CRISIS_SUPPORT'] }))).toEqual(sorted([D.mbuRinkeby, D.mbuAngered, D.posomUppsala]));
  });

  it('filters by target group, any of those given', async () => {
    expect(sorted(await matching({ targetGroups: ['PARENTS'] }))).toEqual(
      sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn, D.mammaUnitedTrygg]),
    );
    expect(sorted(await matching({ targetGroups: ['PARENTS', 'RELATIVES'] }))).toEqual(
      sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn, D.mammaUnitedTrygg, D.posomUppsala, D.exitProgramme]),
    );
  });

  it('filters by age, bounds included and open bounds matching', async () => {
    const kinds = ['MBU_MEETING', 'SPORT', 'SUMMER_JOBS', 'HOMEWORK_HELP'];
    // MBU Rinkeby 13–18, MBU Angered 12–16, football 10–16, summer jobs 15–17, homework help 9–15, football practice 10–13.
    expect(sorted(await matching({ kinds, age: 16 }))).toEqual(sorted([D.mbuRinkeby, D.mbuAngered, D.footballAngered, D.summerJobsJarva]));
    expect(sorted(await matching({ kinds, age: 12 }))).toEqual(sorted([D.mbuAngered, D.footballAngered, D.homeworkHelpAngered, D.footballPracticeAngered]));
    // Safety hosts have no age limits; the exit programme is for 15–35.
    expect(sorted(await matching({ kinds: ['SAFETY_HOSTS', 'EXIT_PROGRAMME'], age: 40 }))).toEqual(
      sorted([D.safeFarsta, D.safeLiljeholmen, D.safeNorrmalm]),
    );
  });

  it('filters by organiser, newest start first', async () => {
    // MBU Angered starts next week, MBU Rinkeby three months ago, the exit programme two years ago.
    expect(await matching({ organiserId: A.fryshuset })).toEqual([D.mbuAngered, D.mbuRinkeby, D.exitProgramme]);
    expect(sorted(await matching({ organiserId: A.lpoUppsala }))).toEqual(sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn]));
  });

  it('filters by funding agreement, for callers who may see the agreement', async () => {
    // The IOP is shared with its parties (KFUM Göteborg is one), Rätt kurva with its own (Familjebostäder).
    expect(await matching({ fundingAgreementId: AG.iopGoteborgAngered }, kfum)).toEqual([D.footballAngered, D.homeworkHelpAngered]);
    const familjebostader = await bearer(A.familjebostader);
    expect(await matching({ fundingAgreementId: AG.rattKurvaJarva }, familjebostader)).toEqual([D.summerJobsJarva]);
    // Others learn nothing about what a hidden agreement funds.
    expect(await matching({ fundingAgreementId: AG.iopGoteborgAngered })).toEqual([]);
    expect(await matching({ fundingAgreementId: AG.rattKurvaJarva }, kfum)).toEqual([]);
  });

  it('filters by the agreement carried out under, for callers who may see the agreement', async () => {
    // The citizen promise in Rinkeby-Kista is public; the IOP in Angered is shared with its parties (KFUM Göteborg is one).
    expect(await matching({ agreementId: AG.medborgarloftRinkebyKista })).toEqual([D.mbuRinkeby, D.mammaUnitedTrygg]);
    expect(await matching({ agreementId: AG.iopGoteborgAngered }, kfum)).toEqual([D.mbuAngered]);
    expect(await matching({ agreementId: AG.iopGoteborgAngered })).toEqual([]);
    expect(await matching({ agreementId: AG.iopGoteborgAngered }, stadsmission)).toEqual([]);
  });

  it('filters by a period the activity overlaps, open ends included', async () => {
    const walks = { kinds: ['SAFETY_WALK'] };
    // One walk half a year ago, the next four weeks ahead.
    const [spring, autumn] = [SEEDED[D.safetyWalkGottsundaSpring].startsOn, SEEDED[D.safetyWalkGottsundaAutumn].startsOn];
    expect(await matching({ ...walks, from: calendar.days(1, spring) })).toEqual([D.safetyWalkGottsundaAutumn]);
    expect(await matching({ ...walks, to: calendar.days(-1, autumn) })).toEqual([D.safetyWalkGottsundaSpring]);
    expect(await matching({ ...walks, from: spring, to: spring })).toEqual([D.safetyWalkGottsundaSpring]);
    expect(await matching({ ...walks, from: calendar.days(1, spring), to: calendar.days(-1, autumn) })).toEqual([]);
    // Ongoing activities (no end date) match any later period; SAFE Norrmalm ends in five months.
    const norrmalmEnds = SEEDED[D.safeNorrmalm].endsOn!;
    expect(sorted(await matching({ kinds: ['SAFETY_HOSTS'], from: calendar.days(1, norrmalmEnds) }))).toEqual(sorted([D.safeFarsta, D.safeLiljeholmen]));
    expect(sorted(await matching({ kinds: ['SAFETY_HOSTS'], from: norrmalmEnds }))).toEqual(sorted([D.safeFarsta, D.safeLiljeholmen, D.safeNorrmalm]));
    // The football tournament is this weekend: its last day is in the period, the day after is not
    // (the weekly football practice, ongoing, matches both).
    const footballEnds = SEEDED[D.footballAngered].endsOn!;
    expect(await matching({ kinds: ['SPORT'], from: footballEnds, to: footballEnds })).toEqual([D.footballAngered, D.footballPracticeAngered]);
    expect(await matching({ kinds: ['SPORT'], from: calendar.days(1, footballEnds) })).toEqual([D.footballPracticeAngered]);
  });

  it('finds something on any day: this week, in the coming months, ongoing and past', async () => {
    const today = calendar.today;
    // This weekend's football tournament, next week's MBU meetings in Angered, and the ongoing homework help.
    expect(sorted(await matching({ areaCode: AR.goteborg, targetGroups: ['YOUNG_PEOPLE'], from: today, to: calendar.days(90) }))).toEqual(
      sorted([D.footballAngered, D.mbuAngered, D.homeworkHelpAngered]),
    );
    expect(await matching({ from: calendar.weekday(0, 1), to: calendar.weekday(0, 7), kinds: ['SPORT'] })).toEqual([D.footballAngered, D.footballPracticeAngered]);
    expect(await matching({ from: calendar.weekday(1, 1), to: calendar.weekday(1, 7), kinds: ['MBU_MEETING'] })).toEqual([D.mbuAngered, D.mbuRinkeby]);
    expect(sorted(await matching({ from: calendar.days(1), to: calendar.days(42), kinds: ['SAFETY_WALK', 'DIALOGUE_MEETING'] }))).toEqual(
      sorted([D.safetyWalkGottsundaAutumn, D.democracySchoolSkaggetorp]),
    );
    // Every demo activity has started or starts within six weeks; those that ended did so before today.
    for (const a of Object.values(SEEDED)) {
      expect([a.id, a.startsOn <= calendar.days(42)]).toEqual([a.id, true]);
      if (a.endsOn) expect([a.id, a.endsOn >= a.startsOn]).toEqual([a.id, true]);
    }
    expect(await matching({ to: calendar.days(-1), kinds: ['SAFETY_WALK'] })).toEqual([D.safetyWalkGottsundaSpring]);
  });

  it('filters by why the police take part', async () => {
    // The football tournament invites the police to build relationships, not to ensure safety.
    expect(sorted(await matching({ policePurposes: ['RELATIONSHIP_BUILDING'] }))).toEqual(
      sorted([D.mbuRinkeby, D.mbuAngered, D.footballAngered]),
    );
    expect(sorted(await matching({ policePurposes: ['SAFETY'] }))).toEqual(sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn]));
    expect(sorted(await matching({ policePurposes: ['DIALOGUE', 'CRISIS_SUPPORT'] }))).toEqual(
      sorted([D.mammaUnitedTrygg, D.democracySchoolSkaggetorp, D.posomUppsala]),
    );
  });

  it('finds text in the title and public description, never in the internal classification', async () => {
    expect(await matching({ text: 'FOTBOLL' })).toEqual([D.footballAngered, D.footballPracticeAngered]);
    expect(await matching({ text: 'kriminellt sammanhang' })).toEqual([D.exitProgramme]);
    expect(sorted(await matching({ text: 'gottsunda' }))).toEqual(sorted([D.safetyWalkGottsundaSpring, D.safetyWalkGottsundaAutumn]));
    expect(await matching({ text: 'SELECTIVE' })).toEqual([]);
    expect(await matching({ text: 'prevention' })).toEqual([]);
    expect(await matching({ text: '100%' })).toEqual([]);
  });

  it('combines conditions', async () => {
    expect(await matching({ areaCode: AR.goteborg, targetGroups: ['CHILDREN'], policePurposes: ['RELATIONSHIP_BUILDING'] })).toEqual([
      D.footballAngered,
    ]);
  });

  it('pages newest start first, without gaps or repeats', async () => {
    const seen: string[] = [];
    const startDates: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const response: GraphQLResponse = await subgraph.query(
        `query($after: String) { activities(first: 4, after: $after) { totalCount nodes { id startsOn } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = response.data!.activities as {
        totalCount: number;
        nodes: Array<{ id: string; startsOn: string }>;
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
      total = page.totalCount;
      seen.push(...ids(page.nodes));
      startDates.push(...page.nodes.map((n) => n.startsOn));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBe(await count('activities'));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(startDates).toEqual([...startDates].sort().reverse());
    // POSOM Uppsala and the exit programme start on the same day, 12th and 13th of 14, so pages of four split them apart; neither may be lost.
    expect(seen).toEqual(expect.arrayContaining([D.posomUppsala, D.exitProgramme]));
  });

  it('refuses bad filters and cursors', async () => {
    const cases: Array<[string, Record<string, unknown>]> = [
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { from: '2026-01-01', to: '2025-01-01' } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { from: '2025-13-01' } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { age: 121 } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { areaCode: 'Angered' } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { organiserId: 'fryshuset' } }],
      ['query($f: ActivityFilter) { activities(filter: $f) { totalCount } }', { f: { kinds: ['GANG_ACTIVITY'] } }],
      ['{ activities(after: "bm90LWEtY3Vyc29y") { totalCount } }', {}],
    ];
    for (const [query, variables] of cases) expect([query, variables, errorCode(await subgraph.query(query, variables))]).toEqual([query, variables, 'BAD_USER_INPUT']);
  });
});

describe('lists for dashboards: several areas, an age range, an area\'s activities in a period and their pages', () => {
  /** The activities as stored, newest start first (then by id): what every expectation below is recounted from. */
  type Row = { id: string; area_code: string; age_min: number | null; age_max: number | null; starts_on: string; ends_on: string | null };
  const stored = (): Promise<Row[]> =>
    subgraph.dataSource.query(
      'SELECT id, area_code, age_min, age_max, starts_on::text AS starts_on, ends_on::text AS ends_on FROM activities ORDER BY starts_on DESC, id DESC',
    );
  // Written out here rather than taken from the area filters (areaFilterSql), so the recount checks the rule, not itself.
  const within = (code: string, area: string) =>
    code === 'SE' || area === code || (code.length === 2 && area.startsWith(code)) || (code.length === 4 && area.startsWith(`${code}-`));
  const overlapping = (code: string, area: string) => within(code, area) || [AR.sweden, code.slice(0, 2), code.slice(0, 4)].includes(area);
  const agesOverlap = (r: Row, from?: number, to?: number) =>
    (from === undefined || r.age_max === null || r.age_max >= from) && (to === undefined || r.age_min === null || r.age_min <= to);
  const periodOverlaps = (r: Row, from?: string, to?: string) => (from === undefined || r.ends_on === null || r.ends_on >= from) && (to === undefined || r.starts_on <= to);

  const today = calendar.today;
  const in90Days = calendar.days(90);
  /** Records of this test, beside the demo data: open age limits on either side, one starting after the 90 days. */
  const mine: Record<string, string> = {};
  beforeAll(async () => {
    const make = async (title: string, input: Record<string, unknown>) => {
      const response = await subgraph.query(
        'mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }',
        { input: { title, kind: 'OPEN_MEETING_PLACE', organiserIds: [A.ostergotlandsStadsmission], targetGroups: ['YOUNG_PEOPLE'], ...input } },
        stadsmission,
      );
      expect(response.errors).toBeUndefined();
      return response.data!.createActivity.id as string;
    };
    mine.forYounger = await make('Lek för yngre', { areaCode: AR.skaggetorp, startsOn: calendar.days(-10), endsOn: calendar.days(10), ageMax: 12 });
    mine.forAdultsLater = await make('Vuxenkväll', { areaCode: AR.linkoping, startsOn: calendar.days(200), ageMin: 18, visibility: 'NETWORK' });
    mine.openHouseToday = await make('Öppet hus', { areaCode: AR.skaggetorp, startsOn: today, endsOn: today, ageMin: 13, ageMax: 19 });
  });

  /** The same list for the public and for signed-in parties; only the internal fields differ. */
  async function listed(filter: Record<string, unknown>, expected: string[]) {
    expect(expected.length).toBeGreaterThan(0);
    for (const headers of [{}, stadsmission, kfum]) {
      const response = await subgraph.query(
        'query($filter: ActivityFilter) { activities(filter: $filter, first: 100) { totalCount nodes { id internalClassification } } }',
        { filter },
        headers,
      );
      expect(response.errors).toBeUndefined();
      const { totalCount, nodes } = response.data!.activities;
      expect([filter, ids(nodes)]).toEqual([filter, expected]);
      expect(totalCount).toBe(expected.length);
      const classified = nodes.filter((n: { internalClassification: string | null }) => n.internalClassification !== null);
      if (headers === stadsmission) expect(classified.length).toBeGreaterThan(0);
      else if (Object.keys(headers).length === 0) expect(classified).toEqual([]);
    }
  }

  it('filters by several areas, an activity matching if it is in any of them, with either scope', async () => {
    const rows = await stored();
    const codes = [AR.skaggetorp, AR.angered, '03', AR.jarva];
    await listed({ areaCodes: codes }, rows.filter((r) => codes.some((c) => within(c, r.area_code))).map((r) => r.id));
    const wide = [AR.rinkebyKista, AR.gottsunda];
    await listed({ areaCodes: wide, areaScope: 'OVERLAPPING' }, rows.filter((r) => wide.some((c) => overlapping(c, r.area_code))).map((r) => r.id));
    // One code in the list is the same filter as that code alone.
    await listed({ areaCodes: [AR.linkoping] }, rows.filter((r) => within(AR.linkoping, r.area_code)).map((r) => r.id));
  });

  it('filters by an age range, open ends of either range matching, and `age` by the same rule', async () => {
    const rows = await stored();
    for (const [from, to] of [[13, 15], [18, undefined], [undefined, 12], [0, 120], [40, 40]] as Array<[number | undefined, number | undefined]>) {
      await listed({ ageFrom: from, ageTo: to }, rows.filter((r) => agesOverlap(r, from, to)).map((r) => r.id));
    }
    await listed({ age: 16 }, rows.filter((r) => agesOverlap(r, 16, 16)).map((r) => r.id));
    expect(await matching({ areaCode: AR.skaggetorp, ageTo: 12 })).toContain(mine.forYounger);
    expect(await matching({ areaCode: AR.linkoping, ageFrom: 30 })).toContain(mine.forAdultsLater);
  });

  it('combines several areas, ages and a period', async () => {
    const rows = await stored();
    const codes = [AR.linkoping, AR.goteborg, AR.stockholm];
    const expected = rows.filter((r) => codes.some((c) => within(c, r.area_code)) && agesOverlap(r, 12, 14) && periodOverlaps(r, today, in90Days));
    expect(expected.map((r) => r.id)).toContain(mine.openHouseToday);
    expect(expected.map((r) => r.id)).not.toContain(mine.forAdultsLater);
    await listed({ areaCodes: codes, ageFrom: 12, ageTo: 14, from: today, to: in90Days }, expected.map((r) => r.id));
  });

  const areaActivities = `query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $first: Int) { _entities(representations: $r) {
    ... on Area { code activities(from: $from, to: $to, first: $first) { id } overlapping: activities(scope: OVERLAPPING, from: $from, to: $to, first: $first) { id } } } }`;
  const areaCodes = [AR.skaggetorp, AR.linkoping, AR.angered, AR.stockholm, '03', AR.rinkebyKista, AR.hyllie];

  it('lists an area\'s activities in a period, newest start first, at most `first` per area', async () => {
    const rows = await stored();
    const cases: Array<[string | undefined, string | undefined, number | undefined]> = [
      [today, in90Days, 2],
      [today, in90Days, undefined],
      [undefined, calendar.days(-1), 1],
      [calendar.days(100), undefined, 100],
    ];
    for (const [from, to, first] of cases) {
      for (const headers of [{}, stadsmission]) {
        const { data, errors } = await subgraph.query(
          areaActivities,
          { r: areaCodes.map((code) => ({ __typename: 'Area', code })), from, to, first },
          headers,
        );
        expect(errors).toBeUndefined();
        const expected = (match: (code: string, area: string) => boolean, code: string) =>
          rows.filter((r) => match(code, r.area_code) && periodOverlaps(r, from, to)).slice(0, first ?? 100).map((r) => r.id);
        expect(data!._entities.map((a: { code: string; activities: Ids; overlapping: Ids }) => [from, to, first, a.code, ids(a.activities), ids(a.overlapping)])).toEqual(
          areaCodes.map((code) => [from, to, first, code, expected(within, code), expected(overlapping, code)]),
        );
      }
    }
    // The bound bites: Linköping has more than two activities in the 90 days.
    expect(rows.filter((r) => within(AR.linkoping, r.area_code) && periodOverlaps(r, today, in90Days)).length).toBeGreaterThan(2);
  });

  it('loads every area\'s activities in the same statements, whatever the number of areas', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (codes: string[]) => {
        const response = await subgraph.query(areaActivities, { r: codes.map((code) => ({ __typename: 'Area', code })), from: today, to: in90Days, first: 2 });
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements;
      };
      // Per argument combination (WITHIN and OVERLAPPING here): the numbered ids, then the activities.
      expect(await statements(areaCodes.slice(0, 2))).toBe(4);
      expect(await statements(areaCodes)).toBe(4);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });

  const pageQuery = `query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $after: String) { _entities(representations: $r) {
    ... on Area { code activityPage(from: $from, to: $to, first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } } }`;

  interface ActivityPage {
    totalCount: number;
    nodes: Array<{ id: string }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  }

  it('pages an area\'s activities in a period, per area, without gaps or repeats', async () => {
    const rows = await stored();
    const codes = [AR.linkoping, AR.goteborg, AR.hyllie, '03', AR.stockholm];
    const expected = (code: string) => rows.filter((r) => within(code, r.area_code) && periodOverlaps(r, today, undefined)).map((r) => r.id);
    for (const code of codes) {
      const seen: string[] = [];
      let after: string | null = null;
      for (let pages = 0; pages < 50; pages++) {
        const response: GraphQLResponse<{ _entities: Array<{ activityPage: ActivityPage }> }> = await subgraph.query(pageQuery, { r: [{ __typename: 'Area', code }], from: today, after });
        expect(response.errors).toBeUndefined();
        const page = response.data!._entities[0].activityPage;
        expect(page.totalCount).toBe(expected(code).length);
        seen.push(...ids(page.nodes));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect([code, seen]).toEqual([code, expected(code)]);
    }
    // The first pages of all areas in one request, the public seeing the same as a party.
    for (const headers of [{}, stadsmission]) {
      const response = await subgraph.query(pageQuery, { r: codes.map((code) => ({ __typename: 'Area', code })), from: today, to: in90Days }, headers);
      expect(response.errors).toBeUndefined();
      const inPeriod = (code: string) => rows.filter((r) => within(code, r.area_code) && periodOverlaps(r, today, in90Days)).map((r) => r.id);
      expect(response.data!._entities.map((a: { code: string; activityPage: { totalCount: number; pageInfo: { hasNextPage: boolean }; nodes: Ids } }) => [
        a.code,
        a.activityPage.totalCount,
        a.activityPage.pageInfo.hasNextPage,
        ids(a.activityPage.nodes),
      ])).toEqual(codes.map((code) => [code, inPeriod(code).length, inPeriod(code).length > 2, inPeriod(code).slice(0, 2)]));
    }
  });

  it('pages every area in the same statements, whatever the number of areas', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const statements = async (codes: string[]) => {
        const response = await subgraph.query(pageQuery, { r: codes.map((code) => ({ __typename: 'Area', code })), from: today });
        expect(response.errors).toBeUndefined();
        return response.extensions!.sqlStatements;
      };
      // The page's numbered ids and the totals, then the activities.
      expect(await statements(areaCodes.slice(0, 2))).toBe(3);
      expect(await statements(areaCodes)).toBe(3);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });

  it('refuses bad filters and arguments, naming the field', async () => {
    const list = 'query($f: ActivityFilter) { activities(filter: $f) { totalCount } }';
    const nested = 'query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $first: Int) { _entities(representations: $r) { ... on Area { activities(from: $from, to: $to, first: $first) { id } } } }';
    const page = 'query($r: [_Any!]!, $from: LocalDate, $to: LocalDate, $first: Int, $after: String) { _entities(representations: $r) { ... on Area { activityPage(from: $from, to: $to, first: $first, after: $after) { totalCount } } } }';
    const area = [{ __typename: 'Area', code: AR.linkoping }];
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [list, { f: { areaCodes: Array.from({ length: 51 }, () => AR.linkoping) } }, 'areaCodes'],
      [list, { f: { areaCodes: [] } }, 'areaCodes'],
      [list, { f: { areaCodes: [AR.linkoping, 'Skäggetorp'] } }, 'areaCodes'],
      [list, { f: { areaCode: AR.linkoping, areaCodes: [AR.goteborg] } }, 'areaCodes'],
      [list, { f: { ageFrom: 15, ageTo: 12 } }, 'ageTo'],
      [list, { f: { ageFrom: -1 } }, 'ageFrom'],
      [list, { f: { age: 14, ageFrom: 12 } }, 'age'],
      [list, { f: { from: in90Days, to: today } }, 'filter.to'],
      [nested, { r: area, from: in90Days, to: today }, 'to'],
      [nested, { r: area, first: 101 }, 'first'],
      [nested, { r: area, first: 0 }, 'first'],
      [page, { r: area, first: 101 }, 'first'],
      [page, { r: area, from: in90Days, to: today }, 'to'],
      [page, { r: area, after: 'bm90LWEtY3Vyc29y' }, 'after'],
      [page, { r: area, after: Buffer.from(JSON.stringify(['2026-02-30', A.fryshuset])).toString('base64url') }, 'after'],
    ];
    for (const [query, variables, field] of cases) {
      const response = await subgraph.query(query, variables);
      const error = response.errors?.[0];
      expect([variables, error?.extensions?.code, (error?.extensions?.fields as Array<{ field: string }> | undefined)?.map((f) => f.field)]).toEqual([
        variables,
        'BAD_USER_INPUT',
        [field],
      ]);
    }
  });
});

describe('activity fields', () => {
  const fields = `id title kind startsOn endsOn targetGroups ageMin ageMax participantCount publicDescription internalClassification
    organisers { id } area { code } fundingAgreement { id } policeParticipation { purpose explanation }`;

  it('resolves organisers, area, funding agreement and police participation', async () => {
    // As its owner, KFUM Göteborg, which is also a party to the IOP that funds it.
    const { data } = await subgraph.query(`query($id: ID!) { activity(id: $id) { ${fields} } }`, { id: D.footballAngered }, kfum);
    expect(data!.activity).toMatchObject({
      id: D.footballAngered,
      kind: 'SPORT',
      startsOn: SEEDED[D.footballAngered].startsOn,
      endsOn: SEEDED[D.footballAngered].endsOn,
      targetGroups: ['CHILDREN', 'YOUNG_PEOPLE'],
      ageMin: 10,
      ageMax: 16,
      organisers: [{ id: A.kfumGoteborg }],
      area: { code: AR.angered },
      fundingAgreement: { id: AG.iopGoteborgAngered },
      policeParticipation: { purpose: 'RELATIONSHIP_BUILDING' },
      internalClassification: 'UNIVERSAL_PREVENTION',
      participantCount: 180,
    });
    expect(data!.activity.policeParticipation.explanation).toMatch(/lära känna/);
    expect(data!.activity.publicDescription).not.toMatch(/brottsförebygg|prevent/i);
  });

  it('gives null for no police participation, no funding and no end date', async () => {
    const { data } = await subgraph.query(`query($id: ID!) { activity(id: $id) { ${fields} } }`, { id: D.safeFarsta });
    expect(data!.activity).toMatchObject({
      endsOn: null,
      policeParticipation: null,
      fundingAgreement: null,
      organisers: [{ id: A.safeTrygghetsvardar }],
      area: { code: AR.farsta },
    });
  });

  it('lists several organisers', async () => {
    const { data } = await subgraph.query(`query($id: ID!) { activity(id: $id) { organisers { id } } }`, { id: D.safetyWalkGottsundaSpring });
    expect(sorted(ids(data!.activity.organisers))).toEqual(sorted([A.uppsalaKommun, A.lpoUppsala, A.hyresgastforeningen]));
  });

  it('answers null for unknown and malformed ids', async () => {
    const { data } = await subgraph.query(`{ unknown: activity(id: "00000000-0000-4000-8000-000000000000") { id } malformed: activity(id: "nope") { id } }`);
    expect(data).toEqual({ unknown: null, malformed: null });
  });

  it('loads the fields of a whole page in a fixed number of statements', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const response = await subgraph.query(
        `{ activities(first: 100) { totalCount nodes { id organisers { id } area { code } fundingAgreement { id } internalClassification } } }`,
      );
      expect(response.data!.activities.nodes.length).toBeGreaterThan(10);
      // The page, the total count, and one batch for all organisers.
      expect(response.extensions!.sqlStatements).toBe(3);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('fields on other subgraphs\' entities', () => {
  const entities = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Actor { id activities { id } }
    ... on Area { code within: activities { id } overlapping: activities(scope: OVERLAPPING) { id } }
    ... on Agreement { id activities { id } activitiesUnder { id } } } }`;

  it('adds Actor.activities, Area.activities and Agreement.activities, newest start first', async () => {
    const { data, errors } = await subgraph.query(entities, {
      r: [
        { __typename: 'Actor', id: A.kfumGoteborg },
        { __typename: 'Area', code: AR.angered },
        { __typename: 'Agreement', id: AG.iopGoteborgAngered },
        { __typename: 'Area', code: AR.rinkebyKista },
        { __typename: 'Actor', id: A.raddaBarnen },
      ],
    }, kfum); // KFUM Göteborg is a party to the IOP, which is shared with its parties only.
    expect(errors).toBeUndefined();
    const [kfumGoteborg, angered, iop, rinkebyKista, raddaBarnen] = data!._entities;
    expect(ids(kfumGoteborg.activities)).toEqual([D.footballAngered, D.homeworkHelpAngered, D.footballPracticeAngered]);
    expect(ids(angered.within)).toEqual([D.mbuAngered, D.footballAngered, D.homeworkHelpAngered, D.footballPracticeAngered]);
    expect(ids(angered.overlapping)).toEqual([D.mbuAngered, D.footballAngered, D.homeworkHelpAngered, D.exitProgramme, D.footballPracticeAngered]);
    expect(ids(iop.activities)).toEqual([D.footballAngered, D.homeworkHelpAngered]);
    // Carried out under the IOP, apart from what it funds.
    expect(ids(iop.activitiesUnder)).toEqual([D.mbuAngered]);
    expect(ids(rinkebyKista.within)).toEqual([D.mbuRinkeby, D.summerJobsJarva, D.mammaUnitedTrygg]);
    expect(sorted(ids(rinkebyKista.overlapping))).toEqual(sorted([D.mbuRinkeby, D.mammaUnitedTrygg, D.summerJobsJarva, D.exitProgramme]));
    expect(raddaBarnen.activities).toEqual([]);
  });

  it('batches them: one round of statements for many entities', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const representations = [A.fryshuset, A.kfumGoteborg, A.mammaUnited, A.lpoUppsala, A.uppsalaKommun].map((id) => ({ __typename: 'Actor', id }));
      const response = await subgraph.query(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { activities { id organisers { id } } } } }`,
        { r: representations },
      );
      expect(response.errors).toBeUndefined();
      // Organiser links and activities for all actors, then the organisers of all those activities.
      expect(response.extensions!.sqlStatements).toBe(3);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

describe('changing activities', () => {
  const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) {
    id version title kind startsOn endsOn targetGroups ageMin ageMax participantCount publicDescription internalClassification
    organisers { id } area { code } fundingAgreement { id } policeParticipation { purpose explanation } } }`;
  const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) {
    id version title kind startsOn endsOn targetGroups ageMin ageMax participantCount publicDescription internalClassification
    organisers { id } area { code } fundingAgreement { id } policeParticipation { purpose explanation } } }`;
  const read = `query($id: ID!) { activity(id: $id) { version title endsOn visibility organisers { id } policeParticipation { purpose } } }`;

  const valid = (overrides: Record<string, unknown> = {}) => ({
    title: 'Öppen mötesplats i Skäggetorp',
    kind: 'OPEN_MEETING_PLACE',
    organiserIds: [A.ostergotlandsStadsmission, A.linkopingsKommun],
    areaCode: AR.skaggetorp,
    startsOn: '2026-02-02',
    targetGroups: ['YOUNG_PEOPLE'],
    ...overrides,
  });

  it('creates an activity with defaults, and updates it bumping its version', async () => {
    const created = await subgraph.query(create, { input: valid() }, stadsmission);
    expect(created.errors).toBeUndefined();
    const activity = created.data!.createActivity;
    expect(activity).toMatchObject({
      version: 1,
      title: 'Öppen mötesplats i Skäggetorp',
      startsOn: '2026-02-02',
      endsOn: null,
      internalClassification: 'NOT_CLASSIFIED',
      policeParticipation: null,
      fundingAgreement: null,
      area: { code: AR.skaggetorp },
    });
    expect(sorted(ids(activity.organisers))).toEqual(sorted([A.ostergotlandsStadsmission, A.linkopingsKommun]));

    const updated = await subgraph.query(
      update,
      {
        id: activity.id,
        version: 1,
        input: {
          endsOn: '2026-06-30',
          ageMin: 13,
          ageMax: 19,
          organiserIds: [A.ostergotlandsStadsmission],
          policeParticipation: { purpose: 'DIALOGUE', explanation: 'Områdespolisen kommer på fika varannan vecka.' },
          internalClassification: 'UNIVERSAL_PREVENTION',
          publicDescription: 'Fika, spel och samtal efter skolan.',
        },
      },
      stadsmission,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateActivity).toMatchObject({
      version: 2,
      title: 'Öppen mötesplats i Skäggetorp',
      kind: 'OPEN_MEETING_PLACE',
      endsOn: '2026-06-30',
      ageMin: 13,
      ageMax: 19,
      organisers: [{ id: A.ostergotlandsStadsmission }],
      policeParticipation: { purpose: 'DIALOGUE', explanation: 'Områdespolisen kommer på fika varannan vecka.' },
      internalClassification: 'UNIVERSAL_PREVENTION',
      publicDescription: 'Fika, spel och samtal efter skolan.',
    });

    // null clears optional fields; fields left out stay.
    const cleared = await subgraph.query(
      update,
      { id: activity.id, version: 2, input: { endsOn: null, policeParticipation: null, ageMax: null } },
      stadsmission,
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateActivity).toMatchObject({
      version: 3,
      endsOn: null,
      policeParticipation: null,
      ageMin: 13,
      ageMax: null,
      organisers: [{ id: A.ostergotlandsStadsmission }],
      publicDescription: 'Fika, spel och samtal efter skolan.',
    });

    const { data } = await subgraph.query(`query($id: ID!) { activities(filter: { organiserId: $id }) { nodes { id } } }`, { id: A.linkopingsKommun });
    expect(ids(data!.activities.nodes)).not.toContain(activity.id);
  });

  it('creates an activity funded by an agreement, with police participation', async () => {
    const created = await subgraph.query(
      create,
      {
        input: valid({
          title: 'Fotbollsturnering i Angered – hösten',
          kind: 'SPORT',
          organiserIds: [A.kfumGoteborg, A.kfumGoteborg],
          areaCode: AR.angered,
          // Later than every demo activity, so the newest the agreement funds.
          startsOn: calendar.month(6, 12),
          endsOn: calendar.month(6, 13),
          targetGroups: ['CHILDREN', 'YOUNG_PEOPLE', 'CHILDREN'],
          ageMin: 10,
          ageMax: 16,
          participantCount: 0,
          fundingAgreementId: AG.iopGoteborgAngered,
          policeParticipation: { purpose: 'SAFETY' },
        }),
      },
      kfum,
    );
    expect(created.errors).toBeUndefined();
    const activity = created.data!.createActivity;
    expect(activity).toMatchObject({
      organisers: [{ id: A.kfumGoteborg }],
      targetGroups: ['CHILDREN', 'YOUNG_PEOPLE'],
      fundingAgreement: { id: AG.iopGoteborgAngered },
      policeParticipation: { purpose: 'SAFETY', explanation: null },
      participantCount: 0,
    });
    const { data } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Agreement { activities { id } } } }`,
      { r: [{ __typename: 'Agreement', id: AG.iopGoteborgAngered }] },
      kfum,
    );
    expect(ids(data!._entities[0].activities)[0]).toBe(activity.id);
  });

  it('refuses a stale version and keeps the newer change', async () => {
    const { data } = await subgraph.query(create, { input: valid({ title: 'Läxhjälp A' }) }, stadsmission);
    const id = data!.createActivity.id;
    const first = await subgraph.query(update, { id, version: 1, input: { title: 'Läxhjälp A (ny)' } }, stadsmission);
    expect(first.errors).toBeUndefined();
    const stale = await subgraph.query(update, { id, version: 1, input: { title: 'Läxhjälp A (gammal)' } }, stadsmission);
    expect(errorCode(stale)).toBe('VERSION_CONFLICT');
    const { data: after } = await subgraph.query(read, { id });
    expect(after!.activity).toMatchObject({ title: 'Läxhjälp A (ny)', version: 2 });
  });

  const unknownUuid = '00000000-0000-4000-8000-000000000000';
  const manyIds = (n: number) => Array.from({ length: n }, (_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`);
  it.each([
    ['an invalid kind', { kind: 'GANG_ACTIVITY' }, /kind/],
    ['an invalid target group', { targetGroups: ['GANG_MEMBERS'] }, /targetGroups/],
    ['an invalid police purpose', { policeParticipation: { purpose: 'SURVEILLANCE' } }, /purpose/],
    ['a malformed date', { startsOn: '2026-02-30' }, /LocalDate/],
    ['a date that is no date', { endsOn: 'next week' }, /LocalDate/],
    ['an empty title', { title: '' }, /title/],
    ['a too-long title', { title: 'x'.repeat(201) }, /title/],
    ['a too-long public description', { publicDescription: 'x'.repeat(4001) }, /publicDescription/],
    ['a too-long police explanation', { policeParticipation: { purpose: 'DIALOGUE', explanation: 'x'.repeat(1001) } }, /explanation/],
    ['no organisers', { organiserIds: [] }, /organiser/],
    ['a malformed organiser id', { organiserIds: ['fryshuset'] }, /organiserIds/],
    ['an unknown organiser', { organiserIds: [A.fryshuset, unknownUuid] }, /Unknown actor id: 0{8}-/],
    ['a malformed area code', { areaCode: 'Skäggetorp' }, /areaCode/],
    ['an unknown area', { areaCode: '9999' }, /Unknown area code: 9999/],
    ['an unknown district', { areaCode: '0580-nowhere' }, /Unknown area code: 0580-nowhere/],
    ['an unknown funding agreement', { fundingAgreementId: unknownUuid }, /Unknown agreement id/],
    ['no target groups', { targetGroups: [] }, /targetGroups/],
    ['an end before the start', { startsOn: '2026-02-02', endsOn: '2026-02-01' }, /endsOn is before startsOn/],
    ['ageMin above ageMax', { ageMin: 16, ageMax: 12 }, /ageMin is above ageMax/],
    ['an age above 120', { ageMax: 121 }, /ageMax/],
    ['a negative age', { ageMin: -1 }, /ageMin/],
    ['a negative participant count', { participantCount: -1 }, /participantCount/],
    ['an invalid visibility', { visibility: 'EVERYONE' }, /visibility/],
    ['an unknown actor to share with', { visibility: 'SHARED', sharedWithIds: [A.fryshuset, unknownUuid] }, /Unknown actor id: 0{8}-/],
    ['a malformed actor id to share with', { visibility: 'SHARED', sharedWithIds: ['fryshuset'] }, /sharedWithIds/],
    ['more than 50 actors to share with', { visibility: 'SHARED', sharedWithIds: manyIds(51) }, /sharedWithIds/],
  ])('refuses to create with %s, writing nothing', async (_case, overrides, message) => {
    const before = await counts();
    const response = await subgraph.query(create, { input: valid(overrides) }, stadsmission);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].message).toMatch(message);
    expect(response.errors![0].message).not.toMatch(/QueryFailedError|at .*\.ts/);
    expect(await counts()).toEqual(before);
  });

  it.each([
    ['an unknown id', unknownUuid, 1, { title: 'X' }, 'NOT_FOUND'],
    ['a malformed id', 'not-a-uuid', 1, { title: 'X' }, 'NOT_FOUND'],
    ['a cleared title', D.mbuAngered, 1, { title: null }, 'BAD_USER_INPUT'],
    ['cleared organisers', D.mbuAngered, 1, { organiserIds: null }, 'BAD_USER_INPUT'],
    ['cleared target groups', D.mbuAngered, 1, { targetGroups: null }, 'BAD_USER_INPUT'],
    ['an end before the stored start', D.mbuAngered, 1, { endsOn: calendar.days(-1, SEEDED[D.mbuAngered].startsOn) }, 'BAD_USER_INPUT'],
    ['a start after the stored end', D.mbuAngered, 1, { startsOn: calendar.days(1, SEEDED[D.mbuAngered].endsOn!) }, 'BAD_USER_INPUT'],
    ['ageMax below the stored ageMin', D.mbuAngered, 1, { ageMax: 11 }, 'BAD_USER_INPUT'],
    ['an unknown organiser', D.mbuAngered, 1, { organiserIds: [unknownUuid] }, 'BAD_USER_INPUT'],
    ['an unknown area', D.mbuAngered, 1, { areaCode: '1480-nowhere' }, 'BAD_USER_INPUT'],
    ['an unknown funding agreement', D.mbuAngered, 1, { fundingAgreementId: unknownUuid }, 'BAD_USER_INPUT'],
    ['a stale version', D.mbuAngered, 7, { title: 'X' }, 'VERSION_CONFLICT'],
    ['a cleared visibility', D.mbuAngered, 1, { visibility: null }, 'BAD_USER_INPUT'],
    ['an unknown actor to share with', D.mbuAngered, 1, { sharedWithIds: [unknownUuid] }, 'BAD_USER_INPUT'],
    ['more than 50 actors to share with', D.mbuAngered, 1, { sharedWithIds: manyIds(51) }, 'BAD_USER_INPUT'],
  ])('refuses to update with %s, writing nothing', async (_case, id, version, input, code) => {
    const before = await counts();
    const { data: old } = await subgraph.query(read, { id: D.mbuAngered });
    // As a coordinator of the owner (Lokalpolisområde Göteborg Nordost), so only the input is at fault.
    const response = await subgraph.query(update, { id, version, input }, lpoNordost);
    expect(errorCode(response)).toBe(code);
    expect(await counts()).toEqual(before);
    const { data: now } = await subgraph.query(read, { id: D.mbuAngered });
    expect(now).toEqual(old);
    expect(now!.activity.version).toBe(1);
  });
});

describe('federation', () => {
  it('publishes its keys in _service.sdl', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    const sdl: string = data!._service.sdl;
    expect(sdl).toMatch(/type Activity\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Actor\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Area\s+@key\(fields: "code"\)/);
    expect(sdl).toMatch(/type Agreement\s+@key\(fields: "id"\)/);
  });

  it('documents that visibility governs only the internal fields, which are nullable', async () => {
    const { data } = await subgraph.query('{ _service { sdl } }');
    const activity = /type Activity\s+@key\(fields: "id"\)\s*\{([\s\S]*?)\n\}/.exec(data!._service.sdl)![1];
    expect(activity).toMatch(/Who may see the INTERNAL fields[^"]*"""\s+visibility: Visibility!/);
    expect(activity).toMatch(/\binternalClassification: InternalClassification$/m);
    expect(activity).toMatch(/\bparticipantCount: Int$/m);
    expect(activity).toMatch(/\bsharedWith: \[Actor!\]$/m);
    expect(activity).toMatch(/\btitle: String!$/m);
    // Null only when the actors registry, which answers it, is unavailable.
    expect(activity).toMatch(/\bowner: Actor$/m);
  });

  it('resolves activity references, unknown ones to null, and the stubs', async () => {
    const { data } = await subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) {
        ... on Activity { title } ... on Actor { id } ... on Area { code } ... on Agreement { id } } }`,
      {
        r: [
          { __typename: 'Activity', id: D.posomUppsala },
          { __typename: 'Activity', id: '00000000-0000-4000-8000-000000000000' },
          { __typename: 'Activity', id: 'nope' },
          { __typename: 'Actor', id: A.mammaUnited },
          { __typename: 'Area', code: AR.gottsunda },
          { __typename: 'Agreement', id: AG.rattKurvaJarva },
        ],
      },
    );
    expect(data!._entities).toEqual([
      { title: 'POSOM-gruppen i Uppsala' },
      null,
      null,
      { id: A.mammaUnited },
      { code: AR.gottsunda },
      { id: AG.rattKurvaJarva },
    ]);
  });
});
