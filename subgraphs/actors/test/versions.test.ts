import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { actorsSubgraph } from '../src';
import { DEMO_SERVICES as S } from '../src/demo/seed-services';
import { DEMO_CONTACT_FUNCTIONS as F, DEMO_VENUES as V } from '../src/demo/seed-venues-contacts';
import { bearer, ChangeFromOneVersion, expectOneVersionPerChange, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * Every change in the registry, to child rows alone included (an actor's or a service's areas, a
 * function's holders, a named area's members), is one new version; a stale one writes nothing (issue 8).
 */

let subgraph: TestSubgraph;
/** Request headers of Fryshuset's coordinator and an administrator: the table below holds these objects, filled before the tests run. */
const tokens = { fryshuset: {}, administrator: {} } as Record<'fryshuset' | 'administrator', Record<string, string>>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  Object.assign(tokens.fryshuset, await bearer(PEOPLE.ngoCoordinator.organisationId, [...PEOPLE.ngoCoordinator.roles]));
  Object.assign(tokens.administrator, await bearer(PEOPLE.administrator.organisationId, [...PEOPLE.administrator.roles]));
});
afterAll(() => subgraph?.stop());

const actorVersion = async (id: string): Promise<number> => (await subgraph.dataSource.query('SELECT version FROM actors WHERE id = $1', [id]))[0].version;
const asAdministrator = async (query: string, variables: Record<string, unknown>) => {
  const { errors } = await subgraph.query(query, variables, tokens.administrator);
  expect(errors).toBeUndefined();
};

const update = (mutation: string, input: string) => `mutation($id: ID!, $version: Int!, $input: ${input}!) {
  ${mutation}(id: $id, version: $version, input: $input) { version updatedAt } }`;
const ARCHIVE_ACTOR = `mutation($id: ID!, $version: Int!, $reason: String!) { archiveActor(id: $id, version: $version, reason: $reason) { version updatedAt } }`;
const RESTORE_ACTOR = `mutation($id: ID!, $version: Int!) { restoreActor(id: $id, version: $version) { version updatedAt } }`;
const SET_HOLDERS = `mutation($id: ID!, $version: Int!, $holders: [ContactFunctionHolderInput!]!) {
  setContactFunctionHolders(functionId: $id, version: $version, holders: $holders) { version updatedAt } }`;
const SET_PUBLIC_CONTACT = `mutation($id: ID!, $version: Int!, $choice: PublicContactInput) {
  setPublicContact(actorId: $id, version: $version, choice: $choice) { version updatedAt } }`;
// Areas have no updatedAt in the API.
const UPDATE_AREA = `mutation($id: ID!, $version: Int!, $input: UpdateAreaInput!) { updateArea(code: $id, version: $version, input: $input) { version } }`;
const ARCHIVE_AREA = `mutation($id: ID!, $version: Int!) { archiveArea(code: $id, version: $version) { version } }`;
const RESTORE_AREA = `mutation($id: ID!, $version: Int!) { restoreArea(code: $id, version: $version) { version } }`;
const CREATE_AREA = `mutation($input: CreateAreaInput!) { createArea(input: $input) { code } }`;

const actorAreas = 'SELECT area_code FROM actor_areas WHERE actor_id = $1 ORDER BY area_code';
const newDistrict = (name: string) => asAdministrator(CREATE_AREA, { input: { municipalityCode: AR.stockholm, name, kind: 'DISTRICT' } });

