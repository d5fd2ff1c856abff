import { buildSchema, parse } from 'graphql';
import { ApolloServer } from '@apollo/server';
import { operationCost, queryCostPlugin } from '../src/query-cost';

const schema = buildSchema(`
  type Area { code: String children(first: Int = 50): [Area!]! series(months: Int = 12): [Int!]! tags: [String!]! }
  type Query { areas(first: Int = 20): [Area!]! area(code: String): Area _entities(representations: [String!]!): [Area]! }
`);
const cost = (query: string, variables: Record<string, unknown> = {}) => operationCost({ schema, query: parse(query), variables });

describe('the cost of an operation', () => {
  it('counts each field once, times the records its list may hold', () => {
    expect(cost('{ area(code: "SE") { code tags } }')).toBe(3);
    expect(cost('{ areas(first: 2) { code children(first: 3) { code } } }')).toBe(2 * (1 + 1 + 3 * (1 + 1)));
  });

  it('counts `first` given as a variable, and left-out ones at their default', () => {
    expect(cost('query($n: Int) { areas(first: $n) { code } }', { n: 7 })).toBe(7 * 2);
    expect(cost('{ areas { code children { code } } }')).toBe(20 * (1 + 1 + 50 * 2));
    expect(cost('{ area { series } }')).toBe(1 + 12);
  });

  it("counts an entity fetch's representations", () => {
    expect(cost('query($r: [String!]!) { _entities(representations: $r) { code } }', { r: ['a', 'b', 'c'] })).toBe(3 * 2);
  });
});

describe('the cost limit', () => {
  it('counts an entity call by its number of representations, whatever they hold, each time', async () => {
    const server = new ApolloServer({ schema, plugins: [queryCostPlugin(7)] });
    const query = 'query($r: [String!]!) { _entities(representations: $r) { code } }';
    const refused = async (r: string[]) => {
      const { body } = await server.executeOperation({ query, variables: { r } });
      return body.kind === 'single' ? body.singleResult.errors?.[0]?.extensions?.code === 'QUERY_LIMIT_EXCEEDED' : undefined;
    };
    expect(await refused(['a', 'b', 'c'])).toBe(false);
    expect(await refused(['x', 'y', 'z'])).toBe(false);
    expect(await refused(['a', 'b', 'c', 'd'])).toBe(true);
    expect(await refused(['a', 'b'])).toBe(false);
    expect(await refused(['e', 'f', 'g', 'h'])).toBe(true);
  });
});
