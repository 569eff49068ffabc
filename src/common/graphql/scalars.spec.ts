import { MAX_VERSION_NUMBER, parseInstant, versionProblem } from './scalars';

describe('scalars', () => {
  it('takes a version only when SemVer 2.0.0 and storable as PostgreSQL integers', () => {
    expect(versionProblem('2.1.0')).toBeNull();
    expect(versionProblem(`${MAX_VERSION_NUMBER}.0.0-rc.1`)).toBeNull();
    expect(versionProblem('v2.1.0')).toMatch(/not a semantic version/);
    expect(versionProblem('2147483648.0.0')).toMatch(/at most 2147483647/);
    expect(versionProblem('0.0.9007199254740991')).toMatch(/at most/);
  });

  it('takes an instant only as ISO 8601 with a time zone, on a real calendar day', () => {
    expect(parseInstant('2026-12-01T10:00:00.000Z')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    expect(parseInstant('2026-12-01T11:00+01:00')?.toISOString()).toBe('2026-12-01T10:00:00.000Z');
    for (const bad of [
      '99999-01-01T00:00:00.000Z',
      '0000-00-00T00:00:00Z',
      '2026-13-45T00:00:00Z',
      '2026-02-30T00:00:00Z',
      '2026-11-28T25:61:00Z',
      '2026-12-01T10:00:00', // no time zone: whose ten o'clock?
      '1969-12-31T23:59:59Z',
      'tomorrow',
      '',
      '2026-12-01T00:00:00Z\u0000',
    ]) {
      expect([bad, parseInstant(bad)]).toEqual([bad, null]);
    }
  });
});
