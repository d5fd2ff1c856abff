import { rssMb } from './load';
import { DEMO_AREAS } from '@samverkan/demo';
import { districtPicture, ServiceProcess } from '@samverkan/dev';
import { runBench, startDemoFederation } from './harness';
import { summarise } from './stats';

/**
 * The gateway under concurrent load: the area overview (the README's first example) from one caller
 * at 1, 10 and 40 connections for BENCH_SECONDS each, with merging of identical in-flight subgraph
 * requests on and off (two gateways in front of the same subgraphs, alternating). Prints requests per
 * second, p50 and p99, and the subgraph fetches the gateway made per client request (from its
 * Prometheus metrics). Uses SAMVERKAN_BENCH_DATABASE_URL, else an embedded PostgreSQL.
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10,40').split(',').map(Number);
const OVERVIEW = districtPicture(DEMO_AREAS.rinkebyKista);

const GATEWAYS: Record<string, Record<string, string>> = {
  'merging on (default)': {},
  'merging off': { GATEWAY_MERGE_SUBGRAPH_REQUESTS: 'false' },
};

async function overview(url: string, authorization: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: OVERVIEW }) });
  const body = (await response.json()) as { data?: { area?: { actors: unknown[] } }; errors?: unknown[] };
  if (body.errors || !body.data?.area?.actors.length) throw new Error(`the overview failed: ${JSON.stringify(body).slice(0, 500)}`);
}

/** Subgraph HTTP requests the gateway sent so far (fetches less merged ones), from its metrics. */
async function subgraphRequests(service: ServiceProcess): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${service.port}/metrics`)).text();
  const sum = (name: string) =>
    text
      .split('\n')
      .filter((line) => line.startsWith(name))
      .reduce((total, line) => total + Number(line.split(' ').pop()), 0);
  return sum('gateway_subgraph_fetch_duration_seconds_count') - sum('gateway_subgraph_requests_merged_total');
}

async function load(url: string, authorization: string, connections: number) {
  const samples: number[] = [];
  const deadline = Date.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < deadline) {
        const start = process.hrtime.bigint();
        await overview(url, authorization);
        samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }),
  );
  return samples;
}

runBench('concurrent', async (setup) => {
  const { gateways, authorization } = await startDemoFederation(setup, GATEWAYS);
  for (const gateway of gateways) for (let i = 0; i < 20; i++) await overview(gateway.service.url, authorization); // warm-up
  const rows: string[] = [];
  for (const connections of CONNECTIONS) {
    for (const { label, service } of connections % 2 ? [...gateways].reverse() : gateways) {
      const before = await subgraphRequests(service);
      const samples = await load(service.url, authorization, connections);
      const sent = (await subgraphRequests(service)) - before;
      const t = summarise(samples);
      const p99 = [...samples].sort((a, b) => a - b)[Math.ceil(0.99 * samples.length) - 1];
      rows.push(
        `| ${label} | ${connections} | ${(samples.length / SECONDS).toFixed(0)} | ${t.median.toFixed(1)} | ${p99.toFixed(1)} | ${(sent / samples.length).toFixed(2)} | ${rssMb(service.child.pid!).toFixed(0)} MB |`,
      );
    }
  }
  console.log(`
Gateway under concurrent load — the area overview of Rinkeby-Kista (demo data), one caller, ${SECONDS} s per cell.

| gateway | connections | requests/s | p50 ms | p99 ms | subgraph requests per client request | resident memory |
|---|---|---|---|---|---|---|
${rows.join('\n')}`);
});
