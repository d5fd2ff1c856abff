import { DEMO_ACTORS as A, DEMO_AREAS as AR, demoCalendar } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, errorCode, GraphQLResponse, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { agreementsSubgraph } from '../src';
import { seedDemoData } from '../src/demo/seed';

/**
 * Agreements are about organisations, never individuals (issue 14): free text that looks like a
 * personal identity number is refused on every path that writes text, naming the field, and
 * nothing is written. The number below is the Swedish Tax Agency's test number format.
 */
const NUMBER = '19121212-1212';
const calendar = demoCalendar();
let subgraph: TestSubgraph;
let police: Record<string, string>;
let municipality: Record<string, string>;
let national: Record<string, string>;
let draftId: string;

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph, { seed: false });
  await seedDemoData(subgraph.dataSource, calendar);
  police = await bearer(PEOPLE.policeOfficer.organisationId, [Role.COORDINATOR]);
  municipality = await bearer(A.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  national = await bearer(PEOPLE.nationalCoordinator.organisationId, [Role.NATIONAL_COORDINATOR]);
  const created = await subgraph.query(
    `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`,
    { input: draftInput() },
    police,
  );
  expect(created.errors).toBeUndefined();
  draftId = created.data!.createAgreement.id;
});
afterAll(() => subgraph?.stop());

function draftInput(overrides: Record<string, unknown> = {}, responsibilities = 'Kommunpolisen deltar.') {
  return {
    title: 'Samverkan kring fritidsgården',
    kind: 'COLLABORATION_AGREEMENT',
    startsOn: calendar.days(30),
    endsOn: calendar.days(400),
    areaCodes: [AR.rinkebyKista],
    parties: [
      { actorId: A.lpoRinkeby, role: 'ACCOUNTABLE', responsibilities },
      { actorId: A.rinkebyKistaStadsdel, role: 'FUNDING' },
    ],
    ...overrides,
  };
}

const snapshot = async () => {
  const tables = ['agreements', 'agreement_parties', 'agreement_invitations', 'agreement_resources', 'agreement_phases', 'agreement_templates', 'change_log'];
  return Object.fromEntries(await Promise.all(tables.map(async (table) => [table, await subgraph.dataSource.query(`SELECT * FROM ${table} ORDER BY 1, 2`)])));
};
const versionOf = async (id: string): Promise<number> => (await subgraph.dataSource.query('SELECT version FROM agreements WHERE id = $1', [id]))[0].version;

async function expectRefused(field: string, write: () => Promise<GraphQLResponse>) {
  const before = await snapshot();
  const response = await write();
  expect(errorCode(response)).toBe('BAD_USER_INPUT');
  expect(response.errors![0].extensions!.fields).toEqual([expect.objectContaining({ field })]);
  expect(response.errors![0].message).not.toContain(NUMBER);
  expect(await snapshot()).toEqual(before);
}

it('refuses a personal identity number in a new agreement\'s description or a party\'s responsibilities', async () => {
  const create = `mutation($input: CreateAgreementInput!) { createAgreement(input: $input) { id } }`;
  await expectRefused('description', () => subgraph.query(create, { input: draftInput({ description: `Gäller ${NUMBER}` }) }, police));
  await expectRefused('parties[0].responsibilities', () => subgraph.query(create, { input: draftInput({}, `Kontakt ${NUMBER}`) }, police));
});

it("refuses one in an agreement's sections, resources, phases and a party's answer", async () => {
  await expectRefused('sections[1].body', async () =>
    subgraph.query(
      `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) { updateAgreement(id: $id, version: $version, input: $input) { version } }`,
      { id: draftId, version: await versionOf(draftId), input: { sections: [{ heading: 'Syfte', body: 'Trygg fritid' }, { heading: 'Kontakt', body: NUMBER }] } },
      police,
    ),
  );
  await expectRefused('resources[0].description', async () =>
    subgraph.query(
      `mutation($id: ID!, $version: Int!, $resources: [AgreementResourceInput!]!) { setAgreementResources(agreementId: $id, version: $version, resources: $resources) { version } }`,
      { id: draftId, version: await versionOf(draftId), resources: [{ partyId: A.lpoRinkeby, kind: 'COMPETENCE', description: `Föreläsare ${NUMBER}` }] },
      police,
    ),
  );
  await expectRefused('phases[0].outcomes', async () =>
    subgraph.query(
      `mutation($id: ID!, $version: Int!, $phases: [AgreementPhaseInput!]!) { setAgreementPhases(agreementId: $id, version: $version, phases: $phases) { version } }`,
      { id: draftId, version: await versionOf(draftId), phases: [{ kind: 'NEEDS_ANALYSIS', outcomes: `Samtal med ${NUMBER}` }] },
      police,
    ),
  );
  await expectRefused('comment', async () =>
    subgraph.query(
      `mutation($id: ID!, $version: Int!, $actorId: ID!, $comment: String) { declineAgreementParty(agreementId: $id, version: $version, actorId: $actorId, comment: $comment) { version } }`,
      { id: draftId, version: await versionOf(draftId), actorId: A.rinkebyKistaStadsdel, comment: `Handläggare ${NUMBER}` },
      municipality,
    ),
  );
});

it("refuses one in a template's suggestions", async () => {
  await expectRefused('suggestedPhases[0].description', () =>
    subgraph.query(
      `mutation($input: CreateAgreementTemplateInput!) { createAgreementTemplate(input: $input) { id } }`,
      { input: { title: 'Mall', kind: 'IOP', suggestedPhases: [{ kind: 'PLANNING', description: `Fråga ${NUMBER}` }] } },
      national,
    ),
  );
});
