import { GraphQLDataSource } from '@apollo/gateway';
import { metricsRegistry } from '@samverkan/platform/dist/core';
import { Counter, Histogram } from 'prom-client';

let metrics:
  | { duration: Histogram<'subgraph' | 'outcome'>; failures: Counter<'subgraph' | 'code'>; merged: Counter<'subgraph'>; requestSize: Histogram<'subgraph'> }
  | undefined;

const fetchMetrics = () =>
  (metrics ??= {
    duration: new Histogram({
      name: 'gateway_subgraph_fetch_duration_seconds',
      help: 'Time the gateway waits for one fetch from a subgraph, by outcome: ok, errors (answered with GraphQL errors), failed (no usable answer)',
      labelNames: ['subgraph', 'outcome'] as const,
      registers: [metricsRegistry()],
    }),
    failures: new Counter({
      name: 'gateway_subgraph_fetch_errors_total',
      help: 'Fetches from a subgraph that got no usable answer (unreachable, timed out, refused), by error code',
      labelNames: ['subgraph', 'code'] as const,
      registers: [metricsRegistry()],
    }),
    merged: new Counter({
      name: 'gateway_subgraph_requests_merged_total',
      help: 'Fetches from a subgraph that were not sent because an identical one (same token, same body) was on its way: they shared its answer',
      labelNames: ['subgraph'] as const,
      registers: [metricsRegistry()],
    }),
    requestSize: new Histogram({
      name: 'gateway_subgraph_request_size_bytes',
      help: 'Body size of each request the gateway sends a subgraph; entity fetches are kept within SUBGRAPH_MAX_REQUEST_SIZE (default 100 kB, a bucket bound)',
      labelNames: ['subgraph'] as const,
      buckets: [1024, 10 * 1024, 50 * 1024, 100 * 1024, 1024 * 1024, 3 * 1024 * 1024],
      registers: [metricsRegistry()],
    }),
  });

/** Counts one merged request to `subgraph` (GATEWAY_MERGE_SUBGRAPH_REQUESTS). */
export const countMerged = (subgraph: string) => {
  const counter = fetchMetrics().merged.labels({ subgraph });
  return () => counter.inc();
};

/** Records the body size of one request sent to `subgraph`. */
export const observeRequestSize = (subgraph: string) => {
  const histogram = fetchMetrics().requestSize.labels({ subgraph });
  return (bodyBytes: number) => histogram.observe(bodyBytes);
};

/** A code for the label: an error's `extensions.code` (the gateway's and subgraphs' are a fixed set), else FETCH_FAILED. */
function codeOf(error: unknown): string {
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  return typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'FETCH_FAILED';
}

/**
 * Times every fetch `source` makes from `subgraph` and counts the failed ones. It wraps `process`,
 * the one call the gateway makes per fetch, and leaves the data source's own class alone.
 */
export function withFetchMetrics<S extends GraphQLDataSource>(subgraph: string, source: S): S {
  const { duration, failures } = fetchMetrics();
  const process = source.process.bind(source);
  source.process = async (options) => {
    const stopTimer = duration.startTimer({ subgraph });
    try {
      const response = await process(options);
      stopTimer({ outcome: response.errors?.length ? 'errors' : 'ok' });
      return response;
    } catch (error) {
      stopTimer({ outcome: 'failed' });
      failures.inc({ subgraph, code: codeOf(error) });
      throw error;
    }
  };
  return source;
}
