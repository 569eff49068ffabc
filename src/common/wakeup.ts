/**
 * A background worker's idle wait: it sleeps until its poll interval has passed or it is woken.
 * A poke while the worker is busy is not lost: its next sleep returns at once.
 */
export class Wakeup {
  private readonly sleepers = new Set<() => void>();
  private poked = false;

  /** There is work: wake the sleeper now, or let its next sleep return at once. */
  poke(): void {
    this.poked = true;
    this.wakeAll();
  }

  /** Ends every sleep in progress (shutdown). */
  wakeAll(): void {
    for (const wake of [...this.sleepers]) {
      wake();
    }
  }

  /** Returns after `ms`, when woken, or at once when poked since the last sleep. */
  sleep(ms: number): Promise<void> {
    if (this.poked) {
      this.poked = false;
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.sleepers.add(wake);
    });
  }
}
