import { DEMO_ACTORS as A, DEMO_AREAS as AR, DEMO_VENUES as V } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { activitiesSubgraph } from '../src';
import { DEMO_ACTIVITIES as D } from '../src/demo/seed';
import { bearer, errorCode, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Where an activity takes place (issue 11): a venue of the actors registry, referenced as an entity
 * and checked against the registry, or an address of its own with a point; not both. And what a
 * parent needs before going: cost, sign-up, languages, accessibility and NPF adaptations.
 */

let subgraph: TestSubgraph;
let stadsmission: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(activitiesSubgraph);
  stadsmission = await bearer(A.ostergotlandsStadsmission, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const PLACE = 'venue { id } address { street postalCode city location { latitude longitude } }';
const create = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id version ${PLACE} } }`;
const update = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { version ${PLACE} } }`;

const input = (place: Record<string, unknown>) => ({
  title: 'Samtalsgrupp',
  kind: 'DIALOGUE_MEETING',
  organiserIds: [A.ostergotlandsStadsmission],
  areaCode: AR.skaggetorp,
  startsOn: '2026-09-01',
  targetGroups: ['YOUNG_PEOPLE'],
  ...place,
});

const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;
const counts = async () => [await count('SELECT count(*)::int AS n FROM activities'), await count('SELECT count(*)::int AS n FROM change_log')];

it('takes place at a venue of the registry, or at an address of its own with a point', async () => {
  const atVenue = await subgraph.query(create, { input: input({ venueId: V.fryshusetHusby }) }, stadsmission);
  expect(atVenue.errors).toBeUndefined();
  expect(atVenue.data!.createActivity).toMatchObject({ venue: { id: V.fryshusetHusby }, address: null });

  const atAddress = await subgraph.query(
    create,
    { input: input({ address: { street: ' Skäggetorps centrum ', postalCode: '58277', city: 'Linköping', location: { latitude: 58.4268, longitude: 15.5732 } } }) },
    stadsmission,
  );
  expect(atAddress.errors).toBeUndefined();
  expect(atAddress.data!.createActivity).toMatchObject({
    venue: null,
    address: { street: 'Skäggetorps centrum', postalCode: '582 77', city: 'Linköping', location: { latitude: 58.4268, longitude: 15.5732 } },
  });
});

it('moves from a venue to an address with a new version, the venue cleared in the same change', async () => {
  const created = (await subgraph.query(create, { input: input({ venueId: V.folketsHusAngered }) }, stadsmission)).data!.createActivity;
  const both = await subgraph.query(update, { id: created.id, version: 1, input: { address: { city: 'Linköping' } } }, stadsmission);
  expect(errorCode(both)).toBe('BAD_USER_INPUT');
  const moved = await subgraph.query(update, { id: created.id, version: 1, input: { venueId: null, address: { city: 'Linköping' } } }, stadsmission);
  expect(moved.errors).toBeUndefined();
  expect(moved.data!.updateActivity).toEqual({ version: 2, venue: null, address: { street: null, postalCode: null, city: 'Linköping', location: null } });
});

it.each([
  ['a venue and an address together', { venueId: V.fryshusetHusby, address: { city: 'Kista' } }, 'address'],
  ['a venue the registry does not have', { venueId: '00000000-0000-4000-8000-000000000000' }, 'venueId'],
  ['a venue id that is not one', { venueId: 'Folkets hus' }, 'venueId'],
  ['an empty address', { address: {} }, 'address'],
  ['a malformed postal code', { address: { postalCode: '5827' } }, 'address.postalCode'],
  ['a point off the globe', { address: { location: { latitude: 91, longitude: 15 } } }, 'address.location.latitude'],
])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, place, field) => {
  const before = await counts();
  const response = await subgraph.query(create, { input: input(place) }, stadsmission);
  expect(errorCode(response)).toBe('BAD_USER_INPUT');
  expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
  expect(await counts()).toEqual(before);
});

