import { rssMb } from './load';
import { DEMO_AREAS } from '@samverkan/demo';
import { districtPicture } from '@samverkan/dev';
import { runBench, startDemoFederation } from './harness';
import { summarise, Timing } from './stats';

/**
 * The gateway's price for staying up and saying what is wrong: the area overview (the README's first
 * example) through two gateways in front of the same subgraphs (demo data), one with its defaults
 * (a JSON access line per request, Prometheus metrics, the subgraph timeout and in-flight limit) and
 * one with logging silent, metrics off and a timeout that never fires. Rounds alternate between the
 * two, so both see the same machine. Uses SAMVERKAN_BENCH_DATABASE_URL, else an embedded PostgreSQL.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const RUNS_PER_ROUND = Number(process.env.BENCH_RUNS ?? 20);

const OVERVIEW = districtPicture(DEMO_AREAS.rinkebyKista);

const GATEWAYS = {
  'defaults (logs, metrics, timeout)': { LOG_LEVEL: 'info' },
  'logs silent, metrics off, no timeout': { LOG_LEVEL: 'silent', METRICS_ENABLED: 'false', SUBGRAPH_TIMEOUT_MS: '600000' },
} as const;

async function overview(url: string, authorization: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: OVERVIEW }) });
  const body = (await response.json()) as { data?: { area?: { actors: unknown[] } }; errors?: unknown[] };
  if (body.errors || !body.data?.area?.actors.length) throw new Error(`the overview failed: ${JSON.stringify(body).slice(0, 500)}`);
}

runBench('gateway', async (setup) => {
  const federation = await startDemoFederation(setup, GATEWAYS);
  const gateways = federation.gateways.map((gateway) => ({ ...gateway, samples: [] as number[] }));
  const { authorization } = federation;
  for (const gateway of gateways) for (let i = 0; i < 10; i++) await overview(gateway.service.url, authorization); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const gateway of round % 2 ? [...gateways].reverse() : gateways) {
      for (let i = 0; i < RUNS_PER_ROUND; i++) {
        const start = process.hrtime.bigint();
        await overview(gateway.service.url, authorization);
        gateway.samples.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  }
  const rows: Array<[string, Timing, number]> = gateways.map((g) => [g.label, summarise(g.samples), rssMb(g.service.child.pid!)]);
  const [on, off] = rows.map(([, timing]) => timing);
  console.log(`
Gateway overhead benchmark — the area overview of Rinkeby-Kista (demo data) as a municipality official;
${ROUNDS} alternating rounds of ${RUNS_PER_ROUND} runs per gateway after 10 warm-up runs; PostgreSQL ${setup.embedded ? 'embedded' : 'from SAMVERKAN_BENCH_DATABASE_URL'}.

| gateway | median ms | p95 ms | max ms | resident memory |
|---|---|---|---|---|
${rows.map(([label, t, rss]) => `| ${label} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} | ${rss.toFixed(0)} MB |`).join('\n')}

Defaults against everything off: median ×${(on.median / off.median).toFixed(2)}, p95 ×${(on.p95 / off.p95).toFixed(2)}.`);
});
