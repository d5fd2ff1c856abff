import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { sizeInBytes } from '../src/entity-batching';
import { subgraphFetcher } from '../src/subgraph-fetcher';

/**
 * A subgraph stand-in that answers `_entities` with each representation's id, an error for every
 * third one (its path into the list it was sent), and one SQL statement per request; it records
 * every body it receives.
 */
function entitiesServer() {
  const state = { bodies: [] as string[], server: undefined as unknown as Server, url: '' };
  state.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      state.bodies.push(body);
      if (body.includes('"refuse-me"')) {
        response.statusCode = 413;
        response.setHeader('content-type', 'application/json');
        return void response.end(JSON.stringify({ errors: [{ message: 'The request body is too large', extensions: { code: 'BAD_REQUEST' } }] }));
      }
      const representations = (JSON.parse(body) as { variables?: { representations?: Array<{ id: string }> } }).variables?.representations ?? [];
      const errors = representations.flatMap((representation, index) =>
        Number(representation.id) % 3 === 0 ? [{ message: `no ${representation.id}`, path: ['_entities', index, 'name'] }] : [],
      );
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { _entities: representations.map(({ id }) => ({ id })) }, errors, extensions: { sqlStatements: 1 } }));
    });
  });
  return new Promise<typeof state>((resolve) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/graphql`;
      resolve(state);
    }),
  );
}

const QUERY = 'query Q__activities__1($representations:[_Any!]!){_entities(representations:$representations){...on Actor{id}}}';
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('entity fetches within the subgraph body limit', () => {
  let server: Awaited<ReturnType<typeof entitiesServer>>;
  beforeEach(async () => (server = await entitiesServer()));
  afterEach(() => new Promise((resolve) => server.server.close(resolve)));

  it('splits a larger `_entities` call into requests within the limit, and answers in order with the error paths into the whole list', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 4, maxEntitiesRequestSize: '1kb' }, { merge: true });
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Actor', id: String(i) }));
    const response = await fetcher(server.url, post({ query: QUERY, variables: { representations } }));
    const answer = (await response.json()) as { data: { _entities: Array<{ id: string }> }; errors: Array<{ path: unknown[] }>; extensions: { sqlStatements: number } };

    expect(server.bodies.length).toBeGreaterThan(2);
    expect(server.bodies.every((body) => Buffer.byteLength(body) <= 1024)).toBe(true);
    expect(answer.data._entities.map(({ id }) => id)).toEqual(representations.map(({ id }) => id));
    expect(answer.errors.map(({ path }) => path)).toEqual(representations.filter(({ id }) => Number(id) % 3 === 0).map(({ id }) => ['_entities', Number(id), 'name']));
    expect(answer.extensions.sqlStatements).toBe(server.bodies.length);
  });

  it('answers as the subgraph refused when it refuses one of the requests', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 4, maxEntitiesRequestSize: '1kb' });
    const representations = Array.from({ length: 100 }, (_, i) => ({ __typename: 'Actor', id: i === 60 ? 'refuse-me' : String(i) }));
    const response = await fetcher(server.url, post({ query: QUERY, variables: { representations } }));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { errors: Array<{ message: string }> }).errors[0].message).toBe('The request body is too large');
    expect(server.bodies.length).toBeGreaterThan(2);
  });

  it('sends a call within the limit, and any other request, as it is', async () => {
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 4, maxEntitiesRequestSize: '1kb' });
    const few = { query: QUERY, variables: { representations: [{ __typename: 'Actor', id: '1' }] } };
    const large = { query: '{ __typename }', variables: { padding: 'x'.repeat(4096) } };
    await (await fetcher(server.url, post(few))).text();
    await (await fetcher(server.url, post(large))).text();
    expect(server.bodies).toEqual([JSON.stringify(few), JSON.stringify(large)]);
  });

  it('reads sizes as the services write them', () => {
    expect([sizeInBytes('600b'), sizeInBytes('100kb'), sizeInBytes('3mb')]).toEqual([600, 102400, 3 * 1024 * 1024]);
  });
});
