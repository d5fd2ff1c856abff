import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role } from '@samverkan/federation';
import { bearer, errorCode, graphql, organisationNumber, startFederation, TestFederation } from '@samverkan/test-support';

/**
 * The first run from empty, as an operator does it: the compiled services on empty databases without
 * demo data, the setup command, then the first administrator through the gateway, who registers the
 * next organisation, whose coordinator then works in another subgraph.
 */
let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation({}, { seed: false });
}, 180000);
afterAll(() => federation?.stop());

const SETUP = join(__dirname, '../subgraphs/actors/dist/setup/main.js');

/** Runs the compiled setup command against the federation's actors database. */
async function setup(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [SETUP, ...args], {
      env: { ...process.env, ACTORS_DATABASE_URL: federation.databases.actors },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const OPERATOR = ['--name', 'Polismyndigheten', '--organisation-number', '202100-0076', '--kind', 'POLICE', '--area', 'SE'];
const actorIdIn = (output: string) => /^Actor id: ([0-9a-f-]{36})$/m.exec(output)?.[1];

describe('before setup', () => {
  it('has an empty registry, and refuses every token: no organisation is registered', async () => {
    expect((await federation.query('{ actors { totalCount } }')).data!.actors.totalCount).toBe(0);
    for (const roles of [[Role.ADMINISTRATOR], [Role.COORDINATOR]]) {
      const headers = await bearer(randomUUID(), roles);
      for (const url of [federation.gateway.url, federation.subgraphs.actors.url, federation.subgraphs.activities.url]) {
        const response = await graphql(url, '{ __typename }', {}, headers);
        expect(errorCode(response)).toBe('UNAUTHENTICATED');
        expect(response.errors![0].message).toMatch(/not a registered actor/);
      }
    }
  });

  it.each([
    ['a missing option', ['--name', 'Polismyndigheten', '--organisation-number', '202100-0076'], /--kind is required/],
    ['a wrong check digit', ['--name', 'Polismyndigheten', '--organisation-number', '202100-0077', '--kind', 'POLICE'], /check digit/],
    ['an unknown kind', ['--name', 'Polismyndigheten', '--organisation-number', '202100-0076', '--kind', 'GANG'], /--kind must be one of POLICE/],
    ['an unknown option', [...OPERATOR, '--admin', 'x'], /Unknown option '--admin'/],
    ['an unknown area', [...OPERATOR, '--area', '9999'], /Unknown area code: 9999/],
  ])('refuses %s with the usage and exit code 2, registering nothing', async (_case, args, reason) => {
    const { code, stderr } = await setup(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(reason);
    expect(stderr).toMatch(/Usage: npm run setup --/);
    expect((await federation.query('{ actors(filter: { includeArchived: true }) { totalCount } }')).data!.actors.totalCount).toBe(0);
  });
});

describe('the first run', () => {
  let operator: string;
  let administrator: Record<string, string>;
  let association: string;
  let coordinator: Record<string, string>;
  let district: string;

  it('registers the operating organisation and prints what its first administrator needs', async () => {
    const { code, stdout } = await setup(...OPERATOR, '--local-token', process.env.SAMVERKAN_TEST_PRIVATE_KEY!);
    expect(code).toBe(0);
    operator = actorIdIn(stdout)!;
    expect(operator).toBeDefined();
    expect(stdout).toContain(`org    "${operator}"`);
    expect(stdout).toContain('roles  ["ADMINISTRATOR"]');
    expect(stdout).toMatch(/iss {4}urn:samverkan:local-issuer/);
    expect(stdout).toContain(`npm run token -- --org ${operator} --role ADMINISTRATOR --key ${process.env.SAMVERKAN_TEST_PRIVATE_KEY}`);
  });

  it('reports the same organisation when run again, with the number written either way', async () => {
    const { code, stdout } = await setup('--name', 'Polisen', '--organisation-number', '2021000076', '--kind', 'POLICE');
    expect(code).toBe(0);
    expect(stdout).toMatch(/"Polismyndigheten" \(202100-0076\) is registered already/);
    expect(actorIdIn(stdout)).toBe(operator);
  });

  it('lets the first administrator in, with the setup recorded in the change log', async () => {
    administrator = await bearer(operator, [Role.ADMINISTRATOR]);
    const { data, errors } = await federation.query(
      `query($id: ID!) { actor(id: $id) { name kind organisationNumber areas { code } changeLog { action organisationId subject } } }`,
      { id: operator },
      administrator,
    );
    expect(errors).toBeUndefined();
    expect(data!.actor).toEqual({
      name: 'Polismyndigheten',
      kind: 'POLICE',
      organisationNumber: '202100-0076',
      areas: [{ code: 'SE' }],
      changeLog: [{ action: 'CREATED', organisationId: operator, subject: 'setup' }],
    });
  });

  it('lets the administrator create a district and register a civil-society organisation there, through the gateway', async () => {
    const area = await federation.query(
      `mutation { createArea(input: { municipalityCode: "1280", name: "Rosengård", kind: DISTRICT, point: { latitude: 55.5855, longitude: 13.0383 } }) { code name parent { name } } }`,
      {},
      administrator,
    );
    expect(area.errors).toBeUndefined();
    expect(area.data!.createArea).toEqual({ code: '1280-rosengard', name: 'Rosengård', parent: { name: 'Malmö' } });
    district = area.data!.createArea.code;

    const registered = await federation.query(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id name areas { code } } }`,
      { input: { name: 'Rosengårds Föreningsråd', kind: 'CIVIL_SOCIETY', organisationNumber: organisationNumber('802700100'), areaCodes: [district] } },
      administrator,
    );
    expect(registered.errors).toBeUndefined();
    association = registered.data!.registerOrganisation.id;
    expect(registered.data!.registerOrganisation.areas).toEqual([{ code: district }]);
  });

  it("lets the new organisation's coordinator record an activity and an agreement in the new district, and read them back", async () => {
    coordinator = await bearer(association, [Role.COORDINATOR]);
    const activity = await federation.query(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`,
      {
        input: {
          title: 'Fotboll på Rosengårds IP',
          kind: 'SPORT',
          organiserIds: [association],
          areaCode: district,
          startsOn: '2026-03-01',
          targetGroups: ['YOUNG_PEOPLE'],
          visibility: 'NETWORK',
        },
      },
      coordinator,
    );
    expect(activity.errors).toBeUndefined();
    const agreement = await federation.query(
      `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id visibility } }`,
      {
        input: {
          title: 'Föreningsrådets interna plan',
          kind: 'COLLABORATION_AGREEMENT',
          startsOn: '2026-01-01',
          parties: [{ actorId: association, role: 'IMPLEMENTING' }],
          areaCodes: [district],
        },
      },
      coordinator,
    );
    expect(agreement.errors).toBeUndefined();
    expect(agreement.data!.createAgreement.visibility).toBe('OWNER');

    const { data, errors } = await federation.query(
      `query($activity: ID!, $agreement: ID!, $district: ID!) {
        activity(id: $activity) { title organisers { name } area { name } }
        agreement(id: $agreement) { title parties { actor { name } } }
        area(code: $district) { name actors { name } activities { title } agreements { title } }
      }`,
      { activity: activity.data!.createActivity.id, agreement: agreement.data!.createAgreement.id, district },
      coordinator,
    );
    expect(errors).toBeUndefined();
    expect(data).toEqual({
      activity: { title: 'Fotboll på Rosengårds IP', organisers: [{ name: 'Rosengårds Föreningsråd' }], area: { name: 'Rosengård' } },
      agreement: { title: 'Föreningsrådets interna plan', parties: [{ actor: { name: 'Rosengårds Föreningsråd' } }] },
      area: {
        name: 'Rosengård',
        actors: [{ name: 'Rosengårds Föreningsråd' }],
        activities: [{ title: 'Fotboll på Rosengårds IP' }],
        agreements: [{ title: 'Föreningsrådets interna plan' }],
      },
    });

    // The administrator reads no private content: the OWNER-only agreement does not exist for them.
    const seen = await federation.query(
      `query($agreement: ID!, $district: ID!) { agreement(id: $agreement) { id } agreements { totalCount } area(code: $district) { agreements { id } } }`,
      { agreement: agreement.data!.createAgreement.id, district },
      administrator,
    );
    expect(seen.errors).toBeUndefined();
    expect(seen.data).toEqual({ agreement: null, agreements: { totalCount: 0 }, area: { agreements: [] } });
  });

  it("refuses an archived organisation's tokens", async () => {
    const registered = await federation.query(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { id version } }`,
      { input: { name: 'Felregistrerad förening', kind: 'CIVIL_SOCIETY', organisationNumber: organisationNumber('802700200') } },
      administrator,
    );
    const { id, version } = registered.data!.registerOrganisation;
    const archived = await federation.query(
      `mutation($id: ID!, $version: Int!) { archiveActor(id: $id, version: $version, reason: "Registrerad av misstag") { archived } }`,
      { id, version },
      administrator,
    );
    expect(archived.data!.archiveActor.archived).toBe(true);
    const headers = await bearer(id, [Role.COORDINATOR]);
    for (const url of [federation.gateway.url, federation.subgraphs.actors.url, federation.subgraphs.agreements.url]) {
      expect(errorCode(await graphql(url, '{ __typename }', {}, headers))).toBe('UNAUTHENTICATED');
    }
  });
});
