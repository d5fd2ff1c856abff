import { DEMO_ACTORS, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * Every list and reference goes through per-request DataLoaders, so a query costs the same
 * number of SQL statements whether it touches 10 or 200 actors.
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
      const agreement = await federation.query(`mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`, {
        input: {
          title: `Samverkansavtal ${i}`,
          kind: 'COLLABORATION_AGREEMENT',
          status: 'ACTIVE',
          visibility: 'NETWORK',
          startsOn: '2026-01-01',
          parties: [{ actorId, role: 'IMPLEMENTING' }, { actorId: DEMO_ACTORS.polisen, role: 'ACCOUNTABLE' }],
          areaCodes: [AREA],
        },
      }, headers);
      const agreementId = agreement.data!.createAgreement.id;
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

const QUERY = `query($code: ID!) {
  area(code: $code) {
    name
    latestSituationReport { level }
    actors {
      name
      parent { name }
      areas { code }
      agreements { title parties { role actor { name } } areas { name } }
      activities { title organisers { name } area { name } fundingAgreement { title } }
      situationReports { level }
    }
  }
}`;

async function statementsFor(expectedActors: number) {
  const response = await federation.query(QUERY, { code: AREA }, headers);
  expect(response.errors).toBeUndefined();
  expect(response.data!.area.actors).toHaveLength(expectedActors);
  for (const actor of response.data!.area.actors) {
    expect(actor.agreements).toHaveLength(1);
    expect(actor.activities[0].fundingAgreement.title).toBe(actor.agreements[0].title);
  }
  return response.extensions!.sqlStatements as Record<string, number>;
}

it('issues the same number of SQL statements per subgraph for 10 and for 200 actors', async () => {
  await addActors(10);
  const forTen = await statementsFor(10);
  await addActors(190);
  const forTwoHundred = await statementsFor(200);
  expect(Object.keys(forTen).sort()).toEqual(['activities', 'actors', 'agreements', 'situation']);
  expect(forTwoHundred).toEqual(forTen);
}, 300000);

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
