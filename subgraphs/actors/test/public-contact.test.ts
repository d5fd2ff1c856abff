import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { DEMO_CONTACT_FUNCTIONS as F } from '../src/demo/seed-venues-contacts';
import { bearer, errorCode, graphql, PEOPLE, ServiceProcess, startSubgraphProcess, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/**
 * An organisation's public contact (issue 11): its coordinators choose one contact function and
 * some of its channels; the public sees exactly those, on every path, and never a holder's name.
 */

let subgraph: TestSubgraph;
let uppsala: Record<string, string>;
let uppsalaMember: Record<string, string>;
let fryshuset: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  uppsala = await bearer(A.uppsalaKommun, [Role.COORDINATOR]);
  uppsalaMember = await bearer(A.uppsalaKommun, [Role.MEMBER]);
  fryshuset = await bearer(PEOPLE.ngoCoordinator.organisationId, [...PEOPLE.ngoCoordinator.roles]);
});
afterAll(() => subgraph?.stop());

const PUBLIC_CONTACT = 'publicContact { name channels { kind value note } }';
const ACTOR = `query($id: ID!) { actor(id: $id) { version ${PUBLIC_CONTACT} } }`;
const SET = `mutation($actorId: ID!, $version: Int!, $choice: PublicContactInput) {
  setPublicContact(actorId: $actorId, version: $version, choice: $choice) { version ${PUBLIC_CONTACT} } }`;

async function actor(id: string, headers: Record<string, string> = {}) {
  const { data, errors } = await subgraph.query(ACTOR, { id }, headers);
  expect(errors).toBeUndefined();
  return data!.actor as { version: number; publicContact: { name: string; channels: Array<{ kind: string; value: string; note: string | null }> } | null };
}
const version = async (id: string) => (await actor(id)).version;
const hsds = async (path: string) => {
  const response = await fetch(subgraph.url.replace(/\/graphql$/, `/hsds${path}`));
  expect(response.status).toBe(200);
  return response.json() as Promise<Record<string, unknown>>;
};
const changeLog = async (id: string) =>
  (await subgraph.dataSource.query("SELECT fields FROM change_log WHERE entity_type = 'Actor' AND entity_id = $1 ORDER BY sequence", [id])) as Array<{ fields: string[] }>;

/** A function of Uppsala kommun made by the test, whose e-mail is its holder's personal address. */
async function createFunction(name: string, holderName: string, channels: Array<{ kind: string; value: string; note?: string }>) {
  const { data, errors } = await subgraph.query(
    `mutation($input: CreateContactFunctionInput!) { createContactFunction(input: $input) { id version } }`,
    { input: { actorId: A.uppsalaKommun, name, areaCode: AR.gottsunda, channels, holders: [{ personName: holderName }] } },
    uppsala,
  );
  expect(errors).toBeUndefined();
  return data!.createContactFunction as { id: string; version: number };
}

describe('the demo', () => {
  it('has several organisations with a public contact, showing only the chosen channels', async () => {
    const police = await actor(A.lpoRinkeby);
    expect(police.publicContact).toEqual({
      name: 'Kommunpolis Järva',
      channels: [
        { kind: 'PHONE', value: '08-465 004 01', note: 'Vardagar 8–16. Vid akut fara: ring 112.' },
        { kind: 'EMAIL', value: 'kommunpolis.jarva@example.org', note: null },
      ],
    });
    // KFUM publishes its chair's e-mail, not the SMS number.
    expect((await actor(A.kfumGoteborg)).publicContact).toEqual({
      name: 'Ordförande KFUM Göteborg',
      channels: [{ kind: 'EMAIL', value: 'ordforande@kfum-goteborg.example.org', note: null }],
    });
    expect((await actor(A.fryshuset)).publicContact?.channels.map((c) => c.kind)).toEqual(['EMAIL']);
    // Hyresgästföreningen has a contact function but chose none to publish.
    expect((await actor(A.hyresgastforeningen)).publicContact).toBeNull();
    const published = await subgraph.dataSource.query('SELECT count(*)::int AS n FROM actors WHERE public_contact_function_id IS NOT NULL');
    expect(published[0].n).toBeGreaterThanOrEqual(5);
  });
});