const CHANGES: Array<[string, ChangeFromOneVersion]> = [
  ['updateActor, areas only', {
    table: 'actors', id: A.fryshuset, mutation: update('updateActor', 'UpdateActorInput'), headers: tokens.fryshuset,
    first: { input: { areaCodes: [AR.sweden] } }, second: { input: { areaCodes: [AR.sweden, AR.angered] } }, children: actorAreas,
  }],
  ['updateActor, support needs (a column) and areas together', {
    table: 'actors', id: A.fryshuset, mutation: update('updateActor', 'UpdateActorInput'), headers: tokens.fryshuset,
    first: { input: { supportNeeds: ['PREMISES'], areaCodes: [AR.rinkebyKista] } }, second: { input: { areaCodes: [AR.angered] } }, children: actorAreas,
  }],
  ['setPublicContact', {
    table: 'actors', id: A.fryshuset, mutation: SET_PUBLIC_CONTACT, headers: tokens.fryshuset,
    first: { choice: { contactFunctionId: F.verksamhetsansvarigFryshusetJarva, channels: [0] } }, second: { choice: null },
  }],
  ['archiveActor', {
    table: 'actors', id: A.brottsofferjouren, mutation: ARCHIVE_ACTOR, headers: tokens.administrator,
    first: { reason: 'Verksamheten upphörde' }, second: { reason: 'Dubblett' }, children: actorAreas,
  }],
  ['restoreActor', {
    table: 'actors', id: A.erikshjalpen, mutation: RESTORE_ACTOR, headers: tokens.administrator, children: actorAreas,
    prepare: async () => asAdministrator(ARCHIVE_ACTOR, { id: A.erikshjalpen, version: await actorVersion(A.erikshjalpen), reason: 'Av misstag' }),
  }],
  ['updateService, areas only', {
    table: 'services', id: S.fryshusetRinkeby, mutation: update('updateService', 'UpdateServiceInput'), headers: tokens.fryshuset,
    first: { input: { areaCodes: [AR.rinkebyKista, AR.spangaTensta] } }, second: { input: { areaCodes: [AR.angered] } },
    children: 'SELECT area_code FROM service_areas WHERE service_id = $1 ORDER BY area_code',
  }],
  ['updateVenue, uses (a column)', {
    table: 'venues', id: V.fryshusetHusby, mutation: update('updateVenue', 'UpdateVenueInput'), headers: tokens.fryshuset,
    first: { input: { suitableFor: ['MEETINGS'] } }, second: { input: { suitableFor: ['SPORT'] } },
  }],
  ['updateVenue, the name it has again (no column changes)', {
    table: 'venues', id: V.fryshusetHusby, mutation: update('updateVenue', 'UpdateVenueInput'), headers: tokens.fryshuset,
    first: { input: { name: 'Fryshuset Järva – samlingssalen' } }, second: { input: { name: 'Fryshuset Järva – samlingssalen' } },
  }],
  ['updateContactFunction, channels (a column)', {
    table: 'contact_functions', id: F.verksamhetsansvarigFryshusetJarva, mutation: update('updateContactFunction', 'UpdateContactFunctionInput'),
    headers: tokens.fryshuset,
    first: { input: { channels: [{ kind: 'PHONE', value: '08-465 004 04' }] } }, second: { input: { channels: [] } },
  }],
  ['setContactFunctionHolders', {
    table: 'contact_functions', id: F.verksamhetsansvarigFryshusetJarva, mutation: SET_HOLDERS, headers: tokens.fryshuset,
    first: { holders: [{ personName: 'Amina Yusuf' }, { personName: 'Erik Lind', role: 'BACKUP' }] }, second: { holders: [] },
    children: 'SELECT person_name, role, valid_from, valid_until FROM contact_function_holders WHERE function_id = $1 ORDER BY position',
  }],
  ['updateArea, a named area\'s members only', {
    table: 'areas', keyColumn: 'code', id: AR.jarva, mutation: UPDATE_AREA, headers: tokens.administrator,
    first: { input: { memberCodes: [AR.rinkebyKista] } }, second: { input: { memberCodes: [AR.rinkebyKista, AR.spangaTensta] } },
    children: 'SELECT area_code FROM area_members WHERE named_area_code = $1 ORDER BY area_code',
  }],
  ['archiveArea', {
    table: 'areas', keyColumn: 'code', id: '0180-versionsby', mutation: ARCHIVE_AREA, headers: tokens.administrator,
    prepare: () => newDistrict('Versionsby'),
  }],
  ['restoreArea', {
    table: 'areas', keyColumn: 'code', id: '0180-atervandby', mutation: RESTORE_AREA, headers: tokens.administrator,
    prepare: async () => {
      await newDistrict('Återvändby');
      await asAdministrator(ARCHIVE_AREA, { id: '0180-atervandby', version: 1 });
    },
  }],
];

it.each(CHANGES)('%s: one new version; a stale writer gets VERSION_CONFLICT', (_case, change) => expectOneVersionPerChange(subgraph, change));
