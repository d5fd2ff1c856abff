import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { situationSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';
import { DEMO_JOINT_PICTURE as J } from '../src/demo/seed-joint-picture';
import { Headers, headersForEveryone, Who } from './people';

/**
 * The joint situation picture (issue 13): per role of the access matrix, every count, level and
 * trend of the combined view, the parties side by side, and the JSON export, against expectations
 * written out by hand from the reports below, not from what the code answers.
 */
let subgraph: TestSubgraph;
let as: Record<Who, Headers>;

const AREA = AR.farsta;
const FROM = '2026-01-01';
const TO = '2026-06-30';

/** The parties: police (Rinkeby), the district administration, Fryshuset, Hyresgästföreningen. */
const POLICE = A.lpoRinkeby;
const DISTRICT = A.rinkebyKistaStadsdel;
const FRYSHUSET = A.fryshuset;
const TENANTS = A.hyresgastforeningen;

const id = (n: number) => `b1c70000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The reports, oldest first; created the day after their period ends unless said. H3 and P4 end the
 * same day: H3 was created a day after P4, so it is the newer of the two.
 */
const REPORTS = {
  X0: { n: 1, owner: POLICE, start: '2025-12-01', end: '2025-12-31', level: 'CRITICAL', visibility: 'NETWORK' }, // before the period
  P1: { n: 2, owner: POLICE, start: '2026-01-01', end: '2026-01-31', level: 'ELEVATED', visibility: 'NETWORK' },
  M1: { n: 3, owner: DISTRICT, start: '2026-02-01', end: '2026-02-28', level: 'NORMAL', visibility: 'PUBLIC' },
  P2: { n: 4, owner: POLICE, start: '2026-03-01', end: '2026-03-31', level: 'HIGH', visibility: 'NETWORK' },
  M2: { n: 5, owner: DISTRICT, start: '2026-04-01', end: '2026-04-30', level: 'ELEVATED', visibility: 'PUBLIC', created: '2026-05-01T08:00:00Z' },
  H1: { n: 6, owner: TENANTS, start: '2026-04-01', end: '2026-04-30', level: 'HIGH', visibility: 'NETWORK', created: '2026-05-02T08:00:00Z' },
  F1: { n: 7, owner: FRYSHUSET, start: '2026-05-01', end: '2026-05-20', level: 'HIGH', visibility: 'OWNER' },
  P3: { n: 8, owner: POLICE, start: '2026-05-01', end: '2026-05-31', level: 'CRITICAL', visibility: 'SHARED', sharedWith: [DISTRICT] },
  H2: { n: 9, owner: TENANTS, start: '2026-06-01', end: '2026-06-15', level: 'NORMAL', visibility: 'SHARED', sharedWith: [FRYSHUSET] },
  P4: { n: 10, owner: POLICE, start: '2026-06-01', end: '2026-06-30', level: 'NORMAL', visibility: 'OWNER', created: '2026-07-01T08:00:00Z' },
  H3: { n: 11, owner: TENANTS, start: '2026-06-01', end: '2026-06-30', level: 'ELEVATED', visibility: 'OWNER', created: '2026-07-02T08:00:00Z' },
  S1: { n: 12, owner: POLICE, start: '2026-03-01', end: '2026-03-31', level: 'CRITICAL', visibility: 'NETWORK', area: AR.stockholm }, // another area
} as const;
type Key = keyof typeof REPORTS;
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const R = (key: Key) => id(REPORTS[key].n);

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph);
  as = await headersForEveryone();
  for (const [key, r] of Object.entries(REPORTS) as Array<[Key, (typeof REPORTS)[Key]]>) {
    const created = 'created' in r ? r.created : `${r.end}T12:00:00Z`;
    await subgraph.dataSource.query(
      `INSERT INTO situation_reports (id, area_code, period_start, period_end, reported_by_id, owner_id, level, trend, summary, version, visibility, shared_with, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $5, $6, 'STABLE', $7, 1, $8, $9::uuid[], $10, $10)`,
      [R(key), 'area' in r ? r.area : AREA, r.start, r.end, r.owner, r.level, `Lägesbild ${key}.`, r.visibility, 'sharedWith' in r ? r.sharedWith : [], created],
    );
  }
  await subgraph.dataSource.query(
    `INSERT INTO observations (report_id, position, category, level, trend, description) VALUES ($1, 0, 'YOUTH_GATHERINGS', 'ELEVATED', 'WORSENING', 'Unga samlas vid centrum sent på kvällen.')`,
    [R('P1')],
  );
});
afterAll(() => subgraph?.stop());

/** A party's expected place in the picture: [party, reportCount, latestLevel, previousLevel, computedTrend, series newest first]. */
type PartyRow = [string, number, string, string | null, string | null, Key[]];
interface Expected {
  reportCount: number;
  reportingParties: number;
  highestLevel: string | null;
  mostRecent: Key | null;
  newerHiddenReports: number | null;
  computedTrend: string | null;
  parties: PartyRow[];
}

const districtRow: PartyRow = [DISTRICT, 2, 'ELEVATED', 'NORMAL', 'WORSENING', ['M2', 'M1']];
const policeNetworkRow: PartyRow = [POLICE, 2, 'HIGH', 'ELEVATED', 'WORSENING', ['P2', 'P1']];
const tenantsNetworkRow: PartyRow = [TENANTS, 1, 'HIGH', null, null, ['H1']];

/** What the network sees (P1, M1, P2, M2, H1): 5 reports by 3 parties; F1, P3, H2, P4, H3 are hidden and all newer than H1. */
const NETWORK_ONLY: Expected = {
  reportCount: 5,
  reportingParties: 3,
  highestLevel: 'HIGH',
  mostRecent: 'H1', // ends with M2 on 30 April, created a day later
  newerHiddenReports: 5,
  computedTrend: 'WORSENING', // police +1 (HIGH after ELEVATED), district +1, tenants one report only: +2
  parties: [tenantsNetworkRow, districtRow, policeNetworkRow],
};

/** Who sees what in the half year, by hand. */
const EXPECTED: Partial<Record<Who, Expected>> = {
  // PUBLIC only: the district's M1 and M2.
  public: {
    reportCount: 2,
    reportingParties: 1,
    highestLevel: 'ELEVATED',
    mostRecent: 'M2',
    newerHiddenReports: null,
    computedTrend: 'WORSENING',
    parties: [districtRow],
  },
  // A member of Fryshuset: the network's, its own F1 and H2, shared with it. Hidden: P3, P4, H3; P4 and H3 end after H2.
  ngoMember: {
    reportCount: 7,
    reportingParties: 4,
    highestLevel: 'HIGH',
    mostRecent: 'H2',
    newerHiddenReports: 2,
    computedTrend: 'STABLE', // tenants -2 (NORMAL after HIGH), district +1, police +1, Fryshuset one report
    parties: [[TENANTS, 2, 'NORMAL', 'HIGH', 'IMPROVING', ['H2', 'H1']], [FRYSHUSET, 1, 'HIGH', null, null, ['F1']], districtRow, policeNetworkRow],
  },
  // A coordinator of the police, the owner of P3 and P4. Hidden: F1, H2, H3; only H3 is newer than P4 (same end, created later).
  policeOfficer: {
    reportCount: 7,
    reportingParties: 3,
    highestLevel: 'CRITICAL',
    mostRecent: 'P4',
    newerHiddenReports: 1,
    computedTrend: 'IMPROVING', // police -3 (NORMAL after CRITICAL), district +1
    parties: [[POLICE, 4, 'NORMAL', 'CRITICAL', 'IMPROVING', ['P4', 'P3', 'P2', 'P1']], tenantsNetworkRow, districtRow],
  },
  // A coordinator of the district, which P3 is shared with. Hidden: F1, H2, P4, H3; all but F1 end after P3.
  municipalityOfficial: {
    reportCount: 6,
    reportingParties: 3,
    highestLevel: 'CRITICAL',
    mostRecent: 'P3',
    newerHiddenReports: 3,
    computedTrend: 'WORSENING', // police +1 (CRITICAL after HIGH), district +1
    parties: [[POLICE, 3, 'CRITICAL', 'HIGH', 'WORSENING', ['P3', 'P2', 'P1']], tenantsNetworkRow, districtRow],
  },
  // A coordinator of another organisation, the national coordinator, the administrator: the network's only.
  goteborgPolice: NETWORK_ONLY,
  nationalCoordinator: NETWORK_ONLY,
  administrator: NETWORK_ONLY,
  // A coordinator of the tenants, the owner of H3 and H2. Hidden: F1, P3, P4; P4 ends with H3 but was created before it.
  hyresgast: {
    reportCount: 7,
    reportingParties: 3,
    highestLevel: 'HIGH',
    mostRecent: 'H3',
    newerHiddenReports: 0,
    computedTrend: 'WORSENING', // tenants +1 (ELEVATED after NORMAL), district +1, police +1
    parties: [[TENANTS, 3, 'ELEVATED', 'NORMAL', 'WORSENING', ['H3', 'H2', 'H1']], districtRow, policeNetworkRow],
  },
};
EXPECTED.policeMember = EXPECTED.policeOfficer; // a member of the owner sees what its coordinator sees
const ROLES = Object.keys(EXPECTED) as Who[];

const PICTURE_FIELDS = `from to reportCount reportingParties highestLevel mostRecentLevel newerHiddenReports computedTrend mostRecentReport { id }
  parties { party { id } reportCount latestLevel previousLevel computedTrend latestReport { id } reports { id } }`;
const ROOT = `query($areaCode: ID!, $from: LocalDate!, $to: LocalDate!) { situationPicture(areaCode: $areaCode, from: $from, to: $to) { ${PICTURE_FIELDS} } }`;
const ENTITIES = `query($reps: [_Any!]!, $from: LocalDate!, $to: LocalDate!) {
  _entities(representations: $reps) { ... on Area { code situationPicture(from: $from, to: $to) { ${PICTURE_FIELDS} } } }
}`;

function asAnswered(e: Expected, from = FROM, to = TO) {
  return {
    from,
    to,
    reportCount: e.reportCount,
    reportingParties: e.reportingParties,
    highestLevel: e.highestLevel,
    mostRecentLevel: e.mostRecent ? REPORTS[e.mostRecent].level : null,
    newerHiddenReports: e.newerHiddenReports,
    computedTrend: e.computedTrend,
    mostRecentReport: e.mostRecent ? { id: R(e.mostRecent) } : null,
    parties: e.parties.map(([party, reportCount, latestLevel, previousLevel, computedTrend, series]) => ({
      party: { id: party },
      reportCount,
      latestLevel,
      previousLevel,
      computedTrend,
      latestReport: { id: R(series[0]) },
      reports: series.map((key) => ({ id: R(key) })),
    })),
  };
}

describe('the combined picture is exact for every role of the access matrix', () => {
  it.each(ROLES)('%s: at the root and as Area.situationPicture', async (who) => {
    const root = await subgraph.query(ROOT, { areaCode: AREA, from: FROM, to: TO }, as[who]);
    expect(root.errors).toBeUndefined();
    expect(root.data!.situationPicture).toEqual(asAnswered(EXPECTED[who]!));
    const entities = await subgraph.query(ENTITIES, { reps: [{ __typename: 'Area', code: AREA }], from: FROM, to: TO }, as[who]);
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toEqual([{ code: AREA, situationPicture: asAnswered(EXPECTED[who]!) }]);
  });

  it('counts hidden reports when the viewer reads none, never for the public, and leaves the trend out with too few reports', async () => {
    // June: P4 and H3 (owners only) and H2 (shared with Fryshuset).
    const june = async (who: Who) => (await subgraph.query(ROOT, { areaCode: AREA, from: '2026-06-01', to: '2026-06-30' }, as[who])).data!.situationPicture;
    const none = { reportCount: 0, reportingParties: 0, highestLevel: null, mostRecentLevel: null, computedTrend: null, mostRecentReport: null, parties: [] };
    expect(await june('goteborgPolice')).toMatchObject({ ...none, newerHiddenReports: 3 });
    expect(await june('public')).toMatchObject({ ...none, newerHiddenReports: null });
    expect(await june('policeOfficer')).toMatchObject({ reportCount: 1, highestLevel: 'NORMAL', mostRecentLevel: 'NORMAL', newerHiddenReports: 1, computedTrend: null });
    expect(await june('hyresgast')).toMatchObject({ reportCount: 2, mostRecentLevel: 'ELEVATED', newerHiddenReports: 0, computedTrend: 'WORSENING' });
  });

  it('takes only the area itself, and only reports overlapping the period', async () => {
    // S1 is about Stockholm (the district's municipality), X0 ends before the period: neither counts, though both are NETWORK.
    const { data } = await subgraph.query(ROOT, { areaCode: AREA, from: FROM, to: TO }, as.goteborgPolice);
    const ids = data!.situationPicture.parties.flatMap((p: { reports: Array<{ id: string }> }) => p.reports.map((r) => r.id));
    expect(ids).not.toContain(R('S1'));
    expect(ids).not.toContain(R('X0'));
    const stockholm = (await subgraph.query(ROOT, { areaCode: AR.stockholm, from: FROM, to: TO }, as.goteborgPolice)).data!.situationPicture;
    expect(stockholm).toMatchObject({ reportCount: 1, highestLevel: 'CRITICAL', newerHiddenReports: 0 });
  });

  it('bounds the parties and each series, without changing the counts', async () => {
    const query = `query($areaCode: ID!, $from: LocalDate!, $to: LocalDate!) { situationPicture(areaCode: $areaCode, from: $from, to: $to) {
      reportingParties parties(first: 1) { party { id } reportCount reports(first: 2) { id } } } }`;
    const { data } = await subgraph.query(query, { areaCode: AREA, from: FROM, to: TO }, as.policeOfficer);
    expect(data!.situationPicture).toEqual({ reportingParties: 3, parties: [{ party: { id: POLICE }, reportCount: 4, reports: [{ id: R('P4') }, { id: R('P3') }] }] });
  });

  it('refuses a period that ends before it starts, a bad area code and a bad bound with BAD_USER_INPUT', async () => {
    expect(errorCode(await subgraph.query(ROOT, { areaCode: AREA, from: TO, to: FROM }, as.policeOfficer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(ROOT, { areaCode: 'Farsta!', from: FROM, to: TO }, as.policeOfficer))).toBe('BAD_USER_INPUT');
    expect(errorCode(await subgraph.query(ROOT, { areaCode: AREA, from: '0000-01-01', to: TO }, as.policeOfficer))).toBe('BAD_USER_INPUT');
    const tooMany = `{ situationPicture(areaCode: "${AREA}", from: "${FROM}", to: "${TO}") { parties(first: 1000) { reportCount } } }`;
    expect(errorCode(await subgraph.query(tooMany, {}, as.policeOfficer))).toBe('BAD_USER_INPUT');
  });

  it('costs the same statements for one area as for forty (Area.situationPicture with parties, series and observations)', async () => {
    process.env.SAMVERKAN_SQL_STATS = 'true';
    try {
      const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Area { code situationPicture(from: "${FROM}", to: "${TO}") {
        reportCount newerHiddenReports mostRecentReport { id } parties { party { id } latestReport { id } reports(first: 3) { id observations { category } } } } } } }`;
      const statements = async (codes: string[]) => {
        const response = await subgraph.query(query, { reps: codes.map((code) => ({ __typename: 'Area', code })) }, as.policeOfficer);
        expect(response.errors).toBeUndefined();
        expect(response.data!._entities).toHaveLength(codes.length);
        return response.extensions!.sqlStatements as number;
      };
      const many = [AREA, ...Object.values(AR).filter((code) => code !== AREA), ...Array.from({ length: 25 }, (_, i) => `0180-omrade-${i}`)];
      expect(many.length).toBeGreaterThanOrEqual(40);
      // One per level: the pictures, their parties, the most recent reports, the parties' latest reports, the series (ids, then reports), their observations.
      const one = await statements([AREA]);
      expect(one).toBe(7);
      expect(await statements(many)).toBe(one);
    } finally {
      delete process.env.SAMVERKAN_SQL_STATS;
    }
  });
});

