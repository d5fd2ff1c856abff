import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { Agent, fetch } from 'undici';
import { SubgraphLimits } from '@samverkan/platform';
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
 * (`mergingFetcher`); `onMerged` counts those not sent.
 *
 * An entity fetch whose body would exceed `maxEntitiesRequestSize` (SUBGRAPH_MAX_REQUEST_SIZE) goes
 * out as several requests within it (`entityBatchingFetcher`), each with its own timeout and each
 * merged with identical ones in flight.
 */
export function subgraphFetcher(
  { timeoutMs, maxInFlight, maxEntitiesRequestSize = '100kb' }: Pick<SubgraphLimits, 'timeoutMs' | 'maxInFlight'> & Partial<SubgraphLimits>,
  { merge = false, onMerged }: { merge?: boolean; onMerged?: () => void } = {},
): Fetcher {
  const agent = new Agent({ connections: maxInFlight });
  const fetcher = ((url: string, init?: Parameters<Fetcher>[1]) =>
    fetch(url, { ...init, dispatcher: agent, signal: AbortSignal.timeout(timeoutMs) } as Parameters<typeof fetch>[1])) as unknown as Fetcher;
  return entityBatchingFetcher(merge ? mergingFetcher(fetcher, onMerged) : fetcher, sizeInBytes(maxEntitiesRequestSize));
}

/** Whether a fetch failed because it ran out of time (AbortSignal.timeout), not because it could not connect. */
export const isTimeout = (error: unknown) => (error as { name?: unknown } | undefined)?.name === 'TimeoutError';