describe('choosing a public contact', () => {
  it('publishes exactly the chosen channels, as a new version with a change log entry, and withdrawing hides it again', async () => {
    const before = await version(A.uppsalaKommun);
    const chosen = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: before, choice: { contactFunctionId: F.posomUppsala, channels: [1] } }, uppsala);
    expect(chosen.errors).toBeUndefined();
    expect(chosen.data!.setPublicContact).toEqual({
      version: before + 1,
      publicContact: { name: 'POSOM-samordnare Uppsala', channels: [{ kind: 'EMAIL', value: 'posom@uppsala.example.org', note: null }] },
    });
    // The public sees the same; the unchosen phone is not in it.
    expect((await actor(A.uppsalaKommun)).publicContact?.channels.map((c) => c.value)).toEqual(['posom@uppsala.example.org']);
    expect(JSON.stringify(await actor(A.uppsalaKommun))).not.toContain('070-174 06 06');
    expect((await changeLog(A.uppsalaKommun)).at(-1)!.fields).toEqual(['publicContact']);

    const withdrawn = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: before + 1, choice: null }, uppsala);
    expect(withdrawn.errors).toBeUndefined();
    expect(withdrawn.data!.setPublicContact).toEqual({ version: before + 2, publicContact: null });
    expect((await actor(A.uppsalaKommun)).publicContact).toBeNull();
    const organization = await hsds(`/organizations/${A.uppsalaKommun}`);
    expect(organization.contacts).toBeUndefined();
  });

  it('is refused to the public, to members, to other organisations and for a stale version, and writes nothing then', async () => {
    const current = await version(A.uppsalaKommun);
    const choice = { contactFunctionId: F.posomUppsala, channels: [0] };
    const attempt = (headers: Record<string, string>, v = current) => subgraph.query(SET, { actorId: A.uppsalaKommun, version: v, choice }, headers);
    expect(errorCode(await attempt({}))).toBe('UNAUTHENTICATED');
    expect(errorCode(await attempt(uppsalaMember))).toBe('FORBIDDEN');
    expect(errorCode(await attempt(fryshuset))).toBe('FORBIDDEN');
    expect(errorCode(await attempt(uppsala, current - 1))).toBe('VERSION_CONFLICT');
    expect(errorCode(await subgraph.query(SET, { actorId: '00000000-0000-4000-8000-000000000000', version: 1, choice }, uppsala))).toBe('NOT_FOUND');
    expect(await version(A.uppsalaKommun)).toBe(current);
    expect((await actor(A.uppsalaKommun)).publicContact).toBeNull();
  });

  it('checks the choice: a function of the actor, channels it has, at least one; each refusal names the field', async () => {
    const current = await version(A.uppsalaKommun);
    const refusal = async (choice: unknown) => {
      const response = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: current, choice }, uppsala);
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      return response.errors![0].extensions!.fields;
    };
    // Fryshuset's function, published by Uppsala kommun.
    expect(await refusal({ contactFunctionId: F.verksamhetsansvarigFryshusetJarva, channels: [0] })).toEqual([
      { field: 'choice.contactFunctionId', message: 'not a contact function of this actor' },
    ]);
    expect(await refusal({ contactFunctionId: F.posomUppsala, channels: [0, 2, -1] })).toEqual([
      { field: 'choice.channels.1', message: "not one of the function's channels" },
      { field: 'choice.channels.2', message: "not one of the function's channels" },
    ]);
    await refusal({ contactFunctionId: F.posomUppsala, channels: [] });
    await refusal({ contactFunctionId: 'not-an-id', channels: [0] });
    expect(await version(A.uppsalaKommun)).toBe(current);
  });
});

