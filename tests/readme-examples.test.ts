import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, startFederation, TestFederation } from '@samverkan/test-support';

/** The README's example queries run as written against the federation, so the documentation stays true. */
const README = readFileSync(join(__dirname, '../README.md'), 'utf8');
const EXAMPLES = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)]
  .map((match) => match[1].replace(/^#.*$/gm, '').trim())
  // Mutations and examples with placeholders are shown, not run here; their operations are tested elsewhere.
  .filter((example) => !/^mutation/m.test(example) && !example.includes('<'));

let federation: TestFederation;

beforeAll(async () => {
  federation = await startFederation();
}, 180000);
afterAll(() => federation?.stop());

it('has query examples to check', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
});

it.each(EXAMPLES.map((example, index) => [index + 1, example]))('example %i runs without errors and finds data', async (_n, example) => {
  const headers = await bearer(DEMO_ACTORS.rinkebyKistaStadsdel, [Role.COORDINATOR]);
  const response = await federation.query(example as string, {}, headers);
  expect(response.errors).toBeUndefined();
  expect(JSON.stringify(response.data)).toMatch(/"[a-zA-Z]+":("[^"]+"|\d+|true)/);
});
