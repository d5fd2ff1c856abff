import { join } from 'node:path';
import { ensureDatabase, envName, loadConfigOrExit, StartConfig, SUBGRAPHS, SubgraphName, withDatabase } from '@samverkan/platform';
import { ensureLocalKeys } from './local-issuer';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';
import { ServiceProcess, startProcess } from './processes';

/**
 * `npm start`: the whole federation on this machine. With no configuration it runs an embedded
 * PostgreSQL (data in .data/postgres, kept between runs), one database per subgraph with demo
 * data; with `<SUBGRAPH>_DATABASE_URL` set for every subgraph it uses those servers instead.
 */
const ROOT = join(__dirname, '../..');

const EXAMPLE_QUERY = `{
  area(code: "0180-rinkeby-kista") {
    name
    latestSituationReport { level trend summary reportedBy { name } }
    actors(scope: OVERLAPPING) {
      name kind
      agreements { title kind status }
      activities { title kind startsOn }
    }
  }
}`;

async function databases(config: StartConfig): Promise<{ urls: Record<SubgraphName, string>; embedded?: EmbeddedServer; seed: boolean }> {
  if (config.databaseUrls) return { urls: config.databaseUrls, seed: config.seedDemoData ?? false };
  console.log(`Starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in .data/postgres) ...`);
  const embedded = await startEmbeddedPostgres({ dataDir: join(ROOT, '.data/postgres'), port: config.embeddedPostgresPort });
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, withDatabase(embedded.url, `samverkan_${name}`)])) as Record<SubgraphName, string>;
  for (const url of Object.values(urls)) await ensureDatabase(url);
  return { urls, embedded, seed: config.seedDemoData ?? true };
}

async function main() {
  // Checks what every service it starts reads too, so a bad value stops it before anything runs.
  const config = loadConfigOrExit('start');
  const { ports } = config;
  const started = Date.now();
  const children: ServiceProcess[] = [];
  let embedded: EmbeddedServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping ...');
    await Promise.all(children.map((child) => child.stop()));
    await embedded?.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));

  try {
    const db = await databases(config);
    embedded = db.embedded;
    // Every service learns where the others are, so subgraphs can check references, and how to
    // verify tokens: an OIDC provider's keys if configured, else the local issuer's.
    const urls: Record<string, string> = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), config.urls[name]]));
    if (!config.keysConfigured) {
      urls.AUTH_JWKS_FILE = (await ensureLocalKeys(join(ROOT, '.data/auth'))).jwksFile;
    }
    const subgraphs = await Promise.all(
      SUBGRAPHS.map((name) =>
        startProcess(name, ports[name], {
          ...urls,
          [envName(name, 'PORT')]: String(ports[name]),
          [envName(name, 'DATABASE_URL')]: db.urls[name],
          SEED_DEMO_DATA: String(db.seed),
        }),
      ),
    );
    children.push(...subgraphs);
    const gateway = await startProcess('gateway', ports.gateway, { ...urls, GATEWAY_PORT: String(ports.gateway) });
    children.push(gateway);
    for (const child of children) {
      child.child.once('exit', (code) => {
        if (stopping) return;
        console.error(`A service stopped unexpectedly (exit ${code}):\n${child.output()}`);
        void stop(1);
      });
    }

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`
samverkan is running (ready in ${seconds} s${db.embedded ? ', embedded PostgreSQL' : ''}).

  Gateway      http://localhost:${ports.gateway}/graphql   (open it in a browser for Apollo Sandbox)
${SUBGRAPHS.map((name) => `  ${name.padEnd(12)} http://localhost:${ports[name]}/graphql`).join('\n')}

Try, for a district, its actors, their agreements and activities, and the latest situation picture,
as a municipality official there (without a token you see what is public):

TOKEN=$(npm run --silent token -- --org rinkebyKistaStadsdel --role COORDINATOR)
curl -s http://localhost:${ports.gateway}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
  -d '${JSON.stringify({ query: EXAMPLE_QUERY.replace(/\s+/g, ' ') })}'

Press Ctrl-C to stop.`);
  } catch (error) {
    console.error('Could not start samverkan:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();

