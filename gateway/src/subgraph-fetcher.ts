import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch, Response } from 'undici';
import { SubgraphLimits } from '@samverkan/platform/dist/core';
import { entityBatchingFetcher, sizeInBytes } from './entity-batching';
import { mergingFetcher } from './request-merging';

type Fetcher = RemoteGraphQLDataSource['fetcher'];

/**
 * The HTTP client for one subgraph: undici (the engine of Node's own fetch) over keep-alive
 * connections, at most `maxInFlight` of them. A request beyond that waits in the agent's queue for a
 * free connection; waiting and answering together get `timeoutMs`, so a frozen subgraph costs a
 * query at most the timeout and never holds the gateway's requests to the other subgraphs.
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
    if (onSent && typeof init?.body === 'string') onSent(Buffer.byteLength(init.body, 'utf8'));
    return asGraphQLAnswer(await fetch(url, { ...init, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) } as Parameters<typeof fetch>[1]));
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
function asGraphQLAnswer(response: Response): Response {
  const graphql = /^application\/(graphql-response\+)?json/.test(response.headers.get('content-type') ?? '');
  if (!REFUSAL_STATUSES.has(response.status) || !graphql) return response;
  return new Response(response.body, { status: 200, headers: response.headers });
}

/** Whether a fetch failed because it ran out of time (AbortSignal.timeout), not because it could not connect. */
export const isTimeout = (error: unknown) => (error as { name?: unknown } | undefined)?.name === 'TimeoutError';
