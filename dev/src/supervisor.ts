import { setTimeout as sleep } from 'node:timers/promises';
import { exitOf, howExited, ServiceProcess } from './processes';

/** Time as the supervisor sees it; tests pass one they control. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, { signal }),
};

/** Restart waits: `firstMs`, doubling up to `maxMs`; back to `firstMs` once a process has stayed up `resetAfterMs`. */
export interface BackOff {
  firstMs: number;
  maxMs: number;
  resetAfterMs: number;
}

export const BACK_OFF: BackOff = { firstMs: 500, maxMs: 30_000, resetAfterMs: 60_000 };

/** The wait before the restart after `failures` deaths in a row (0 for the first). */
export const backOffDelay = (failures: number, backOff: BackOff = BACK_OFF) => Math.min(backOff.firstMs * 2 ** failures, backOff.maxMs);

export interface SupervisorOptions {
  name: string;
  /** Starts the process and resolves once it serves; aborting `signal` stops a start under way. */
  start(signal: AbortSignal): Promise<ServiceProcess>;
  clock?: Clock;
  backOff?: BackOff;
  log?: (line: string) => void;
}

// The last lines a crashed process printed say why; the whole output would bury the log.
const tail = (output: string, lines = 10) =>
  output
    .trimEnd()
    .split('\n')
    .slice(-lines)
    .map((line) => `  | ${line}`)
    .join('\n');

/**
 * Keeps one process running: started once with `start()`, it is restarted whenever it dies (any
 * exit code or signal), after a back-off wait, until `stop()`. Each death and each restart is one
 * line in the log.
 */
export class Supervisor {
  private readonly aborter = new AbortController();
  private current?: ServiceProcess;
  private supervising?: Promise<void>;

  constructor(private readonly options: SupervisorOptions) {}

  /**
   * The first start: rejects if the process does not come up, without retrying, since that is a
   * configuration or code problem a restart does not mend.
   */
  async start(): Promise<ServiceProcess> {
    const first = await this.options.start(this.aborter.signal);
    this.supervising = this.supervise(first);
    return first;
  }

  /** The process running now, if any. */
  get process(): ServiceProcess | undefined {
    return this.current;
  }

  /** Stops the process and any restart under way or waiting; returns at once for a process already gone. */
  async stop(): Promise<void> {
    this.aborter.abort();
    await Promise.all([this.current?.stop(), this.supervising]);
  }

  private async supervise(first: ServiceProcess): Promise<void> {
    const { name, clock = systemClock, backOff = BACK_OFF, log = console.log } = this.options;
    const signal = this.aborter.signal;
    let running: ServiceProcess | undefined = first;
    let failure = '';
    let upSince = clock.now();
    let failures = 0;
    for (;;) {
      let death: string;
      let output = '';
      if (running) {
        this.current = running;
        const { child } = running;
        await exitOf(child);
        if (signal.aborted) return;
        if (clock.now() - upSince >= backOff.resetAfterMs) failures = 0;
        death = `${name} (pid ${child.pid}) ${howExited(child)}`;
        // A crash says why in its last lines; one killed from outside has nothing to add.
        if (child.exitCode) output = running.output();
      } else {
        const [first, ...rest] = failure.split('\n');
        death = `${name} failed to restart (${first.replace(/:$/, '')})`;
        output = rest.join('\n');
      }
      const delay = backOffDelay(failures++, backOff);
      log(`${death}; restarting in ${delay / 1000} s`);
      if (output.trim()) log(tail(output));
      try {
        await clock.sleep(delay, signal);
        running = await this.options.start(signal);
      } catch (error) {
        if (signal.aborted) return;
        failure = error instanceof Error ? error.message : String(error);
        running = undefined;
        continue;
      }
      if (signal.aborted) return running.stop();
      upSince = clock.now();
      log(`${name} restarted (pid ${running.child.pid})`);
    }
  }
}