describe('holders and later changes', () => {
  it('never publishes a channel that names a holder, nor one added or changed after the choice', async () => {
    const fn = await createFunction('Fältsekreterare Gottsunda', 'Kerstin Öberg', [
      { kind: 'PHONE', value: '070-174 06 10' },
      { kind: 'EMAIL', value: 'kerstin.oberg@uppsala.example.org' },
      { kind: 'OTHER', value: 'Fältkontoret, Gottsunda centrum', note: 'Fråga efter Kerstin' },
    ]);
    let current = await version(A.uppsalaKommun);
    const personal = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: current, choice: { contactFunctionId: fn.id, channels: [0, 2] } }, uppsala);
    expect(errorCode(personal)).toBe('BAD_USER_INPUT');
    expect(personal.errors![0].extensions!.fields).toEqual([{ field: 'choice.channels.1', message: 'names a holder of the function' }]);

    const chosen = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: current, choice: { contactFunctionId: fn.id, channels: [0] } }, uppsala);
    expect(chosen.errors).toBeUndefined();
    current += 1;

    // A new holder whose name is in the chosen channel's note: the channel is no longer shown.
    const update = `mutation($id: ID!, $version: Int!, $input: UpdateContactFunctionInput!) { updateContactFunction(id: $id, version: $version, input: $input) { version } }`;
    const withNote = await subgraph.query(update, { id: fn.id, version: fn.version, input: { channels: [{ kind: 'PHONE', value: '070-174 06 10', note: 'Be att få tala med Lindqvist' }] } }, uppsala);
    expect(withNote.errors).toBeUndefined();
    const holders = `mutation($id: ID!, $version: Int!, $holders: [ContactFunctionHolderInput!]!) { setContactFunctionHolders(functionId: $id, version: $version, holders: $holders) { version } }`;
    expect((await subgraph.query(holders, { id: fn.id, version: fn.version + 1, holders: [{ personName: 'Sara Lindqvist' }] }, uppsala)).errors).toBeUndefined();
    expect((await actor(A.uppsalaKommun)).publicContact).toBeNull();

    // Channels replaced: a changed number and a new e-mail stay private until chosen again.
    const replaced = await subgraph.query(
      update,
      { id: fn.id, version: fn.version + 2, input: { channels: [{ kind: 'PHONE', value: '070-174 06 11' }, { kind: 'EMAIL', value: 'falt@uppsala.example.org' }] } },
      uppsala,
    );
    expect(replaced.errors).toBeUndefined();
    expect((await actor(A.uppsalaKommun)).publicContact).toBeNull();
    const again = await subgraph.query(SET, { actorId: A.uppsalaKommun, version: current, choice: { contactFunctionId: fn.id, channels: [1] } }, uppsala);
    expect(again.data!.setPublicContact.publicContact.channels).toEqual([{ kind: 'EMAIL', value: 'falt@uppsala.example.org', note: null }]);
    current += 1;

    // Deleting the function withdraws the public contact, as a new version of the actor.
    const deleted = await subgraph.query(`mutation($id: ID!, $version: Int!) { deleteContactFunction(id: $id, version: $version) }`, { id: fn.id, version: fn.version + 3 }, uppsala);
    expect(deleted.errors).toBeUndefined();
    expect(await actor(A.uppsalaKommun)).toEqual({ version: current + 1, publicContact: null });
    expect((await changeLog(A.uppsalaKommun)).at(-1)!.fields).toEqual(['publicContact']);
  });
});

