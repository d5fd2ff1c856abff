import { join } from 'node:path';
import { ensureDatabase, envName, loadConfigOrExit, ServiceName, StartConfig, SUBGRAPHS, SubgraphName, withDatabase } from '@samverkan/platform';
import { ensureLocalKeys } from './local-issuer';
import { ensureConcernContactKey } from './concern-contact-key';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded-postgres';
import { howExited, startProcess } from './processes';
import { Supervisor } from './supervisor';
import { dataDirOf } from './data-dir';
import { districtPicture } from './examples';
import { buildDashboard, buildFinder, DashboardServer, startDashboardServer } from './dashboard-server';

/**
 * `npm start`: the whole federation on this machine. With no configuration it runs an embedded
 * PostgreSQL (data in .data/postgres, or under SAMVERKAN_DATA_DIR, kept between runs), one database per subgraph with demo
 * data; with `<SUBGRAPH>_DATABASE_URL` set for every subgraph it uses those servers instead (and then
 * CONCERN_CONTACT_KEY must be set too: the key it makes for its embedded data is no key for yours).
 * A service that dies is restarted (see supervisor.ts); the embedded PostgreSQL dying stops it all.
 */

async function databases(config: StartConfig, dataDir: string): Promise<{ urls: Record<SubgraphName, string>; embedded?: EmbeddedServer; seed: boolean }> {
  if (config.databaseUrls) return { urls: config.databaseUrls, seed: config.seedDemoData ?? false };
  const pgData = join(dataDir, 'postgres');
  console.log(`Starting embedded PostgreSQL on 127.0.0.1:${config.embeddedPostgresPort} (data in ${pgData}) ...`);
  const embedded = await startEmbeddedPostgres({ dataDir: pgData, port: config.embeddedPostgresPort });
  const urls = Object.fromEntries(SUBGRAPHS.map((name) => [name, withDatabase(embedded.url, `samverkan_${name}`)])) as Record<SubgraphName, string>;
  for (const url of Object.values(urls)) await ensureDatabase(url);
  return { urls, embedded, seed: config.seedDemoData ?? true };
}

