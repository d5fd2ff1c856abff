/**
 * Where a service reads "now": the system clock in production; tests pass a clock of their own to
 * `startSubgraph`, so answers that depend on the time (an activity's next occurrence) are tested at a
 * chosen instant, not at whatever time the test happens to run.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still at `instant` until the test moves it with `set`. */
export class FixedClock implements Clock {
  constructor(private instant: Date) {}

  now(): Date {
    return new Date(this.instant);
  }

  set(instant: Date): void {
    this.instant = instant;
  }
}
