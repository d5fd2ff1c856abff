import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, readmeExamples, readmeExampleVariables as variablesOf } from '@samverkan/test-support';
import { startFederation, TestFederation } from '@samverkan/test-support';

/** The README's example queries run as written against the federation, so the documentation stays true. */
const EXAMPLES = readmeExamples();

/**
 * Where a response holds no data that it should: a root field that is null or an empty list, an
 * empty list directly under a root object (`area.actors`), an empty `nodes` list of a connection,
 * or a `totalCount` of 0. Each is named by its path, e.g. `activities.nodes`.
 */
function missingData(data: Record<string, unknown>): string[] {
  const missing: string[] = [];
  const visit = (value: unknown, path: string, depth: number, key: string) => {
    if (key === 'totalCount' && value === 0) missing.push(`${path} is 0`);
    if (value === null && depth === 0) missing.push(`${path} is null`);
    if (Array.isArray(value)) {
      if (value.length === 0 && (depth <= 1 || key === 'nodes')) missing.push(`${path} is empty`);
      value.forEach((item, i) => visit(item, `${path}[${i}]`, depth + 1, ''));
    } else if (value && typeof value === 'object') {
      for (const [child, inner] of Object.entries(value)) visit(inner, `${path}.${child}`, depth + 1, child);
    }
  };
  for (const [field, value] of Object.entries(data)) visit(value, field, 0, field);
  return missing;
}

let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

it('has query examples to check', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  // The examples hold no calendar dates, which would run out of demo data one day; dates are variables.
  for (const example of EXAMPLES) expect(example).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

it('finds missing data where a response has none', () => {
  expect(missingData({ area: { name: 'Angered', actors: [{ name: 'KFUM Göteborg', activities: [] }] } })).toEqual([]);
  expect(
    missingData({
      activities: { totalCount: 0, nodes: [] },
      area: { actors: [], latestSituationReport: null },
      actor: null,
      services: [],
      areas: { nodes: [{ coverage: { districtsWithoutCivilSociety: [] } }] },
    }),
  ).toEqual(['activities.totalCount is 0', 'activities.nodes is empty', 'area.actors is empty', 'actor is null', 'services is empty']);
});

it.each(EXAMPLES.map((example, index) => [index + 1, example]))('example %i runs without errors and finds data', async (_n, example) => {
  const headers = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  const response = await federation.query(example as string, variablesOf(example as string), headers);
  expect(response.errors).toBeUndefined();
  expect(response.data).toBeDefined();
  expect(missingData(response.data!)).toEqual([]);
});
