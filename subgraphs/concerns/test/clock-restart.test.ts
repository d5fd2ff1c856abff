import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSource, ensureDatabase, withDatabase } from '@samverkan/platform';
import { freePort, RestartablePostgres, ServiceProcess, startNodeProcess, startRestartablePostgres } from '@samverkan/test-support';
import { concernsSubgraph } from '../src';
import { insertConcern } from './support/concerns';

/**
 * The clock survives what operations do to it: the subgraph killed (SIGKILL, nothing tidied up) and
 * started again, and PostgreSQL stopped and started under it. The subgraph runs compiled, as in
 * production, in a process of its own, reading "now" from a file the test writes, and sending
 * notices by appending them to another; PostgreSQL is a server of the test's own (embedded).
 */
const HOUR = 3_600_000;
const ROOT = join(__dirname, '../../..');
const registeredAt = new Date('2026-03-02T08:00:00Z');

let dir: string;
let pgPort: number;
let server: RestartablePostgres | undefined;
let subgraph: ServiceProcess | undefined;
let databaseUrl: string;

/** The concerns subgraph with a test's clock (a file holding an instant) and a sender that appends each notice to a file (required from the repository: the script lies in a temporary folder). */
const SUBGRAPH = `const { join } = require('node:path');
const ROOT = ${JSON.stringify(ROOT)};
const { appendFileSync, readFileSync } = require('node:fs');
const { loadConfig, startSubgraph } = require(join(ROOT, 'shared/platform'));
const { createConcernsSubgraph } = require(join(ROOT, 'subgraphs/concerns/dist'));
const clock = { now: () => new Date(readFileSync(process.env.CLOCK_FILE, 'utf8').trim()) };
const sender = { name: 'file', send: async (notice) => appendFileSync(process.env.NOTICES_FILE, JSON.stringify(notice) + '\\n') };
startSubgraph(createConcernsSubgraph({ sender }), loadConfig('concerns'), { clock }).catch((error) => { console.error(error); process.exit(1); });
`;

async function startConcerns(): Promise<ServiceProcess> {
  const port = await freePort();
  return startNodeProcess(join(dir, 'subgraph.js'), port, {
    CONCERNS_PORT: String(port),
    CONCERNS_DATABASE_URL: databaseUrl,
    CONCERN_CLOCK_TICK_SECONDS: '1',
    CLOCK_FILE: join(dir, 'clock'),
    NOTICES_FILE: join(dir, 'notices'),
    LOG_LEVEL: 'warn',
  });
}

const setClock = (instant: Date) => writeFileSync(join(dir, 'clock'), instant.toISOString());
const notices = (): Array<{ kind: string; role: string; contactFunctionId: string; queuedAt: string }> =>
  readFileSync(join(dir, 'notices'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
const ofKind = (kind: string) => notices().filter((notice) => notice.kind === kind);

/** The test's own connection, opened for each look (it does not outlive a database restart). */
async function withData<T>(work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = createDataSource({ url: databaseUrl, poolSize: 1, entities: concernsSubgraph.entities, migrations: [] });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

async function until(check: () => boolean | Promise<boolean>, what: string, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await Promise.resolve().then(check).catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`not within ${timeoutMs} ms: ${what}\n${subgraph?.output() ?? ''}`);
}

beforeAll(async () => {
  // Under /tmp, which the postgres OS user can enter when the tests run as root.
  dir = mkdtempSync(join(tmpdir(), 'samverkan-clock-'));
  process.env.CONCERN_CONTACT_KEY ??= randomBytes(32).toString('base64');
  writeFileSync(join(dir, 'subgraph.js'), SUBGRAPH);
  writeFileSync(join(dir, 'notices'), '');
  setClock(registeredAt);
  pgPort = await freePort();
  server = await startRestartablePostgres(join(dir, 'postgres'), pgPort);
  databaseUrl = withDatabase(server.url, 'concerns');
  await ensureDatabase(databaseUrl);
  subgraph = await startConcerns();
}, 120000);

afterAll(async () => {
  await subgraph?.stop();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('keeps the clock through a killed subgraph and a PostgreSQL restart: each point fires once, no notice twice', async () => {
  const { concern } = await withData((dataSource) => insertConcern(dataSource, { registeredAt }));
  await until(() => ofKind('ACTIVATED').length === 5, 'the team is activated');
  await until(
    () => withData(async (db) => Number((await db.query('SELECT count(*) FROM concern_notifications WHERE sent_at IS NULL'))[0].count) === 0),
    'every ACTIVATED notification is marked sent',
  );

  // Killed without a chance to tidy up; meanwhile the reminder falls due.
  subgraph!.child.kill('SIGKILL');
  await subgraph!.stop();
  setClock(new Date(registeredAt.getTime() + 4 * HOUR + 60_000));
  subgraph = await startConcerns();
  await until(() => ofKind('REMINDER').length === 1, 'the reminder fires after the restart');

  // PostgreSQL goes away under the running subgraph and comes back; meanwhile the 24 hours run out.
  await server!.stop();
  setClock(new Date(registeredAt.getTime() + 24 * HOUR + 60_000));
  await new Promise((resolve) => setTimeout(resolve, 2000));
  server = await startRestartablePostgres(join(dir, 'postgres'), pgPort);
  await until(() => ofKind('BREACH').length === 2, 'the breach is sent to the lead and the coordinator', 40000);
  expect(subgraph!.child.exitCode).toBeNull();

  // Another tick or two changes nothing.
  await new Promise((resolve) => setTimeout(resolve, 2500));
  const sent = notices().map((notice) => `${notice.kind} ${notice.role} ${notice.contactFunctionId} ${notice.queuedAt}`);
  expect(new Set(sent).size).toBe(sent.length);
  expect(notices().map((notice) => `${notice.role}:${notice.kind}`).sort()).toEqual(
    [
      ...['LEAD', 'BACKUP', 'BACKUP', 'MEMBER', 'COORDINATOR'].map((role) => `${role}:ACTIVATED`),
      'LEAD:REMINDER',
      'BACKUP:ESCALATION',
      'BACKUP:ESCALATION',
      'COORDINATOR:ESCALATION',
      'LEAD:REMINDER',
      'COORDINATOR:BREACH',
      'LEAD:BREACH',
    ].sort(),
  );
  await withData(async (db) => {
    const [row] = await db.query('SELECT breached_at, version FROM concerns WHERE id = $1', [concern.id]);
    expect(row.breached_at).toEqual(new Date(registeredAt.getTime() + 24 * HOUR));
    expect(row.version).toBe(concern.version + 1);
    const deadlines = await db.query('SELECT count(*)::int AS n FROM concern_deadlines WHERE concern_id = $1 AND fired_at IS NOT NULL', [concern.id]);
    expect(deadlines[0].n).toBe(4);
    const audited = await db.query(`SELECT count(*)::int AS n FROM concern_audit WHERE concern_id = $1 AND action = 'DEADLINE_FIRED'`, [concern.id]);
    expect(audited[0].n).toBe(4);
  });
}, 120000);
