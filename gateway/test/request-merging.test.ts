import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { isTimeout, subgraphFetcher } from '../src/subgraph-fetcher';

/**
 * A subgraph stand-in that answers after `delayMs`, echoing the Authorization header and the body
 * it got, and records every request it received. `status` answers with another status.
 */
function recordingServer(delayMs: number, status = 200) {
  const state = { received: [] as Array<{ authorization?: string; body: string }>, server: undefined as unknown as Server, url: '' };
  state.server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      state.received.push({ authorization: request.headers.authorization, body });
      setTimeout(() => {
        response.statusCode = status;
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ data: { authorization: request.headers.authorization ?? null, body, n: state.received.length } }));
      }, delayMs);
    });
  });
  return new Promise<typeof state>((resolve) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/graphql`;
      resolve(state);
    }),
  );
}

/** A request as the gateway's data source sends it: the query first in the body. */
const request = (query: string, authorization?: string, variables: Record<string, unknown> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
  body: JSON.stringify({ query, variables }),
});

const QUERY = 'query Overview__actors__0($code:String!){area(code:$code){name}}';

describe('merging identical in-flight subgraph requests', () => {
  let server: Awaited<ReturnType<typeof recordingServer>>;
  afterEach(() => new Promise((resolve) => server.server.close(resolve)));

  it('sends identical concurrent queries from one token once, and each caller gets the whole answer', async () => {
    server = await recordingServer(200);
    let merged = 0;
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 }, { merge: true, onMerged: () => (merged += 1) });
    const responses = await Promise.all(Array.from({ length: 5 }, () => fetcher(server.url, request(QUERY, 'Bearer a', { code: '0180' }))));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    expect(server.received).toHaveLength(1);
    expect(merged).toBe(4);
    expect(responses.every((response) => response.ok && response.headers.get('content-type') === 'application/json')).toBe(true);
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(bodies[0]).toMatchObject({ data: { authorization: 'Bearer a', n: 1 } });
  });

  it('never merges requests with two different tokens, nor a token with none', async () => {
    server = await recordingServer(200);
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 }, { merge: true });
    const callers = ['Bearer a', 'Bearer b', undefined, 'Bearer a', 'Bearer b', undefined];
    const bodies = (await Promise.all((await Promise.all(callers.map((token) => fetcher(server.url, request(QUERY, token))))).map((r) => r.json()))) as Array<{
      data: { authorization: string | null };
    }>;
    // One request per token, each with its own token, and each caller got the answer made for its own.
    expect(server.received.map(({ authorization }) => authorization ?? null).sort()).toEqual(['Bearer a', 'Bearer b', null].sort());
    bodies.forEach((body, i) => expect(body.data.authorization).toBe(callers[i] ?? null));
  });

  it('does not merge different variables, mutations, or when switched off', async () => {
    server = await recordingServer(100);
    const merging = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 }, { merge: true });
    await Promise.all([merging(server.url, request(QUERY, 'Bearer a', { code: '0180' })), merging(server.url, request(QUERY, 'Bearer a', { code: '1480' }))]);
    expect(server.received).toHaveLength(2);
    const mutation = 'mutation Create__activities__0{createActivity(input:{title:"x"}){id}}';
    await Promise.all([merging(server.url, request(mutation, 'Bearer a')), merging(server.url, request(mutation, 'Bearer a'))]);
    expect(server.received).toHaveLength(4);
    const plain = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 });
    await Promise.all([plain(server.url, request(QUERY, 'Bearer a')), plain(server.url, request(QUERY, 'Bearer a'))]);
    expect(server.received).toHaveLength(6);
  });

  it('keeps no answer once it has come: the next identical request is sent afresh', async () => {
    server = await recordingServer(10);
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 }, { merge: true });
    const first = (await (await fetcher(server.url, request(QUERY, 'Bearer a'))).json()) as { data: { n: number } };
    const second = (await (await fetcher(server.url, request(QUERY, 'Bearer a'))).json()) as { data: { n: number } };
    expect([first.data.n, second.data.n]).toEqual([1, 2]);
  });

  it('shares a failed answer or a timeout only with those already waiting', async () => {
    server = await recordingServer(100, 503);
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 8 }, { merge: true });
    const failed = await Promise.all([fetcher(server.url, request(QUERY, 'Bearer a')), fetcher(server.url, request(QUERY, 'Bearer a'))]);
    expect(failed.map((response) => response.status)).toEqual([503, 503]);
    expect(server.received).toHaveLength(1);
    await new Promise((resolve) => server.server.close(resolve));

    server = await recordingServer(1000);
    const impatient = subgraphFetcher({ timeoutMs: 200, maxInFlight: 8 }, { merge: true });
    const timedOut = await Promise.allSettled([impatient(server.url, request(QUERY, 'Bearer a')), impatient(server.url, request(QUERY, 'Bearer a'))]);
    for (const result of timedOut) expect(result.status === 'rejected' && isTimeout(result.reason)).toBe(true);
    expect(server.received).toHaveLength(1);
    // After the timeout, a new request is sent, not the old failure.
    await expect(impatient(server.url, request(QUERY, 'Bearer a'))).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(server.received).toHaveLength(2);
  });
});
