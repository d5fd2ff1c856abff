import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dropDatabase, ensureDatabase, envName, SUBGRAPHS, SubgraphName, withDatabase } from '@samverkan/platform';
import { DEMO_ACTORS } from '@samverkan/demo';
import { Role } from '@samverkan/federation';
import { ensureLocalKeys, freePort, ServiceProcess, signLocalToken, startEmbeddedPostgres, startProcess } from '@samverkan/dev';

/** What every benchmark sets up: four scratch databases, a local issuer, ports, and what it started. */
export interface BenchSetup {
  /** Whether PostgreSQL is an embedded server (else SAMVERKAN_BENCH_DATABASE_URL's). */
  embedded: boolean;
  databases: Record<SubgraphName, string>;
  ports: Record<SubgraphName, number>;
  keys: { jwksFile: string; privateKeyFile: string };
  /** The environment every service gets: the issuer's keys, quiet logs, where each subgraph is. */
  common: Record<string, string>;
  /** Services to stop at the end, whatever happens. */
  started: ServiceProcess[];
  /** A subgraph's own environment on top of `common`. */
  subgraphEnv(name: SubgraphName): Record<string, string>;
}

/**
 * Runs a benchmark on scratch databases (`bench_<prefix>_<subgraph>_<time>`) on SAMVERKAN_BENCH_DATABASE_URL's
 * server, else an embedded PostgreSQL, and stops and drops everything afterwards; exits 1 on failure.
 */
export function runBench(prefix: string, body: (setup: BenchSetup) => Promise<void>): void {
  const run = async () => {
    const embedded = process.env.SAMVERKAN_BENCH_DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: join(__dirname, '../.data/bench-postgres'), port: 54331 });
    const server = process.env.SAMVERKAN_BENCH_DATABASE_URL ?? embedded!.url;
    const keys = await ensureLocalKeys(mkdtempSync(join(tmpdir(), 'samverkan-bench-keys-')));
    const stamp = Date.now();
    const databases = Object.fromEntries(SUBGRAPHS.map((name) => [name, withDatabase(server, `bench_${prefix}_${name}_${stamp}`)])) as Record<SubgraphName, string>;
    const ports = Object.fromEntries(await Promise.all(SUBGRAPHS.map(async (name) => [name, await freePort()]))) as Record<SubgraphName, number>;
    const common = {
      AUTH_JWKS_FILE: keys.jwksFile,
      // The concerns subgraph encrypts guardians' contact details: a key of the run's own.
      CONCERN_CONTACT_KEY: randomBytes(32).toString('base64'),
      LOG_LEVEL: 'warn',
      ...Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), `http://127.0.0.1:${ports[name]}/graphql`])),
    };
    const started: ServiceProcess[] = [];
    const subgraphEnv = (name: SubgraphName) => ({ [envName(name, 'PORT')]: String(ports[name]), [envName(name, 'DATABASE_URL')]: databases[name] });
    try {
      await body({ embedded: Boolean(embedded), databases, ports, keys, common, started, subgraphEnv });
    } finally {
      await Promise.all(started.map((service) => service.stop()));
      for (const url of Object.values(databases)) await dropDatabase(url);
      await embedded?.stop();
    }
  };
  run().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * The demo federation the gateway benchmarks compare gateways on: the five subgraphs with demo data
 * (the actors registry first: the others check their demo references against it), one gateway per
 * label with its own environment, and a municipality official's token for the area overview.
 */
export async function startDemoFederation<L extends string>(setup: BenchSetup, gateways: Record<L, Record<string, string>>) {
  const { databases, ports, keys, common, started, subgraphEnv } = setup;
  for (const url of Object.values(databases)) await ensureDatabase(url);
  for (const name of SUBGRAPHS) started.push(await startProcess(name, ports[name], { ...common, SEED_DEMO_DATA: 'true', ...subgraphEnv(name) }));
  const running = await Promise.all(
    (Object.entries(gateways) as Array<[L, Record<string, string>]>).map(async ([label, env]) => {
      const port = await freePort();
      const service = await startProcess('gateway', port, { ...common, GATEWAY_PORT: String(port), ...env });
      started.push(service);
      return { label, service };
    }),
  );
  const authorization = `Bearer ${await signLocalToken(keys.privateKeyFile, { organisationId: DEMO_ACTORS.rinkebyKistaStadsdel, roles: [Role.COORDINATOR] })}`;
  return { gateways: running, authorization };
}