async function main() {
  // Checks what every service it starts reads too, so a bad value stops it before anything runs.
  const config = loadConfigOrExit('start');
  const { ports } = config;
  const dataDir = dataDirOf(config);
  const started = Date.now();
  const services: Supervisor[] = [];
  let dashboard: DashboardServer | undefined;
  let starting: ReturnType<typeof databases> | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping ...');
    await Promise.all([...services.map((service) => service.stop()), dashboard?.stop()]);
    // An embedded PostgreSQL still starting is stopped once up, not left behind.
    await (await starting?.catch(() => undefined))?.embedded?.stop();
    process.exit(code);
  };
  // A second Ctrl-C does not wait for the services: exiting kills what still runs (processes.ts).
  const onSignal = () => {
    if (!stopping) return void stop(0);
    console.log('Stopping at once.');
    process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // The dashboard with its development sign-in, which signs with the local issuer's key: not when
  // tokens come from a configured provider. A failed build costs the dashboard only, not the API.
  // The public finder is served by the same server under /hitta/ (no sign-in); a failed build costs it alone.
  const startDashboard = async (privateKeyFile: string | undefined): Promise<string> => {
    const [built, finder] = await Promise.all([dashboardBuilt, finderBuilt]);
    if (built.error) {
      console.error(`The dashboard was not started: ${built.error.message}`);
      return 'Dashboard    not started (its build failed, see above)';
    }
    if (finder.error) console.error(`The public finder was not built: ${finder.error.message}`);
    if (!privateKeyFile) {
      return 'Dashboard    not started: tokens come from a configured provider (serve dashboard/dist and finder/dist with their config.json, see README)';
    }
    dashboard = await startDashboardServer({
      port: config.dashboardPort,
      gatewayUrl: `http://localhost:${ports.gateway}/graphql`,
      privateKeyFile,
    });
    const finderLine = finder.error
      ? 'Finder       not started (its build failed, see above)'
      : `Finder       ${dashboard.finderUrl}   (Hitta aktiviteter: the public finder for parents, no sign-in${finder.outcome === 'built' ? '; just built' : ''})`;
    return `Dashboard    ${dashboard.url}   (national view; sign in as a demo organisation${built.outcome === 'built' ? '; just built' : ''})\n  ${finderLine}`;
  };
  const supervise = (name: ServiceName, env: Record<string, string>) => {
    const service = new Supervisor({ name, start: (signal) => startProcess(name, ports[name], env, { signal }) });
    services.push(service);
    return service.start();
  };

  // The dashboard's and the finder's bundles are built (when their sources changed) while the databases start.
  const dashboardBuilt = buildDashboard().then(
    (outcome) => ({ outcome, error: undefined }),
    (error: Error) => ({ outcome: undefined, error }),
  );
  // The finder's after the dashboard's: two Vite builds at once would only compete for the cores.
  const finderBuilt = dashboardBuilt.then(() => buildFinder()).then(
    (outcome) => ({ outcome, error: undefined }),
    (error: Error) => ({ outcome: undefined, error }),
  );
  try {
    starting = databases(config, dataDir);
    const db = await starting;
    // Every service works on its database: restarting them without it would only fail.
    const postmaster = db.embedded?.postmaster;
    postmaster?.once('exit', () => {
      if (stopping) return;
      // A clean shutdown was asked for, as by Ctrl-C reaching the whole process group first.
      if (postmaster.exitCode === 0) return void stop(0);
      console.error(`The embedded PostgreSQL ${howExited(postmaster)}: stopping samverkan, whose services all need it. Run npm start again.`);
      void stop(1);
    });
    // Every service learns where the others are, so subgraphs can check references, and how to
    // verify tokens: an OIDC provider's keys if configured, else the local issuer's.
    const urls: Record<string, string> = Object.fromEntries(SUBGRAPHS.map((name) => [envName(name, 'URL'), config.urls[name]]));
    const localKeys = config.keysConfigured ? undefined : await ensureLocalKeys(join(dataDir, 'auth'));
    if (localKeys) urls.AUTH_JWKS_FILE = localKeys.jwksFile;
    // The concerns subgraph encrypts guardians' contact details: with the user's key, else (embedded data only, a config rule) one kept beside the data.
    const concernContactKey = config.concernContactKey ?? ensureConcernContactKey(join(dataDir, 'concerns'));
    await Promise.all(
      SUBGRAPHS.map((name) =>
        supervise(name, {
          ...urls,
          [envName(name, 'PORT')]: String(ports[name]),
          [envName(name, 'DATABASE_URL')]: db.urls[name],
          SEED_DEMO_DATA: String(db.seed),
          SEED_GENERATED_DEMO_DATA: String(db.seed && (config.seedGeneratedDemoData ?? true)),
          ...(name === 'concerns' ? { CONCERN_CONTACT_KEY: concernContactKey } : {}),
          // On the embedded server (development) webhooks may go to a receiver on this machine over plain http.
          ...(db.embedded ? { WEBHOOK_ALLOW_INSECURE_URLS: process.env.WEBHOOK_ALLOW_INSECURE_URLS || 'true' } : {}),
        }),
      ),
    );
    await supervise('gateway', { ...urls, GATEWAY_PORT: String(ports.gateway) });
    const dashboardLine = await startDashboard(localKeys?.privateKeyFile);

    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`
samverkan is running (ready in ${seconds} s${db.embedded ? ', embedded PostgreSQL' : ''}).

  Gateway      http://localhost:${ports.gateway}/graphql   (open it in a browser for Apollo Sandbox)
  ${dashboardLine}
${SUBGRAPHS.map((name) => `  ${name.padEnd(12)} http://localhost:${ports[name]}/graphql`).join('\n')}

Try, for a district, its actors, their agreements and activities, and the latest situation picture,
as a municipality official there (without a token you see what is public):

TOKEN=$(npm run --silent token -- --org rinkebyKistaStadsdel --role COORDINATOR)
curl -s http://localhost:${ports.gateway}/graphql -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
  -d '${JSON.stringify({ query: districtPicture('0180-rinkeby-kista').replace(/\s+/g, ' ') })}'

A service that stops is restarted. Press Ctrl-C to stop.`);
  } catch (error) {
    // A start cut short by Ctrl-C is no failure.
    if (stopping) return;
    console.error('Could not start samverkan:', error instanceof Error ? error.message : error);
    await stop(1);
  }
}

void main();

