import { DEMO_ACTORS as A, DEMO_AGREEMENTS as G, DEMO_AREAS as AR } from '@samverkan/demo';
import { agreementsSubgraph } from '../src';
import { bearer, expectOneVersionPerChange, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** Every change of an agreement, its parties or areas alone included, is one new version; a stale one writes nothing (issue 8). */

let subgraph: TestSubgraph;
let lpoRinkeby: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(agreementsSubgraph);
  lpoRinkeby = await bearer(PEOPLE.policeOfficer.organisationId, [...PEOPLE.policeOfficer.roles]);
  // Back to DRAFT: an ACTIVE agreement takes no new terms for a party until it has confirmed them (issue 14).
  const { data } = await subgraph.query(`query($id: ID!) { agreement(id: $id) { version } }`, { id: G.rattKurvaJarva }, lpoRinkeby);
  const drafted = await subgraph.query(updateAgreement, { id: G.rattKurvaJarva, version: data!.agreement.version, input: { status: 'DRAFT' } }, lpoRinkeby);
  expect(drafted.errors).toBeUndefined();
});
afterAll(() => subgraph?.stop());

const updateAgreement = `mutation($id: ID!, $version: Int!, $input: UpdateAgreementInput!) {
  updateAgreement(id: $id, version: $version, input: $input) { version updatedAt } }`;
const partiesAndAreas = `SELECT
  (SELECT json_agg(p ORDER BY p.actor_id, p.role) FROM agreement_parties p WHERE p.agreement_id = $1) AS parties,
  (SELECT json_agg(a.area_code ORDER BY a.area_code) FROM agreement_areas a WHERE a.agreement_id = $1) AS areas`;

/** Rätt kurva Järva, owned by the local police in Rinkeby, with the parties as seeded. */
const party = (actorId: string, role: string) => ({ actorId, role });
const PARTIES = [party(A.stockholmsStad, 'FUNDING'), party(A.lpoRinkeby, 'ACCOUNTABLE'), party(A.rinkebyKistaStadsdel, 'IMPLEMENTING')];

it.each([
  ['parties only', { parties: PARTIES }, { parties: [...PARTIES, party(A.familjebostader, 'IMPLEMENTING')] }],
  ['areas only', { areaCodes: [AR.rinkebyKista] }, { areaCodes: [AR.rinkebyKista, AR.spangaTensta] }],
  ['a column and areas together', { title: 'Rätt kurva på Järva', areaCodes: [AR.spangaTensta] }, { areaCodes: [AR.rinkebyKista] }],
])('updateAgreement, %s: one new version; a stale writer gets VERSION_CONFLICT', (_case, first, second) =>
  expectOneVersionPerChange(subgraph, {
    table: 'agreements',
    id: G.rattKurvaJarva,
    mutation: updateAgreement,
    first: { input: first },
    second: { input: second },
    children: partiesAndAreas,
    headers: lpoRinkeby,
  }),
);
