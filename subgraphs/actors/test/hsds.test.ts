import http from 'node:http';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import express from 'express';
import { authConfig, authenticator } from '@samverkan/platform';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { actorsSubgraph } from '../src';
import { Actor, ActorArea, ActorKind } from '../src/registry/actor';
import { ContactChannelKind, ContactFunction, ContactFunctionHolder, ContactHolderRole } from '../src/contact-functions/contact-function';
import { hsdsRouter } from '../src/hsds/hsds';
import { Service, ServiceArea, ServiceCategory } from '../src/services/service';
import { Venue, VenueUse } from '../src/venues/venue';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

// ---------------------------------------------------------------------------------------------
// The HSDS 3 schemas shipped in data/hsds: the component schemas refer to each other by file name
// ("$ref": "phone.json"), so all are registered under their file names; the API's pages are the
// `Page` schema of openapi.json around the list-item schemas of compiled/.

const HSDS = join(__dirname, '../data/hsds');
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
// HSDS's own annotations (data package and tabular metadata), declared so strict mode accepts them.
ajv.addVocabulary(['name', 'path', 'datapackage_metadata', 'datapackage_type', 'constraints', 'example', 'core', 'tabular_required']);
const readSchema = (file: string) => JSON.parse(readFileSync(join(HSDS, file), 'utf8'));
for (const file of readdirSync(HSDS).filter((f) => f.endsWith('.json') && f !== 'openapi.json')) ajv.addSchema(readSchema(file), file);
for (const file of ['compiled/organization_list.json', 'compiled/service_list.json']) ajv.addSchema(readSchema(file), file);

const PAGE_FIELDS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];
const pageOf = (items: string) => ({
  type: 'object',
  allOf: [readSchema('openapi.json').components.schemas.Page],
  properties: { contents: { type: 'array', items: { $ref: items } } },
  required: PAGE_FIELDS,
});
/** What compiled/organization.json is: an organization with its services. */
const FULL_ORGANIZATION = { type: 'object', allOf: [{ $ref: 'organization.json' }], properties: { services: { type: 'array', items: { $ref: 'service.json' } } } };

const validators = {
  organizationPage: ajv.compile(pageOf('compiled/organization_list.json')),
  // The page of full organizations refers to the full organization through $defs.
  fullOrganizationPage: ajv.compile({ ...pageOf('#/$defs/organization'), $defs: { organization: FULL_ORGANIZATION } }),
  organization: ajv.compile(FULL_ORGANIZATION),
  servicePage: ajv.compile(pageOf('compiled/service_list.json')),
  fullServicePage: ajv.compile(pageOf('service.json')),
  service: ajv.getSchema('service.json')!,
};

