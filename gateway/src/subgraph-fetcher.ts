import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { STATUS_CODES } from 'node:http';
import { Agent } from 'undici';
import { SubgraphLimits } from '@samverkan/platform/dist/core';
import { entityBatchingFetcher, sizeInBytes } from './entity-batching';
import { mergingFetcher } from './request-merging';
import { SubgraphAnswer } from './subgraph-answer';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The HTTP client for one subgraph: undici's own request API (not its Fetch API, whose web streams
 * cost a sixth of the gateway's CPU) over keep-alive connections, at most `maxInFlight` of them. The
 * answer is read whole before it is handed on (`SubgraphAnswer`). A request beyond `maxInFlight`
 * waits in the agent's queue for a free connection; waiting, sending and reading the answer together
 * get `timeoutMs`, so a frozen subgraph costs a query at most the timeout and never holds the
 * gateway's requests to the other subgraphs.
 *
 * With `merge` (GATEWAY_MERGE_SUBGRAPH_REQUESTS), identical queries in flight share one request
 * (`mergingFetcher`); `onMerged` counts those not sent. `onSent` is told the body size of each
 * request that goes out.
 *
 * An entity fetch whose body would exceed `maxEntitiesRequestSize` (SUBGRAPH_MAX_REQUEST_SIZE) goes
 * out as several requests within it (`entityBatchingFetcher`), each with its own timeout and each
 * merged with identical ones in flight.
 */
export function subgraphFetcher(
  { timeoutMs, maxInFlight, maxEntitiesRequestSize = '100kb' }: Pick<SubgraphLimits, 'timeoutMs' | 'maxInFlight'> & Partial<SubgraphLimits>,
  { merge = false, onMerged, onSent }: { merge?: boolean; onMerged?: () => void; onSent?: (bodyBytes: number) => void } = {},
): Fetcher {
  const agent = new Agent({ connections: maxInFlight });
  const fetcher = (async (url: string, init?: Parameters<Fetcher>[1]) => {
    const body = typeof init?.body === 'string' ? init.body : undefined;
    if (onSent && body !== undefined) onSent(Buffer.byteLength(body, 'utf8'));
    const { origin, pathname, search } = new URL(url);
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await agent.request({
      origin,
      path: pathname + search,
      method: (init?.method ?? 'GET') as 'GET' | 'POST',
      headers: init?.headers as Record<string, string> | undefined,
      body,
      signal,
    });
    const answer = new SubgraphAnswer(await response.body.text(), response.statusCode, response.headers, url, STATUS_CODES[response.statusCode]);
    return asGraphQLAnswer(answer).asResponse();
  }) as unknown as Fetcher;
  return entityBatchingFetcher(merge ? mergingFetcher(fetcher, onMerged) : fetcher, sizeInBytes(maxEntitiesRequestSize));
}

/** The statuses of a refused operation (`refusalStatus`) and of a query Apollo refuses to run (400). */
const REFUSAL_STATUSES = new Set([400, 401, 403, 404, 409]);

/**
 * A subgraph answers a refused operation (bad input, a stale version…) with a 4xx status and a
 * GraphQL body. That body is the answer: read it as one, with every error's path, code and fields,
 * rather than as a failed fetch (which keeps only the first error's message). The gateway then sets
 * its own status from the whole answer. Other failures (413: a body too large) still fail the fetch.
 */
function asGraphQLAnswer(answer: SubgraphAnswer): SubgraphAnswer {
  const graphql = /^application\/(graphql-response\+)?json/.test(answer.headers.get('content-type') ?? '');
  return REFUSAL_STATUSES.has(answer.status) && graphql ? answer.withStatus(200) : answer;
}

/** Whether a fetch failed because it ran out of time (AbortSignal.timeout), not because it could not connect. */
export const isTimeout = (error: unknown) => (error as { name?: unknown } | undefined)?.name === 'TimeoutError';
