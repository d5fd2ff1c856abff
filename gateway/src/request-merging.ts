import type { RemoteGraphQLDataSource } from '@apollo/gateway';

type Fetcher = RemoteGraphQLDataSource['fetcher'];
type Init = NonNullable<Parameters<Fetcher>[1]>;

/** The start of a query as the gateway's query planner writes it: `query ...` or a name-less `{ ... }`. Anything else (a mutation) is not merged. */
const QUERY = /^(query\b|\{)/;

/**
 * The request's merging key, or undefined for one that must be sent on its own. The gateway makes
 * one fetcher per subgraph, so the key need not name it: the caller's Authorization header (never
 * two callers' tokens in one request) and the exact body (query, operation name, variables). A
 * mutation is never merged: each must run.
 */
function keyOf(init: Init | undefined): string | undefined {
  if (init?.method !== undefined && init.method !== 'POST') return undefined;
  const body = init?.body;
  if (typeof body !== 'string') return undefined;
  // The body is `{"query":"...`: the query starts right after its key (the gateway's data source puts it first).
  if (!body.startsWith('{"query":"') || !QUERY.test(body.slice(10, 16))) return undefined;
  const headers = (init?.headers ?? {}) as Record<string, string>;
  const authorization = headers.authorization ?? headers.Authorization ?? '';
  // A NUL separates the parts: a header value cannot hold one.
  return `${authorization}\u0000${body}`;
}

/**
 * Merges identical in-flight requests to one subgraph: while a request with the same Authorization
 * header and the same body is on its way, another waits for its answer and gets a copy of it
 * instead of being sent again. Only queries are merged, never mutations, and never requests from
 * two tokens. An answer is shared only with those that waited for it, failures and timeouts
 * included: once it has come, the next identical request is sent afresh (nothing is cached).
 * `onMerged` is told of each request that was not sent.
 */
export function mergingFetcher(fetcher: Fetcher, onMerged: () => void = () => {}): Fetcher {
  const inFlight = new Map<string, ReturnType<Fetcher>>();
  const merging = async (url: string, init?: Init) => {
    const key = keyOf(init);
    if (key === undefined) return fetcher(url, init);
    const pending = inFlight.get(key);
    if (pending) {
      onMerged();
      return pending;
    }
    // Fetchers read answers whole (SubgraphAnswer): one can be handed to every caller that waited.
    const answer = fetcher(url, init);
    inFlight.set(key, answer);
    const done = () => void inFlight.delete(key);
    answer.then(done, done);
    return answer;
  };
  return merging as Fetcher;
}
