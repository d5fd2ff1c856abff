import { DEMO_ACTORS as A, DEMO_AREAS as AR } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { bearer, startTestSubgraph, TestSubgraph } from '@samverkan/test-support';
import { actorsSubgraph } from '../src';

/** The registry's change feed and snapshot hold several record types (issue 12): filters by type pick among them. */
let subgraph: TestSubgraph;
let hyresgast: Record<string, string>;

beforeAll(async () => {
  subgraph = await startTestSubgraph(actorsSubgraph);
  hyresgast = await bearer(A.hyresgastforeningen, [Role.COORDINATOR]);
});
afterAll(() => subgraph?.stop());

const query = async (text: string, variables: Record<string, unknown> = {}) => {
  const response = await subgraph.query(text, variables, hyresgast);
  expect(response.errors).toBeUndefined();
  return response.data!;
};

it('follows one record type among several, and the public registry is the same to everyone', async () => {
  const start = (await query('{ actorFeedEnd }')).actorFeedEnd;
  const venue = (await query('mutation($input: CreateVenueInput!) { createVenue(input: $input) { id } }', { input: { actorId: A.hyresgastforeningen, name: 'Lokal B', areaCode: AR.rosengard, capacity: 10 } })).createVenue;
  const fn = (
    await query('mutation($input: CreateContactFunctionInput!) { createContactFunction(input: $input) { id } }', {
      input: { actorId: A.hyresgastforeningen, name: 'Trygghetsvärd', areaCode: AR.rosengard },
    })
  ).createContactFunction;
  const FEED = 'query($after: String, $types: [String!]) { actorChanges(after: $after, types: $types) { entries { type id action } } }';
  expect((await query(FEED, { after: start, types: ['Venue'] })).actorChanges.entries).toEqual([{ type: 'Venue', id: venue.id, action: 'CREATED' }]);
  const all = (await query(FEED, { after: start })).actorChanges.entries;
  expect(all).toEqual([
    { type: 'Venue', id: venue.id, action: 'CREATED' },
    { type: 'ContactFunction', id: fn.id, action: 'CREATED' },
  ]);
  expect((await subgraph.query(FEED, { after: start })).data!.actorChanges.entries).toEqual(all);
});

it('gives a snapshot of the chosen types, type after type, each record once', async () => {
  const SNAPSHOT = `query($page: String) { actorSnapshot(page: $page, first: 100, types: ["ContactFunction", "Venue"]) {
    nextPage records { __typename ... on Venue { id } ... on ContactFunction { id } } } }`;
  const records: Array<{ __typename: string; id: string }> = [];
  let page: string | null = null;
  do {
    const result: { nextPage: string | null; records: typeof records } = (await subgraph.query(SNAPSHOT, { page })).data!.actorSnapshot;
    records.push(...result.records);
    page = result.nextPage;
  } while (page);
  const ids = async (table: string) => (await subgraph.dataSource.query(`SELECT id FROM ${table} ORDER BY id`)).map((r: { id: string }) => r.id);
  expect(records.filter((r) => r.__typename === 'Venue').map((r) => r.id)).toEqual(await ids('venues'));
  expect(records.filter((r) => r.__typename === 'ContactFunction').map((r) => r.id)).toEqual(await ids('contact_functions'));
  // In the feed's order of types (venues, then contact functions), whatever order `types` names them in.
  expect(records.findIndex((r) => r.__typename === 'ContactFunction')).toBe(records.filter((r) => r.__typename === 'Venue').length);
});