describe('what the public sees', () => {
  /** Every word of every demo holder's name, as the public must never see it. */
  let holderNames: string[];
  beforeAll(async () => {
    const rows: Array<{ person_name: string }> = await subgraph.dataSource.query('SELECT person_name FROM contact_function_holders');
    holderNames = rows.map((r) => r.person_name.replace(/\s*\(demo\)$/, ''));
    expect(holderNames.length).toBeGreaterThan(10);
  });
  const expectNoHolderName = (answer: unknown) => {
    const text = JSON.stringify(answer);
    const words = holderNames.flatMap((name) => name.split(' '));
    expect(words.filter((word) => new RegExp(`(?<!\\p{L})${word}(?!\\p{L})`, 'iu').test(text))).toEqual([]);
  };

  it('shows public contacts and no holder name on any GraphQL path: root, nested lists, contact functions and _entities', async () => {
    expect(() => expectNoHolderName({ signedIn: holderNames[0] })).toThrow(); // the check can fail
    const everything = `publicContact { name channels { kind value note } } contactFunctions(first: 5) { name description channels { value note } holders { personName } }`;
    const root = await subgraph.query(`{ actors(first: 50) { nodes { name ${everything} children(first: 3) { publicContact { name channels { value note } } } } } }`);
    expect(root.errors).toBeUndefined();
    expect(root.data!.actors.nodes.filter((a: { publicContact: unknown }) => a.publicContact).length).toBeGreaterThanOrEqual(5);
    expectNoHolderName(root.data);
    const areas = await subgraph.query(`{ area(code: "${AR.rinkebyKista}") { contactFunctions(first: 50) { name channels { value } holders { personName } venues { name } } } }`);
    expectNoHolderName(areas.data);
    const entities = await subgraph.query(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Actor { ${everything} } ... on ContactFunction { name channels { value } holders { personName } } } }`, {
      r: [{ __typename: 'Actor', id: A.lpoRinkeby }, { __typename: 'Actor', id: A.folketsHusOchParker }, { __typename: 'ContactFunction', id: F.kommunpolisJarva }],
    });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities[0].publicContact.name).toBe('Kommunpolis Järva');
    expect(entities.data!._entities[2]).toEqual({ name: 'Kommunpolis Järva', channels: null, holders: null });
    expectNoHolderName(entities.data);
  });

  it('exports public contacts in HSDS to everyone, only the chosen channels, and no holder name', async () => {
    const police = await hsds(`/organizations/${A.lpoRinkeby}`);
    expect(police.contacts).toEqual([
      {
        id: F.kommunpolisJarva,
        organization_id: A.lpoRinkeby,
        name: 'Kommunpolis Järva',
        title: 'Kommunpolis Järva',
        email: 'kommunpolis.jarva@example.org',
        phones: [{ id: expect.any(String), contact_id: F.kommunpolisJarva, number: '08-465 004 01', type: 'voice', description: 'Vardagar 8–16. Vid akut fara: ring 112.' }],
      },
    ]);
    // KFUM's public contact is its e-mail; its venue names the same function, with the same channels.
    const kfum = await hsds(`/organizations/${A.kfumGoteborg}`);
    expect(kfum.contacts).toEqual([expect.objectContaining({ email: 'ordforande@kfum-goteborg.example.org', phones: [] })]);
    const venues = (kfum.locations as Array<{ contacts?: unknown[] }>).filter((l) => l.contacts);
    expect(venues.map((v) => v.contacts)).toEqual([kfum.contacts]);
    expect(JSON.stringify(kfum)).not.toContain('070-174 06 05');
    // Hyresgästföreningen publishes none: neither the organisation nor its venue has contacts.
    expect(JSON.stringify(await hsds(`/organizations/${A.hyresgastforeningen}`))).not.toMatch(/"contacts"|"phones"|"email"/);
    const all = await hsds('/organizations?full=true&per_page=500');
    expectNoHolderName(all);
    expect((all.contents as Array<{ contacts?: unknown[] }>).filter((o) => o.contacts).length).toBeGreaterThanOrEqual(5);
  });
});

describe('statements', () => {
  let stats: ServiceProcess;
  beforeAll(async () => {
    stats = await startSubgraphProcess('actors', (subgraph.dataSource.options as { url: string }).url, { SAMVERKAN_SQL_STATS: 'true' });
  });
  afterAll(() => stats?.stop());

  it('loads the public contacts of a page of actors in the same number of statements whatever its size', async () => {
    const statements = async (first: number) => {
      const response = await graphql(stats.url, `query($first: Int!) { actors(first: $first) { nodes { ${PUBLIC_CONTACT} } } }`, { first });
      expect(response.errors).toBeUndefined();
      return { count: response.extensions!.sqlStatements as number, published: (response.data!.actors as { nodes: Array<{ publicContact: unknown }> }).nodes.filter((a) => a.publicContact).length };
    };
    const [small, large] = [await statements(20), await statements(100)];
    expect(small.published).toBeGreaterThanOrEqual(1);
    expect(large.published).toBeGreaterThan(small.published);
    expect(large.count).toBe(small.count);
  });
});