function expectValid(validate: ValidateFunction, body: unknown) {
  const valid = validate(body);
  if (!valid) throw new Error(`Not valid HSDS: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
}

// ---------------------------------------------------------------------------------------------
// An association in Gottsunda made by the test, with services, a venue and a contact function.

const ID = (n: number) => `d5d50000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const T = {
  association: ID(1),
  homework: ID(2),
  parentCafe: ID(3),
  goteborgService: ID(4),
  chair: ID(5),
  venue: ID(6),
  otherAssociation: ID(7),
};
const HOLDER_NAME = 'Anna Andersson-Holmqvist';

async function createTestData(subgraph: TestSubgraph) {
  await subgraph.dataSource.transaction(async (manager) => {
    await manager.insert(Actor, [
      { id: T.association, name: 'Gottsunda Föreningsråd', kind: ActorKind.CIVIL_SOCIETY, description: 'Samlar föreningarna i Gottsunda.', website: 'https://gottsunda.example.se/förening', organisationNumber: '802005-9740', ownerId: T.association, version: 1 },
      { id: T.otherAssociation, name: 'Angereds Schackklubb', kind: ActorKind.CIVIL_SOCIETY, description: null, website: null, organisationNumber: null, ownerId: T.otherAssociation, version: 1 },
    ]);
    await manager.insert(ActorArea, [
      { actorId: T.association, areaCode: '0380-gottsunda' },
      { actorId: T.association, areaCode: '1480' },
      { actorId: T.otherAssociation, areaCode: '1480-angered' },
    ]);
    await manager.insert(Service, [
      { id: T.homework, actorId: T.association, name: 'Läxhjälp i Gottsunda', description: 'Läxhjälp varje tisdag.', category: ServiceCategory.HOMEWORK_HELP, targetGroups: ['CHILDREN', 'YOUNG_PEOPLE'] as Service['targetGroups'], ageMin: 10, ageMax: 16, version: 1 },
      { id: T.parentCafe, actorId: T.association, name: 'Föräldracafé', description: null, category: ServiceCategory.PARENT_SUPPORT, targetGroups: ['PARENTS'] as Service['targetGroups'], ageMin: null, ageMax: null, version: 1 },
      { id: T.goteborgService, actorId: T.association, name: 'Nattvandring i Göteborg', description: null, category: ServiceCategory.SAFETY_HOSTS, targetGroups: ['RESIDENTS'] as Service['targetGroups'], ageMin: null, ageMax: null, version: 1 },
    ]);
    await manager.insert(ServiceArea, [
      { serviceId: T.homework, areaCode: '0380-gottsunda' },
      { serviceId: T.parentCafe, areaCode: '0380' },
      { serviceId: T.goteborgService, areaCode: '1480' },
    ]);
    await manager.insert(ContactFunction, {
      id: T.chair,
      actorId: T.association,
      name: 'Ordförande Gottsunda Föreningsråd',
      description: null,
      areaCode: '0380-gottsunda',
      channels: [
        { kind: ContactChannelKind.PHONE, value: '018-12 34 56', note: 'vardagar 9–17' },
        { kind: ContactChannelKind.SMS, value: '070-123 45 67', note: null },
        { kind: ContactChannelKind.EMAIL, value: 'ordforande@gottsunda.example.se', note: null },
        { kind: ContactChannelKind.WEB, value: 'https://gottsunda.example.se/kontakt', note: null },
      ],
      version: 1,
    });
    await manager.insert(ContactFunctionHolder, { functionId: T.chair, personName: HOLDER_NAME, role: ContactHolderRole.HOLDER, validFrom: null, validUntil: null, position: 0 });
    await manager.insert(Venue, {
      id: T.venue,
      actorId: T.association,
      name: 'Gottsunda fritidsgård, stora salen',
      description: 'Stor sal med kök.',
      areaCode: '0380-gottsunda',
      street: 'Valthornsvägen 1',
      postalCode: '756 47',
      city: 'Uppsala',
      latitude: 59.8096,
      longitude: 17.6201,
      capacity: 80,
      suitableFor: [VenueUse.MEETINGS, VenueUse.DIALOGUES],
      accessibilityNote: 'Entré i markplan, hörslinga.',
      contactFunctionId: T.chair,
      version: 1,
    });
  });
}

// ---------------------------------------------------------------------------------------------

let subgraph: TestSubgraph;
let server: http.Server;
let base: string;
let member: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  await createTestData(subgraph);
  // The router on an app of its own, as any express server would mount it.
  const knownActor = (id: string) => subgraph.dataSource.getRepository(Actor).existsBy({ id });
  const app = express().use(hsdsRouter(subgraph.dataSource, authenticator(authConfig(subgraph.config.auth), knownActor)));
  server = await new Promise<http.Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/hsds`;
  member = await bearer(DEMO_ACTORS.fryshuset, [Role.MEMBER]);
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await subgraph?.stop();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, body: await response.json() };
}

const ids = (contents: Array<{ id: string }>) => contents.map((c) => c.id);
const count = async (sql: string) => (await subgraph.dataSource.query(sql))[0].n as number;

describe('HSDS schemas', () => {
  it('are all registered, so nested objects are checked too', () => {
    expect(validators.organization({ id: T.association, name: 'x', description: '' })).toBe(true);
    // A phone without a number, three $refs deep (organization → contact → phone).
    expect(validators.organization({ id: T.association, name: 'x', description: '', contacts: [{ id: T.chair, phones: [{ id: T.chair }] }] })).toBe(false);
    expect(validators.organization({ id: 'not-a-uuid', name: 'x', description: '' })).toBe(false);
    expect(validators.organizationPage({ contents: [] })).toBe(false);
  });
});

describe('HSDS organizations', () => {
  it('lists organizations a page at a time, valid against the HSDS schemas, without gaps or repeats', async () => {
    const total = await count('SELECT count(*)::int AS n FROM actors');
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const { status, body } = await get(`/organizations?per_page=7&page=${page}`);
      expect(status).toBe(200);
      expectValid(validators.organizationPage, body);
      expect(body).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 7), page_number: page, first_page: page === 1, empty: false });
      expect(body.size).toBe(body.contents.length);
      seen.push(...ids(body.contents));
      if (body.last_page) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);

    const beyond = await get(`/organizations?per_page=7&page=${Math.ceil(total / 7) + 1}`);
    expect(beyond.body).toMatchObject({ size: 0, empty: true, last_page: true, contents: [] });
  });

  it('gives one organization with its identifiers, kind, services, locations and (for members) contacts', async () => {
    const { status, body } = await get(`/organizations/${T.association}`, member);
    expect(status).toBe(200);
    expectValid(validators.organization, body);
    expect(body).toMatchObject({
      id: T.association,
      name: 'Gottsunda Föreningsråd',
      description: 'Samlar föreningarna i Gottsunda.',
      website: 'https://gottsunda.example.se/f%C3%B6rening',
      organization_identifiers: [{ identifier_scheme: 'SE-ON', identifier_type: 'Organisationsnummer', identifier: '802005-9740', organization_id: T.association }],
      attributes: [{ link_id: T.association, link_entity: 'organization', taxonomy_term: { code: 'CIVIL_SOCIETY', taxonomy: 'samverkan-actor-kind' } }],
    });
    expect(body.services.map((s: { name: string }) => s.name)).toEqual(['Föräldracafé', 'Läxhjälp i Gottsunda', 'Nattvandring i Göteborg']);

    // Its venue, and the points of the places it works in (Göteborg; Gottsunda has the venue and its point).
    const locations = new Map(body.locations.map((l: { name: string }) => [l.name, l]));
    expect([...locations.keys()].sort()).toEqual(['Gottsunda', 'Gottsunda fritidsgård, stora salen', 'Göteborg']);
    expect(locations.get('Gottsunda fritidsgård, stora salen')).toMatchObject({
      id: T.venue,
      location_type: 'physical',
      organization_id: T.association,
      latitude: 59.8096,
      longitude: 17.6201,
      description: expect.stringContaining('80 personer'),
      addresses: [{ address_1: 'Valthornsvägen 1', postal_code: '756 47', city: 'Uppsala', state_province: 'Uppsala län', country: 'SE', address_type: 'physical' }],
      accessibility: [{ description: 'Entré i markplan, hörslinga.' }],
      contacts: [{ id: T.chair, name: 'Ordförande Gottsunda Föreningsråd' }],
    });
    expect(locations.get('Göteborg')).toMatchObject({ external_identifier: '1480', external_identifier_type: 'kommunkod (SCB)' });

    // The contact function is the contact: its channels become phones and e-mail; who holds it is not exported.
    expect(body.contacts).toEqual([
      {
        id: T.chair,
        organization_id: T.association,
        name: 'Ordförande Gottsunda Föreningsråd',
        title: 'Ordförande Gottsunda Föreningsråd',
        email: 'ordforande@gottsunda.example.se',
        phones: [
          { id: expect.any(String), contact_id: T.chair, number: '018-12 34 56', type: 'voice', description: 'vardagar 9–17' },
          { id: expect.any(String), contact_id: T.chair, number: '070-123 45 67', type: 'text' },
        ],
      },
    ]);
    expect(JSON.stringify(body)).not.toContain(HOLDER_NAME);
  });

  it('gives the public no contact details where the organisation published none: no contacts, phones or e-mail, anywhere', async () => {
    const { status, body } = await get(`/organizations/${T.association}`);
    expect(status).toBe(200);
    expectValid(validators.organization, body);
    const text = JSON.stringify(body);
    for (const secret of ['"contacts"', '"phones"', '"email"', '018-12 34 56', 'ordforande@', HOLDER_NAME]) expect(text).not.toContain(secret);
    // The rest is there.
    expect(body.services).toHaveLength(3);
    expect(body.locations.map((l: { id: string }) => l.id)).toContain(T.venue);

    // Only organisations that chose a public contact have contacts (public-contact.test.ts shows which).
    const full = await get('/organizations?full=true&per_page=100');
    expectValid(validators.fullOrganizationPage, full.body);
    const published = new Set((await subgraph.dataSource.query('SELECT id FROM actors WHERE public_contact_function_id IS NOT NULL')).map((r: { id: string }) => r.id));
    const unpublished = full.body.contents.filter((o: { id: string }) => !published.has(o.id));
    expect(unpublished.length).toBeGreaterThan(10);
    expect(JSON.stringify(unpublished)).not.toMatch(/"contacts"|"phones"|"email"/);
  });

  it('filters by area, sub-areas included, and by Swedish free text', async () => {
    const inUppsala = await get('/organizations?area=03&per_page=500');
    expectValid(validators.organizationPage, inUppsala.body);
    const uppsalaIds = ids(inUppsala.body.contents);
    expect(uppsalaIds).toContain(T.association); // works in 0380-gottsunda
    expect(uppsalaIds).toContain(DEMO_ACTORS.uppsalaKommun);
    expect(uppsalaIds).not.toContain(T.otherAssociation);
    expect(inUppsala.body.total_items).toBe(
      await count(`SELECT count(DISTINCT actor_id)::int AS n FROM actor_areas WHERE area_code = '03' OR area_code LIKE '03%'`),
    );

    const inAngered = await get('/organizations?area=1480-angered&per_page=500');
    expect(ids(inAngered.body.contents)).toContain(T.otherAssociation);
    expect(ids(inAngered.body.contents)).not.toContain(T.association); // works in Göteborg as a whole, not within Angered

    const search = await get(`/organizations?search=${encodeURIComponent('avhoppare')}`);
    expect(ids(search.body.contents)).toEqual([DEMO_ACTORS.fryshuset]);
  });
});

describe('HSDS services', () => {
  it('lists services valid against the HSDS schemas, filtered by area with sub-areas', async () => {
    const total = await count('SELECT count(*)::int AS n FROM services');
    const all = await get('/services?per_page=500');
    expect(all.status).toBe(200);
    expectValid(validators.servicePage, all.body);
    expect(all.body.total_items).toBe(total);

    const uppsala = await get('/services?area=0380&per_page=500');
    expectValid(validators.servicePage, uppsala.body);
    expect(ids(uppsala.body.contents)).toEqual(expect.arrayContaining([T.homework, T.parentCafe]));
    expect(ids(uppsala.body.contents)).not.toContain(T.goteborgService);
    const gottsunda = await get('/services?area=0380-gottsunda&per_page=500');
    expect(ids(gottsunda.body.contents)).toContain(T.homework);
    expect(ids(gottsunda.body.contents)).not.toContain(T.parentCafe); // offered in all of Uppsala, not within Gottsunda

    const own = await get(`/services?organization_id=${T.association}`);
    expect(ids(own.body.contents)).toEqual([T.parentCafe, T.homework, T.goteborgService]);
    expect(own.body.contents[1]).toMatchObject({
      organization_id: T.association,
      status: 'active',
      minimum_age: 10,
      maximum_age: 16,
      eligibility_description: 'För barn, unga, 10–16 år.',
    });

    const full = await get(`/services?organization_id=${T.association}&full=true`);
    expectValid(validators.fullServicePage, full.body);
  });

  it('gives one service with its areas, where it is delivered, its category and target groups', async () => {
    const { status, body } = await get(`/services/${T.homework}`, member);
    expect(status).toBe(200);
    expectValid(validators.service, body);
    expect(body).toMatchObject({
      id: T.homework,
      name: 'Läxhjälp i Gottsunda',
      organization: { id: T.association, name: 'Gottsunda Föreningsråd' },
      service_areas: [{ service_id: T.homework, name: 'Gottsunda' }],
      service_at_locations: [{ service_id: T.homework, location_id: T.venue, location: { id: T.venue, name: 'Gottsunda fritidsgård, stora salen' } }],
    });
    const terms = body.attributes.map((a: { taxonomy_term: { taxonomy: string; code: string } }) => `${a.taxonomy_term.taxonomy}:${a.taxonomy_term.code}`);
    expect(terms).toEqual(['samverkan-service-category:HOMEWORK_HELP', 'samverkan-target-group:CHILDREN', 'samverkan-target-group:YOUNG_PEOPLE']);
    expect(body.attributes[0].taxonomy_term).toMatchObject({ name: 'Läxhjälp', description: expect.stringContaining('Homework help') });

    // Without a venue where it is offered, a service is placed at the point of its municipality.
    const goteborg = await get(`/services/${T.goteborgService}`);
    expectValid(validators.service, goteborg.body);
    expect(goteborg.body.service_at_locations).toMatchObject([{ location: { name: 'Göteborg', external_identifier: '1480', latitude: expect.any(Number) } }]);
  });

  it('exports the seeded registry as valid HSDS, for the public and for members', async () => {
    for (const headers of [{}, member]) {
      const organizations = await get('/organizations?full=true&per_page=500', headers);
      expectValid(validators.fullOrganizationPage, organizations.body);
      const services = await get('/services?full=true&per_page=500', headers);
      expectValid(validators.fullServicePage, services.body);
    }
  });
});

describe('HSDS API requests', () => {
  it.each([
    ['page 0', '/organizations?page=0'],
    ['a page size above the maximum', '/organizations?per_page=501'],
    ['a malformed area', '/services?area=Uppsala'],
    ['a malformed organization id', '/services?organization_id=fryshuset'],
    ['a malformed date', '/services?modified_after=igår'],
    ['an unsupported format', '/organizations?format=ndjson'],
  ])('refuses %s with 400', async (_case, path) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
  });

  it.each([
    ['an unknown organization', `/organizations/${ID(999)}`],
    ['a malformed id', '/organizations/not-an-id'],
    ['an unknown service', `/services/${ID(999)}`],
    ['an unknown endpoint', '/taxonomies'],
  ])('answers %s with 404', async (_case, path) => {
    const { status, body } = await get(path);
    expect(status).toBe(404);
    expect(body.errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it.each([
    ['a forged token', async () => ({ authorization: 'Bearer not.a.token' })],
    ['a malformed header', async () => ({ authorization: 'Basic dXNlcjpwYXNz' })],
    ['a token of an unregistered organisation', () => bearer(ID(998), [Role.MEMBER])],
  ])('refuses %s with 401, never downgrading to the public', async (_case, headers) => {
    const { status, body } = await get(`/organizations/${T.association}`, await headers());
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers the API root with the HSDS version', async () => {
    expect((await get('')).body).toMatchObject({ version: '3.0' });
  });

  it('is served by the actors subgraph itself, beside /graphql', async () => {
    const response = await fetch(subgraph.url.replace(/\/graphql$/, `/hsds/organizations/${T.association}`), { headers: member });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { contacts: unknown[] }).contacts).toHaveLength(1);
  });
});