it('shows the demo activities\' places to the public, through _entities too', async () => {
  const { data, errors } = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Activity { id ${PLACE} } } }`, {
    r: [
      { __typename: 'Activity', id: D.mbuAngered },
      { __typename: 'Activity', id: D.footballAngered },
    ],
  });
  expect(errors).toBeUndefined();
  expect(data!._entities).toEqual([
    { id: D.mbuAngered, venue: { id: V.folketsHusAngered }, address: null },
    {
      id: D.footballAngered,
      venue: null,
      address: { street: 'Angereds konstgräsplan', postalCode: null, city: 'Angered', location: { latitude: 57.7965, longitude: 12.0431 } },
    },
  ]);
});

it('answers the places of a page in no statement more', async () => {
  process.env.SAMVERKAN_SQL_STATS = 'true';
  try {
    const statements = async (fields: string) => (await subgraph.query(`{ activities(first: 100) { nodes { id ${fields} } } }`)).extensions!.sqlStatements;
    expect(await statements(`${PLACE} schedule { startTime } nextOccurrence { startsAt } cost { free } signUp { method } languages npfAdaptations`)).toBe(await statements(''));
  } finally {
    delete process.env.SAMVERKAN_SQL_STATS;
  }
});

describe('cost, sign-up, languages and adaptations', () => {
  const JOINING = 'cost { free amountSek fritidskortetAccepted note } signUp { method url note } languages accessibilityFeatures npfAdaptations accessibilityNote';
  const createJoining = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id ${JOINING} } }`;
  const updateJoining = `mutation($id: ID!, $version: Int!, $input: UpdateActivityInput!) { updateActivity(id: $id, version: $version, input: $input) { version ${JOINING} } }`;

  it('records them as structured values, and clears them with null', async () => {
    const created = await subgraph.query(
      createJoining,
      {
        input: input({
          cost: { amountSek: 300, free: false, fritidskortetAccepted: true, note: ' per termin ' },
          signUp: { method: 'LINK', url: 'https://example.org/anmalan' },
          languages: ['SV', 'ar', 'iw', 'sv'],
          accessibilityFeatures: ['STEP_FREE_ACCESS', 'HEARING_LOOP', 'STEP_FREE_ACCESS'],
          npfAdaptations: ['SMALL_GROUPS'],
          accessibilityNote: 'Lugnt rum finns.',
        }),
      },
      stadsmission,
    );
    expect(created.errors).toBeUndefined();
    const activity = created.data!.createActivity;
    expect(activity).toMatchObject({
      cost: { free: false, amountSek: 300, fritidskortetAccepted: true, note: 'per termin' },
      signUp: { method: 'LINK', url: 'https://example.org/anmalan', note: null },
      languages: ['sv', 'ar', 'he'],
      accessibilityFeatures: ['STEP_FREE_ACCESS', 'HEARING_LOOP'],
      npfAdaptations: ['SMALL_GROUPS'],
      accessibilityNote: 'Lugnt rum finns.',
    });
    const cleared = await subgraph.query(
      updateJoining,
      { id: activity.id, version: 1, input: { cost: null, signUp: { method: 'ON_SITE' }, languages: null, npfAdaptations: null } },
      stadsmission,
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data!.updateActivity).toMatchObject({
      version: 2,
      cost: null,
      signUp: { method: 'ON_SITE', url: null, note: null },
      languages: [],
      accessibilityFeatures: ['STEP_FREE_ACCESS', 'HEARING_LOOP'],
      npfAdaptations: [],
    });
  });

  it.each([
    ['a price on a free activity', { cost: { free: true, amountSek: 50 } }, 'cost.amountSek'],
    ['a price of 0 kronor', { cost: { free: false, amountSek: 0 } }, 'cost.amountSek'],
    ['a link without its url', { signUp: { method: 'LINK' } }, 'signUp.url'],
    ['a url with another method', { signUp: { method: 'ON_SITE', url: 'https://example.org' } }, 'signUp.url'],
    ['a url that is not http(s)', { signUp: { method: 'LINK', url: 'javascript:alert(1)' } }, 'signUp.url'],
    ['a language that is not ISO 639-1', { languages: ['sv', 'swe'] }, 'languages'],
    ['an unknown two-letter language', { languages: ['xx'] }, 'languages'],
    ['eleven languages', { languages: ['sv', 'en', 'ar', 'so', 'ti', 'fa', 'ku', 'fi', 'pl', 'es', 'de'] }, 'languages'],
  ])('refuses %s with BAD_USER_INPUT, writing nothing', async (_case, joining, field) => {
    const before = await counts();
    const response = await subgraph.query(createJoining, { input: input(joining) }, stadsmission);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect((response.errors![0].extensions!.fields as Array<{ field: string }>).map((f) => f.field)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('shows the demo homework help\'s details to the public', async () => {
    const { data } = await subgraph.query(`query($id: ID!) { activity(id: $id) { ${JOINING} } }`, { id: D.homeworkHelpAngered });
    expect(data!.activity).toMatchObject({
      cost: { free: true, amountSek: null, fritidskortetAccepted: false },
      signUp: { method: 'ON_SITE' },
      languages: ['sv', 'ar', 'so', 'ti'],
      npfAdaptations: ['SMALL_GROUPS', 'QUIET_SPACE', 'PREDICTABLE_STRUCTURE'],
    });
  });
});
