import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ACTORS, DEMO_AREAS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { dropDatabase, ensureDatabase, envName, SUBGRAPHS, SubgraphName, withDatabase } from '@samverkan/platform';
import { districtPicture, ensureLocalKeys, freePort, ServiceProcess, signLocalToken, startEmbeddedPostgres, startProcess } from '@samverkan/dev';
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
  'defaults (logs, metrics, timeout)': {},
  'logs silent, metrics off, no timeout': { LOG_LEVEL: 'silent', METRICS_ENABLED: 'false', SUBGRAPH_TIMEOUT_MS: '600000' },
} as const;

const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function overview(url: string, authorization: string): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization }, body: JSON.stringify({ query: OVERVIEW }) });
  const body = (await response.json()) as { data?: { area?: { actors: unknown[] } }; errors?: unknown[] };
  if (body.errors || !body.data?.area?.actors.length) throw new Error(`the overview failed: ${JSON.stringify(body).slice(0, 500)}`);
}

async function main() {
  const embedded = process.env.SAMVERKAN_BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(__dirname, '../.data/bench-postgres'), port: 54331 });
  const server = process.env.SAMVERKAN_BENCH_DATABASE_URL ?? embedded!.url;
  const keys = await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-bench-keys-')));
  const databases = Object.fromEntries(SUBGRAPHS.map((name) => [name, withDatabase(server, `bench_${name}_${Date.now()}`)])) as Record<SubgraphName, string>;
  const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()]))) as Record<SubgraphName, number>;
  const common = {
    AUTH_JWKS_FILE: keys.jwksFile,
    ...Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), `http://127.0.0.1:${ports[name]}/graphql`])),
  };
  const started: ServiceProcess[] = [];
  try {
    for (const url of Object.values(databases)) await ensureDatabase(url);
    // The actors registry first: the others check their demo references against it.
    for (const name of SUBGRAPHS) {
      const env = { ...common, LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'true', [envName(name, 'PORT')]: String(ports[name]), [envName(name, 'DATABASE_URL')]: databases[name] };
      started.push(await startProcess(name, ports[name], env));
    }
    const gateways = await Promise.all(
      Object.entries(GATEWAYS).map(async ([label, env]) => {
        const port = await freePort();
        const service = await startProcess('gateway', port, { ...common, GATEWAY_PORT: String(port), ...env });
        started.push(service);
        return { label, service, samples: [] as number[] };
      }),
    );
    const authorization = `Bearer ${await signLocalToken(keys.privateKeyFile, { organisationId: DEMO_ACTORS.rinkebyKistaStadsdel, roles: [Role.COORDINATOR] })}`;
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
${ROUNDS} alternating rounds of ${RUNS_PER_ROUND} runs per gateway after 10 warm-up runs; PostgreSQL ${embedded ? 'embedded' : 'from SAMVERKAN_BENCH_DATABASE_URL'}.

| gateway | median ms | p95 ms | max ms | resident memory |
|---|---|---|---|---|
${rows.map(([label, t, rss]) => `| ${label} | ${t.median.toFixed(1)} | ${t.p95.toFixed(1)} | ${t.max.toFixed(1)} | ${rss.toFixed(0)} MB |`).join('\n')}

Defaults against everything off: median ×${(on.median / off.median).toFixed(2)}, p95 ×${(on.p95 / off.p95).toFixed(2)}.`);
  } finally {
    await Promise.all(started.map((service) => service.stop()));
    for (const url of Object.values(databases)) await dropDatabase(url);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
