import { describe, expect, it } from 'vitest';
import { waitedFor } from './waited';

describe('waitedFor', () => {
  const now = new Date('2026-12-02T12:00:00Z');
  it.each([
    ['2026-12-02T11:58:00Z', 'seit wenigen Minuten'],
    ['2026-12-02T11:30:00Z', 'seit 30 Minuten'],
    ['2026-12-02T11:00:00Z', 'seit 1 Stunde'],
    ['2026-12-02T02:00:00Z', 'seit 10 Stunden'],
    ['2026-12-01T11:00:00Z', 'seit 1 Tag'],
    ['2026-11-22T12:00:00Z', 'seit 10 Tagen'],
    // A clock a little ahead of the browser's: never "seit -1 Minuten".
    ['2026-12-02T12:01:00Z', 'seit wenigen Minuten'],
  ])('%s is %s', (since, words) => {
    expect(waitedFor(since, now)).toBe(words);
  });
});
