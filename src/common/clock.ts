import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The one source of "now" (UTC). Domain code asks the clock and passes the value into SQL as a
 * parameter instead of calling now(), so that tests can move through time.
 */
export abstract class Clock {
  /** The instant `at` makes the clock report, for the code it runs (and what that code awaits). */
  private readonly pinned = new AsyncLocalStorage<Date>();

  abstract now(): Date;

  /** Today's date in UTC, as YYYY-MM-DD. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }

  /**
   * Runs `work` with the clock reporting `instant` as now, for replaying dated history (the demo
   * data). Only `work` and what it starts see it; every other caller keeps the clock's own time.
   */
  at<T>(instant: Date | string, work: () => T): T {
    return this.pinned.run(new Date(instant), work);
  }

  /** The instant set by `at` around the caller, if any (a copy). */
  protected pinnedNow(): Date | undefined {
    const instant = this.pinned.getStore();
    return instant ? new Date(instant) : undefined;
  }
}

export class SystemClock extends Clock {
  now(): Date {
    return this.pinnedNow() ?? new Date();
  }
}

/** A clock that stands still until told otherwise: for tests. */
export class SettableClock extends Clock {
  private current: Date;

  constructor(start: Date | string = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return this.pinnedNow() ?? new Date(this.current);
  }

  set(at: Date | string): void {
    this.current = new Date(at);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }

  advanceDays(days: number): void {
    this.advance(days * 86_400_000);
  }
}
