import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BACK_OFF, Clock, freePort, ServiceProcess, startNodeProcess, Supervisor } from '@samverkan/dev';

/**
 * The supervisor behind `npm start`, on real processes: a tiny Node server that answers /health,
 * exits when told to, or ignores SIGTERM. The back-off waits go through a clock the test controls.
 */
const SCRIPT = `
const http = require('node:http');
require('node:fs').appendFileSync(process.env.PIDS, process.pid + '\\n');
if (process.env.FAIL_AT_START) {
  console.error('cannot start');
  process.exit(4);
}
if (process.env.IGNORE_TERM) process.on('SIGTERM', () => console.log('ignoring SIGTERM'));
const server = http.createServer((request, response) =>
  response.end('ok', () => {
    if (!process.env.EXIT_CODE) return;
    console.error('going down on purpose');
    process.exit(Number(process.env.EXIT_CODE));
  }),
);
setTimeout(() => server.listen(Number(process.env.PORT), '127.0.0.1'), Number(process.env.LISTEN_AFTER_MS ?? 0));
`;

let dir: string;
let script: string;
let pids: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'samverkan-supervisor-'));
  script = join(dir, 'server.js');
  writeFileSync(script, SCRIPT);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  pids = join(dir, `pids-${Date.now()}`);
  appendFileSync(pids, '');
});

/** Every process the script started is gone. */
function expectAllGone() {
  const alive = readFileSync(pids, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
  expect(alive).toEqual([]);
}

/** A clock whose waits end only when the test says so; `now` moves by what was waited, or by `advance`. */
class TestClock implements Clock {
  time = 0;
  private waiting?: { ms: number; end: () => void };
  private asked?: () => void;

  now = () => this.time;

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting = { ms, end: () => ((this.time += ms), resolve()) };
      signal.addEventListener('abort', () => reject(signal.reason), { once: true });
      this.asked?.();
    });
  }

  /** Resolves with the length of the supervisor's next wait, once it has begun it. */
  async nextWait(): Promise<number> {
    if (!this.waiting) await new Promise<void>((resolve) => (this.asked = resolve));
    return this.waiting!.ms;
  }

  /** Ends the wait under way. */
  endWait() {
    const { end } = this.waiting!;
    this.waiting = undefined;
    this.asked = undefined;
    end();
  }

  advance(ms: number) {
    this.time += ms;
  }
}

interface Setup {
  /** Environment of each start, by its number (0: the first). */
  env?: (start: number) => Record<string, string>;
}

async function supervised({ env = () => ({}) }: Setup = {}) {
  const port = await freePort();
  const clock = new TestClock();
  const lines: string[] = [];
  let starts = 0;
  const supervisor = new Supervisor({
    name: 'tiny',
    clock,
    log: (line) => lines.push(line),
    start: (signal) => startNodeProcess(script, port, { PORT: String(port), PIDS: pids, ...env(starts++) }, { signal }),
  });
  const first = await supervisor.start();
  return { supervisor, clock, lines, first, starts: () => starts, health: () => fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status) };
}

/** Waits until the supervisor has started a process other than `previous`. */
async function restarted(supervisor: Supervisor, previous: ServiceProcess): Promise<ServiceProcess> {
  for (let i = 0; i < 200; i++) {
    const now = supervisor.process;
    if (now && now !== previous) return now;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('not restarted');
}

const timed = async (action: () => Promise<unknown>) => {
  const began = Date.now();
  await action();
  return Date.now() - began;
};

it('restarts a process that keeps exiting, waiting twice as long each time up to the maximum', async () => {
  const { supervisor, clock, lines } = await supervised({ env: () => ({ EXIT_CODE: '3' }) });
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    waits.push(await clock.nextWait());
    clock.endWait();
  }
  expect(waits).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000]);
  expect(lines[0]).toMatch(/^tiny \(pid \d+\) exited with code 3; restarting in 0\.5 s$/);
  // A crash brings its last lines along.
  expect(lines[1]).toBe('  | going down on purpose');
  expect(lines).toContainEqual(expect.stringMatching(/^tiny \(pid \d+\) exited with code 3; restarting in 30 s$/));
  expect(await timed(() => supervisor.stop())).toBeLessThan(2000);
  expectAllGone();
});

