import type { Clock } from '#src/common/clock';
import { dateOf, type Day } from './demo-scenario';

/** One dated fact of the demo, and how to bring it about (through the application's services). */
export interface Step {
  day: Day;
  what: string;
  run: () => Promise<unknown>;
}

export const step = (day: Day, what: string, run: () => Promise<unknown>): Step => ({ day, what, run });

/** None or one: for the facts a fixture may leave out. */
export function some<T>(value: T | undefined): T[] {
  return value === undefined ? [] : [value];
}

/**
 * Runs the steps by day (those of one day in the order given), each with the clock at 08:00 UTC
 * of its day plus a minute for every step before it that day, so that each fact has its own
 * instant. A step dated today or later is a mistake in the scenario and stops the seed before it
 * runs, as does any step that fails (with the step named).
 */
export async function playInDateOrder(clock: Clock, steps: Step[], today: string): Promise<void> {
  const dated = steps
    .map((s, order) => ({ ...s, date: dateOf(s.day, today), order }))
    .sort((a, b) => a.date.localeCompare(b.date) || a.order - b.order);
  let minute = 0;
  for (const [i, s] of dated.entries()) {
    minute = i > 0 && dated[i - 1].date === s.date ? minute + 1 : 0;
    const at = new Date(Date.parse(`${s.date}T08:00:00Z`) + minute * 60_000);
    if (s.date >= today || at.toISOString().slice(0, 10) !== s.date) {
      throw new Error(`Demo scenario: "${s.what}" is dated ${at.toISOString()}; facts lie before ${today}`);
    }
    try {
      await clock.at(at, s.run);
    } catch (error) {
      throw new Error(`Demo data: "${s.what}" (${s.date}) failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
}
