import { DataSource } from 'typeorm';
import { Clock } from '@samverkan/platform';

/** Work the concerns' clock worker runs over and over on its own pg-boss queue (the deadline tick, retention). */
export interface PeriodicJob {
  /** The pg-boss queue of the job's ticks (one queued tick at most). */
  queue: string;
  /** Seconds from the end of one run to the next; read at every tick, so configuration changes apply. */
  everySeconds(): number;
  /** One run: must be idempotent, since a run killed midway is run again. */
  run(dataSource: DataSource, clock: Clock): Promise<void>;
}
