import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { isTimeout, subgraphFetcher } from '../src/subgraph-fetcher';

/**
 * A subgraph stand-in that answers after `delayMs` and counts how many requests are open at once: a
 * request is open until it is answered or its caller gives up on it (its connection closes), so a
 * request the fetcher abandoned no longer counts, however late the stand-in's own timer fires.
 */
function slowServer(delayMs: number) {
  const state = { open: 0, most: 0, server: undefined as unknown as Server, url: '' };
  state.server = createServer((_request, response) => {
    state.open += 1;
    state.most = Math.max(state.most, state.open);
    response.once('close', () => (state.open -= 1));
    setTimeout(() => {
      if (response.destroyed) return;
      response.setHeader('content-type', 'application/json');
      response.end('{"data":{}}');
    }, delayMs);
  });
  return new Promise<typeof state>((resolve) =>
    state.server.listen(0, '127.0.0.1', () => {
      state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/graphql`;
      resolve(state);
    }),
  );
}

const post = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

describe('subgraphFetcher', () => {
  let slow: Awaited<ReturnType<typeof slowServer>>;
  afterEach(() => new Promise((resolve) => slow.server.close(resolve)));

  it('keeps at most maxInFlight requests open to a subgraph; the rest wait their turn', async () => {
    slow = await slowServer(100);
    const fetcher = subgraphFetcher({ timeoutMs: 5000, maxInFlight: 3 });
    const responses = await Promise.all(Array.from({ length: 10 }, () => fetcher(slow.url, post)));
    expect(responses.every((response) => response.ok)).toBe(true);
    expect(slow.most).toBe(3);
  });

  it('gives up after the timeout, waiting for a free connection included', async () => {
    slow = await slowServer(1000);
    const fetcher = subgraphFetcher({ timeoutMs: 300, maxInFlight: 1 });
    const started = Date.now();
    const results = await Promise.allSettled([fetcher(slow.url, post), fetcher(slow.url, post)]);
    expect(Date.now() - started).toBeLessThan(900);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(isTimeout((result as PromiseRejectedResult).reason)).toBe(true);
    }
    expect(slow.most).toBe(1);
  });
});