/**
 * The demo's Gottsunda over the last year, by hand from the seed (months before this one): the police
 * quarterly, NETWORK 13–11, 10–8, 7–5 (all ELEVATED) and HIGH 4–2 shared with the municipality and the
 * church; the municipality HIGH 7–2 after the crisis and ELEVATED 1–1, both shared with the police
 * only; the church ELEVATED 7–2, NETWORK; the tenants NORMAL 13–8 and ELEVATED 7–2, PUBLIC. Written a
 * week after their periods end, so the four ending the month before last were written together: of
 * those, the tenants' second half has the highest id and is the most recent.
 */
describe("the demo's joint picture of Gottsunda", () => {
  /** The demo data is seeded for this day (by the test subgraph, and again here, which changes nothing). */
  const calendar = demoCalendar();
  const yearAgo = calendar.month(-12, Number(calendar.today.slice(8)));
  beforeAll(() => seedDemoData(subgraph.dataSource, calendar));

  const PICTURE = `query($areaCode: ID!, $from: LocalDate!, $to: LocalDate!) { situationPicture(areaCode: $areaCode, from: $from, to: $to) {
    reportCount reportingParties highestLevel mostRecentLevel newerHiddenReports computedTrend mostRecentReport { id } } }`;
  /** What a party of the network reads: the police's first three quarters, the church's and the tenants' two. */
  const network = (): Json => ({
    reportCount: 6,
    reportingParties: 3,
    highestLevel: 'ELEVATED',
    mostRecentLevel: 'ELEVATED',
    mostRecentReport: { id: J.tenantsSecondHalf },
    // The police's Q4 ends with what it reads and was written at the same time: not newer. The municipality's newest is.
    newerHiddenReports: 1,
    computedTrend: 'WORSENING', // police 0 (ELEVATED after ELEVATED), tenants +1 (ELEVATED after NORMAL), the church one report: +1
  });
  /** What Uppsala's municipality and police read: everything, the municipality's newest the most recent. */
  const uppsala = (): Json => ({
    reportCount: 9,
    reportingParties: 4,
    highestLevel: 'HIGH',
    mostRecentLevel: 'ELEVATED',
    mostRecentReport: { id: J.municipalityLatest },
    newerHiddenReports: 0,
    computedTrend: 'WORSENING', // police +1 (HIGH after ELEVATED), municipality -1 (ELEVATED after HIGH), tenants +1: +1
  });

  it.each([
    // The public reads the tenants' two only, and is told nothing of the rest.
    [
      'public',
      {
        reportCount: 2,
        reportingParties: 1,
        highestLevel: 'ELEVATED',
        mostRecentLevel: 'ELEVATED',
        mostRecentReport: { id: J.tenantsSecondHalf },
        newerHiddenReports: null,
        computedTrend: 'WORSENING', // tenants +1 (ELEVATED after NORMAL)
      },
    ],
    // The church also reads the police's Q4, shared with it; the municipality's two are hidden, its newest newer.
    [
      'uppsalaChurch',
      {
        reportCount: 7,
        reportingParties: 3,
        highestLevel: 'HIGH',
        mostRecentLevel: 'ELEVATED',
        mostRecentReport: { id: J.tenantsSecondHalf },
        newerHiddenReports: 1,
        computedTrend: 'WORSENING', // police +1 (HIGH after ELEVATED), tenants +1: +2
      },
    ],
    ['goteborgPolice', network()],
    ['hyresgast', network()],
    ['municipalityOfficial', network()],
    ['uppsalaCoordinator', uppsala()],
    ['uppsalaPolice', uppsala()],
  ] as Array<[Who, Json]>)('%s: over the last year up to the seeding day', async (who, expected) => {
    const { data, errors } = await subgraph.query(PICTURE, { areaCode: AR.gottsunda, from: yearAgo, to: calendar.today }, as[who]);
    expect(errors).toBeUndefined();
    expect(data!.situationPicture).toEqual(expected);
  });

  it("holds a hidden report ending with the most recent one read, and written with it, as not newer", async () => {
    // The church's picture up to the month before last: of what it may not read, only the municipality's
    // report after the crisis is in it, ending and written with the tenants' second half.
    const { data } = await subgraph.query(PICTURE, { areaCode: AR.gottsunda, from: yearAgo, to: calendar.monthEnd(-2) }, as.uppsalaChurch);
    expect(data!.situationPicture).toMatchObject({ reportCount: 7, mostRecentReport: { id: J.tenantsSecondHalf }, newerHiddenReports: 0 });
  });
});

