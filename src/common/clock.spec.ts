import { SettableClock, SystemClock } from './clock';

describe('clock', () => {
  it('stands still until moved, and gives today as a UTC date', () => {
    const clock = new SettableClock('2026-11-28T23:30:00.000Z');
    expect(clock.now().toISOString()).toBe('2026-11-28T23:30:00.000Z');
    expect(clock.today()).toBe('2026-11-28');
    clock.advance(60 * 60 * 1000);
    expect(clock.today()).toBe('2026-11-29'); // UTC, whatever the machine's zone
    clock.advanceDays(-2);
    expect(clock.now().toISOString()).toBe('2026-11-27T00:30:00.000Z');
    clock.set('2027-01-01T00:00:00Z');
    expect(clock.today()).toBe('2027-01-01');
  });

  it('hands out copies, so callers cannot move it by accident', () => {
    const clock = new SettableClock('2026-11-28T10:00:00.000Z');
    clock.now().setFullYear(2000);
    expect(clock.today()).toBe('2026-11-28');
  });

  it('follows real time by default', () => {
    const before = Date.now();
    const now = new SystemClock().now().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - before).toBeLessThan(1000);
  });
});