it('restarts a process killed by SIGKILL, and waits the least again once it has stayed up a while', async () => {
  const { supervisor, clock, lines, first, health } = await supervised();
  first.child.kill('SIGKILL');
  expect(await clock.nextWait()).toBe(500);
  expect(lines).toEqual([`tiny (pid ${first.child.pid}) was killed by SIGKILL; restarting in 0.5 s`]);
  clock.endWait();
  const second = await restarted(supervisor, first);
  expect(lines[1]).toBe(`tiny restarted (pid ${second.child.pid})`);
  expect(await health()).toBe(200);

  second.child.kill('SIGKILL');
  expect(await clock.nextWait()).toBe(1000);
  clock.endWait();
  const third = await restarted(supervisor, second);
  clock.advance(BACK_OFF.resetAfterMs);
  third.child.kill('SIGKILL');
  expect(await clock.nextWait()).toBe(500);

  await supervisor.stop();
  expectAllGone();
});

it('counts a restart that fails before it answers as another death', async () => {
  const { supervisor, clock, lines, first } = await supervised({ env: (start) => ({ FAIL_AT_START: start === 1 ? '1' : '' }) });
  first.child.kill('SIGKILL');
  expect(await clock.nextWait()).toBe(500);
  clock.endWait();
  expect(await clock.nextWait()).toBe(1000);
  expect(lines.slice(1)).toEqual(['tiny failed to restart (process exited with code 4); restarting in 1 s', '  | cannot start']);
  clock.endWait();
  await restarted(supervisor, first);
  expect(lines[3]).toMatch(/^tiny restarted \(pid \d+\)$/);
  await supervisor.stop();
  expectAllGone();
});

it('stops promptly while running, leaving nothing behind and restarting nothing', async () => {
  const { supervisor, first, starts } = await supervised();
  expect(await timed(() => supervisor.stop())).toBeLessThan(2000);
  expect(first.child.signalCode).toBe('SIGTERM');
  expect(starts()).toBe(1);
  expectAllGone();
});

it('stops at once when the process died by a signal and the restart is waiting', async () => {
  const { supervisor, clock, first, starts } = await supervised();
  first.child.kill('SIGKILL');
  await clock.nextWait();
  expect(await timed(() => supervisor.stop())).toBeLessThan(500);
  expect(starts()).toBe(1);
  expectAllGone();
});

it('stops a restart under way, before the new process answers', async () => {
  // Restarts take 30 s to listen: the stop comes while the supervisor waits for their /health.
  const { supervisor, clock, first, starts } = await supervised({ env: (start) => ({ LISTEN_AFTER_MS: start > 0 ? '30000' : '0' }) });
  first.child.kill('SIGKILL');
  await clock.nextWait();
  clock.endWait();
  // The new process is up (it wrote its pid), not yet listening.
  while (readFileSync(pids, 'utf8').trim().split('\n').length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(await timed(() => supervisor.stop())).toBeLessThan(2000);
  expect(starts()).toBe(2);
  expectAllGone();
});

describe('a service process', () => {
  it('stops at once when it is already gone, killed by a signal', async () => {
    const port = await freePort();
    const service = await startNodeProcess(script, port, { PORT: String(port), PIDS: pids });
    service.child.kill('SIGKILL');
    await new Promise((resolve) => service.child.once('exit', resolve));
    expect(await timed(() => service.stop())).toBeLessThan(100);
  });

  it('is killed with SIGKILL when it does not exit after SIGTERM', async () => {
    const port = await freePort();
    const service = await startNodeProcess(script, port, { PORT: String(port), PIDS: pids, IGNORE_TERM: '1' });
    const took = await timed(() => service.stop(300));
    expect(service.child.signalCode).toBe('SIGKILL');
    expect(took).toBeGreaterThanOrEqual(300);
    expect(took).toBeLessThan(2000);
    expectAllGone();
  });
});
