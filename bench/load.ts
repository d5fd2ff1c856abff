import { readFileSync } from 'node:fs';
import { summarise, Timing } from './stats';

/** What the benchmarks post to a GraphQL endpoint and read back. */
export type GraphQLBody = { data?: Record<string, any>; errors?: Array<{ message: string }> }; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A GraphQL request; fails on errors in the answer, so a fast error never counts as a fast answer. */
export async function post(url: string, query: string, authorization: string, variables: Record<string, unknown> = {}): Promise<GraphQLBody> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as GraphQLBody;
  if (body.errors?.length) throw new Error(`${query.slice(0, 200)}…\n${JSON.stringify(body.errors).slice(0, 1000)}`);
  return body;
}

/** A process's resident memory now, in MB (Linux). */
export const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

export interface Load {
  timing: Timing;
  /** The latencies themselves, for pooling rounds. */
  samples: number[];
  perSecond: number;
  /** Requests answered with errors (counted in the latencies too), with the first message. */
  errors: number;
  firstError?: string;
}

/**
 * Calls of `fn` over `connections` concurrent loops after `warmup` unmeasured calls: `requests` calls
 * in all, or as many as fit in `seconds`; with their latencies and throughput.
 */
export async function load(fn: () => Promise<void>, amount: { requests: number } | { seconds: number }, connections: number, warmup = 0): Promise<Load> {
  for (let i = 0; i < warmup; i++) await fn().catch(() => undefined);
  const samples: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = process.hrtime.bigint();
  const deadline = 'seconds' in amount ? Date.now() + amount.seconds * 1000 : Infinity;
  const more = () => ('requests' in amount ? next++ < amount.requests : Date.now() < deadline);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (more()) {
        const start = process.hrtime.bigint();
        try {
          await fn();
        } catch (error) {
          errors++;
          firstError ??= String(error).split('\n').slice(-1)[0].slice(0, 300);
        }
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { timing: summarise(samples), samples, perSecond: samples.length / seconds, errors, firstError };
}
