import { situationSubgraph } from '../src';
import { DEMO_SITUATION_REPORTS as R } from '../src/demo/seed';
import { bearer, expectOneVersionPerChange, PEOPLE, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';

/** Every change of a situation report, its observations alone included, is one new version; a stale one writes nothing (issue 8). */

let subgraph: TestSubgraph;
let lpoRinkeby: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(situationSubgraph);
  lpoRinkeby = await bearer(PEOPLE.policeOfficer.organisationId, [...PEOPLE.policeOfficer.roles]);
});
afterAll(() => subgraph?.stop());

const updateSituationReport = `mutation($id: ID!, $version: Int!, $input: UpdateSituationReportInput!) {
  updateSituationReport(id: $id, version: $version, input: $input) { version updatedAt } }`;
const observations = 'SELECT category, level, trend, description FROM observations WHERE report_id = $1 ORDER BY position';

const observation = (description: string) => ({ category: 'PERCEIVED_SAFETY', level: 'ELEVATED', trend: 'IMPROVING', description });

it.each([
  ['observations only', { observations: [observation('Tryggare vid torget.')] }, { observations: [observation('Otryggt vid tunnelbanan.')] }],
  ['a column and observations together', { summary: 'Läget förbättras.', observations: [] }, { observations: [observation('Tryggare vid torget.')] }],
])('updateSituationReport, %s: one new version; a stale writer gets VERSION_CONFLICT', (_case, first, second) =>
  expectOneVersionPerChange(subgraph, {
    table: 'situation_reports',
    id: R.rinkebyKistaAutumn2025,
    mutation: updateSituationReport,
    first: { input: first },
    second: { input: second },
    children: observations,
    headers: lpoRinkeby,
  }),
);