describe('the JSON export', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  const validate = ajv.compile<Json>(JSON.parse(readFileSync(join(__dirname, '../../../docs/situation-picture.schema.json'), 'utf8')));
  const url = (path: string) => subgraph.url.replace(/\/graphql$/, path);
  const get = (path: string, headers: Headers = {}) => fetch(url(path), { headers });

  it.each(ROLES)('%s: valid against docs/situation-picture.schema.json, and the same picture as GraphQL', async (who) => {
    const response = await get(`/situation-picture/${AREA}?from=${FROM}&to=${TO}`, as[who]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json;
    if (!validate(body)) throw new Error(ajv.errorsText(validate.errors, { separator: '\n' }));
    const e = EXPECTED[who]!;
    expect(body).toMatchObject({ format: 'samverkan-situation-picture', formatVersion: 1, areaCode: AREA, from: FROM, to: TO });
    expect(body.combined).toEqual({
      reportCount: e.reportCount,
      reportingParties: e.reportingParties,
      highestLevel: e.highestLevel,
      mostRecentLevel: e.mostRecent ? REPORTS[e.mostRecent].level : null,
      mostRecentReportId: e.mostRecent ? R(e.mostRecent) : null,
      newerHiddenReports: e.newerHiddenReports,
      computedTrend: e.computedTrend,
    });
    expect(body.parties.map((p: { partyId: string; reportCount: number; latestLevel: string; previousLevel: string | null; computedTrend: string | null; reports: Array<{ id: string }> }) => [
      p.partyId, p.reportCount, p.latestLevel, p.previousLevel, p.computedTrend, p.reports.map((r) => r.id),
    ])).toEqual(e.parties.map(([party, count, latest, previous, trend, series]) => [party, count, latest, previous, trend, series.map(R)]));
  });

  it('carries each report with its observations and the author\'s own trend', async () => {
    const body = (await (await get(`/situation-picture/${AREA}?from=${FROM}&to=${TO}`, as.goteborgPolice)).json()) as Json;
    const p1 = body.parties.flatMap((p: { reports: unknown[] }) => p.reports).find((r: { id: string }) => r.id === R('P1'));
    expect(p1).toMatchObject({
      periodStart: '2026-01-01',
      periodEnd: '2026-01-31',
      level: 'ELEVATED',
      authorTrend: 'STABLE',
      visibility: 'NETWORK',
      templateId: null,
      observations: [{ category: 'YOUTH_GATHERINGS', level: 'ELEVATED', trend: 'WORSENING', description: 'Unga samlas vid centrum sent på kvällen.' }],
    });
  });

  it.each([
    [`/situation-picture/${AREA}?from=${FROM}`, 400],
    [`/situation-picture/${AREA}?from=2026-02-30&to=${TO}`, 400],
    [`/situation-picture/${AREA}?from=${TO}&to=${FROM}`, 400],
    [`/situation-picture/${AREA}?from=0000-01-01&to=${TO}`, 400],
    [`/situation-picture/${AREA}?from=${FROM}&to=${TO}&to=${TO}`, 400],
    [`/situation-picture/Farsta!?from=${FROM}&to=${TO}`, 400],
    ['/situation-picture', 404],
  ])('refuses %s with %i, as JSON without a stack trace', async (path, status) => {
    const response = await get(path, as.policeOfficer);
    expect(response.status).toBe(status);
    const text = await response.text();
    expect(JSON.parse(text).errors[0].extensions.code).toMatch(/^(BAD_USER_INPUT|NOT_FOUND)$/);
    expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  it('refuses a bad token with 401 rather than answering as for the public, and a write with 405', async () => {
    const response = await get(`/situation-picture/${AREA}?from=${FROM}&to=${TO}`, { authorization: 'Bearer not-a-token' });
    expect(response.status).toBe(401);
    expect(await response.text()).not.toContain('Lägesbild');
    expect((await fetch(url(`/situation-picture/${AREA}?from=${FROM}&to=${TO}`), { method: 'POST' })).status).toBe(405);
  });
});
