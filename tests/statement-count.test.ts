import { DEMO_ACTORS, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, createAgreedAgreement, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * Every list and reference goes through per-request DataLoaders, so a query costs the same
 * number of SQL statements whether it touches 10 or 200 actors; every nested list is bounded
 * (`first`, at most 100), so a response never grows with the registry.
 */
let federation: TestFederation;
/** A national coordinator registers everything, shares it with the network and reads it back. */
let headers: Record<string, string>;
const AREA = '2480'; // Umeå: no demo data, so the test decides how many actors work there.

beforeAll(async () => {
  federation = await startFederation({ SAMVERKAN_SQL_STATS: 'true' });
  headers = await bearer(DEMO_ACTORS.skr, [Role.NATIONAL_COORDINATOR]);
}, 180000);
afterAll(() => federation?.stop());

/** Adds actors in the area, each with an agreement and an activity funded by it. */
async function addActors(count: number) {
  const work = Array.from({ length: count }, (_, i) => i);
  const worker = async () => {
    for (let i = work.shift(); i !== undefined; i = work.shift()) {
      const actor = await federation.query(`mutation($input: CreateActorInput!) { createActor(input: $input) { id } }`, {
        input: { name: `Förening ${i} ${Math.random().toString(36).slice(2, 8)}`, kind: 'CIVIL_SOCIETY', areaCodes: [AREA] },
      }, headers);
      const actorId = actor.data!.createActor.id;
      // Both parties confirm before it becomes ACTIVE (the activation rule).
      const { id: agreementId } = await createAgreedAgreement(federation.query, headers, {
        title: `Samverkansavtal ${i}`,
        kind: 'COLLABORATION_AGREEMENT',
        status: 'ACTIVE',
        visibility: 'NETWORK',
        startsOn: '2026-01-01',
        parties: [{ actorId, role: 'IMPLEMENTING' }, { actorId: DEMO_ACTORS.polisen, role: 'ACCOUNTABLE' }],
        areaCodes: [AREA],
      });
      const activity = await federation.query(`mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`, {
        input: {
          title: `Läxhjälp ${i}`,
          kind: 'HOMEWORK_HELP',
          organiserIds: [actorId],
          areaCode: AREA,
          startsOn: '2026-02-01',
          targetGroups: ['CHILDREN'],
          fundingAgreementId: agreementId,
          visibility: 'NETWORK',
        },
      }, headers);
      expect(activity.errors).toBeUndefined();
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
}

const QUERY = `query($code: ID!, $first: Int!) {
  area(code: $code) {
    name
    latestSituationReport { level }
    actors(first: $first) {
      name
      parent { name }
      areas { code }
      agreements(areaCode: $code) { title parties { role actor { name } } areas { name } activities(first: 5) { title } }
      activities(areaCode: $code, first: 10) { title organisers { name } area { name } fundingAgreement { title } vouches { since by { name } } }
      situationReports(areaCode: $code) { level }
    }
  }
}`;

/** The statements of the area overview, and that each list holds what it should: `expectedActors`, at most `first`. */
async function statementsFor(expectedActors: number, first = 100) {
  const response = await federation.query(QUERY, { code: AREA, first }, headers);
  expect(response.errors).toBeUndefined();
  expect(response.data!.area.actors).toHaveLength(Math.min(expectedActors, first));
  for (const actor of response.data!.area.actors) {
    expect(actor.agreements).toHaveLength(1);
    expect(actor.activities[0].fundingAgreement.title).toBe(actor.agreements[0].title);
    expect(actor.agreements[0].activities).toEqual([{ title: actor.activities[0].title }]);
  }
  return response.extensions!.sqlStatements as Record<string, number>;
}

it('issues the same number of SQL statements per subgraph for 10 and for 200 actors, and lists at most `first` of them', async () => {
  await addActors(10);
  const forTen = await statementsFor(10);
  await addActors(190);
  const forTwoHundred = await statementsFor(200);
  expect(Object.keys(forTen).sort()).toEqual(['activities', 'actors', 'agreements', 'situation']);
  expect(forTwoHundred).toEqual(forTen);
  expect(await statementsFor(200, 7)).toEqual(forTen);
  // Without `first`, 50.
  const byDefault = await federation.query(`query($code: ID!) { area(code: $code) { actors { id } } }`, { code: AREA }, headers);
  expect(byDefault.data!.area.actors).toHaveLength(50);
}, 300000);

it("lists an actor's records in the area of the query, or in every area when none is given", async () => {
  const response = await federation.query(
    `query($code: ID!) {
      area(code: $code) {
        actors(first: 3) {
          here: activities(areaCode: $code) { id }
          county: activities(areaCode: "24") { id }
          elsewhere: activities(areaCode: "0180") { id }
          everywhere: activities { id }
          hereAgreements: agreements(areaCode: $code) { id }
          elsewhereAgreements: agreements(areaCode: "0180") { id }
          elsewhereReports: situationReports(areaCode: "0180") { id }
        }
      }
    }`,
    { code: AREA },
    headers,
  );
  expect(response.errors).toBeUndefined();
  for (const actor of response.data!.area.actors) {
    expect(actor.here).toHaveLength(1);
    expect(actor.county).toEqual(actor.here);
    expect(actor.everywhere).toEqual(actor.here);
    expect(actor.elsewhere).toEqual([]);
    expect(actor.hereAgreements).toHaveLength(1);
    expect(actor.elsewhereAgreements).toEqual([]);
    expect(actor.elsewhereReports).toEqual([]);
  }
});

it('lists local actors before wider ones with OVERLAPPING, at most `first` of them', async () => {
  const response = await federation.query(
    `{ area(code: "0180-rinkeby-kista") {
        within: actors(first: 100) { id }
        overlapping: actors(scope: OVERLAPPING, first: 100) { id areas { code } }
        few: actors(scope: OVERLAPPING, first: 2) { id }
    } }`,
    {},
    headers,
  );
  expect(response.errors).toBeUndefined();
  const { within, overlapping, few } = response.data!.area as Record<string, Array<{ id: string }>>;
  expect(within.length).toBeGreaterThan(0);
  expect(overlapping.length).toBeGreaterThan(within.length);
  expect(overlapping.slice(0, within.length)).toEqual(expect.arrayContaining(within.map(({ id }) => expect.objectContaining({ id }))));
  expect(few).toEqual(overlapping.slice(0, 2).map(({ id }) => ({ id })));
});

describe('refuses a `first` above 100 or below 1 on every bounded list with BAD_USER_INPUT', () => {
  const lists = [
    'area(code: "0180") { actors(first: $first) { id } }',
    'area(code: "SE") { children(first: $first) { code } }',
    'area(code: "0180") { services(first: $first) { id } }',
    'area(code: "0180") { venues(first: $first) { id } }',
    'area(code: "0180") { contactFunctions(first: $first) { id } }',
    'area(code: "0180") { agreements(first: $first) { id } }',
    'area(code: "0180") { situationReports(first: $first) { id } }',
    `actor(id: "${DEMO_ACTORS.polisen}") { activities(first: $first) { id } }`,
    `actor(id: "${DEMO_ACTORS.polisen}") { agreements(first: $first) { id } }`,
    `actor(id: "${DEMO_ACTORS.polisen}") { situationReports(first: $first) { id } }`,
    'agreements(first: 1) { nodes { activities(first: $first) { id } } }',
    `actor(id: "${DEMO_ACTORS.polisen}") { children(first: $first) { id } }`,
    `actor(id: "${DEMO_ACTORS.polisen}") { services(first: $first) { id } }`,
    `actor(id: "${DEMO_ACTORS.polisen}") { venues(first: $first) { id } }`,
    `actor(id: "${DEMO_ACTORS.polisen}") { contactFunctions(first: $first) { id } }`,
  ];
  it.each(lists.flatMap((list) => [[list, 101], [list, 0]] as const))('%s with first %d', async (list, first) => {
    const response = await federation.query(`query($first: Int!) { ${list} }`, { first }, headers);
    expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

it("answers the activities of a county's municipalities, in a period and bounded per area, or a page at a time, in the same statements for 26 and 49 areas", async () => {
  const calendar = demoCalendar();
  const activitiesStatements = async (county: string, municipalities: number) => {
    const response = await federation.query(
      `query($county: ID!, $from: LocalDate!, $to: LocalDate!) {
        areas(filter: { kinds: [MUNICIPALITY], withinCode: $county }, first: 100) {
          nodes {
            code
            activities(from: $from, to: $to, first: 2) { title }
            activityPage(from: $from, first: 2) { totalCount nodes { title } }
          }
        }
      }`,
      { county, from: calendar.today, to: calendar.days(90) },
      headers,
    );
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.areas.nodes as Array<{ activities: unknown[] }>;
    expect(nodes).toHaveLength(municipalities);
    // Demo activities in the period in Stockholm and Göteborg, so both runs load some.
    expect(nodes.some((area) => area.activities.length > 0)).toBe(true);
    expect(Math.max(...nodes.map((area) => area.activities.length))).toBeLessThanOrEqual(2);
    return (response.extensions!.sqlStatements as Record<string, number>).activities;
  };
  expect(await activitiesStatements('14', 49)).toBe(await activitiesStatements('01', 26));
}, 120000);
