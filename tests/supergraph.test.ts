import { composeSupergraph } from '@samverkan/dev';
import { readSupergraph } from '@samverkan/gateway';

describe('gateway/supergraph.graphql', () => {
  it('is what the subgraphs compose to now (run `npm run compose` after a schema change)', async () => {
    expect(readSupergraph()).toBe(await composeSupergraph());
  }, 120000);
});
