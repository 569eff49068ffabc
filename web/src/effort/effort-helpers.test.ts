import { hoursText, parseHours, readEstimate } from './hours';
import { defaultPeriod, planQueryFrom, presets, reportPath } from './period';
import { calibrationSentence } from './plan-view';
import { formatDecimal, formatEuros, formatHours } from '../ui/labels';

describe('hours as typed in a German office', () => {
  it('reads a decimal comma and a decimal point, and refuses the rest', () => {
    expect(parseHours('12,5')).toBe(12.5);
    expect(parseHours(' 8 ')).toBe(8);
    expect(parseHours('7.25')).toBe(7.25);
    expect(parseHours('')).toBeNull();
    expect(parseHours('-3')).toBeNull();
    expect(parseHours('zwölf')).toBeNull();
    expect(hoursText(12.5)).toBe('12,5');
  });

  it("reads thousands points in a year's hours, and a point before fewer digits as a decimal point", () => {
    expect(parseHours('1.600')).toBe(1600);
    expect(parseHours('1.600,5')).toBe(1600.5);
    expect(parseHours('12.000')).toBe(12000);
    expect(parseHours('1.5')).toBe(1.5);
    expect(parseHours('1.60')).toBe(1.6);
  });

  it('demands optimistic ≤ likely ≤ pessimistic, at the field that breaks it', () => {
    expect(readEstimate({ optimistic: '4', likely: '8', pessimistic: '24' })).toEqual({
      ok: true,
      hours: { optimisticHours: 4, likelyHours: 8, pessimisticHours: 24 },
    });
    const wrong = readEstimate({ optimistic: '10', likely: '8', pessimistic: 'x' });
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && Object.keys(wrong.problems).sort()).toEqual(['likely', 'pessimistic']);
  });
});

describe('the plan period', () => {
  const today = new Date('2026-12-03T10:00:00Z');

  it('defaults to twelve months from the first of next month', () => {
    expect(defaultPeriod(today)).toEqual({ from: '2027-01-01', to: '2027-12-31' });
    expect(defaultPeriod(new Date('2026-03-15T00:00:00Z'))).toEqual({ from: '2026-04-01', to: '2027-03-31' });
  });

  it('offers the next quarter and the next year', () => {
    expect(presets(today).slice(0, 2)).toEqual([
      { label: '1. Quartal 2027', from: '2027-01-01', to: '2027-03-31' },
      { label: 'Jahr 2027', from: '2027-01-01', to: '2027-12-31' },
    ]);
  });

  it("takes owner and dates from the query string, else the viewer's organisation and the default", () => {
    expect(planQueryFrom(new URLSearchParams('von=2027-01-01&bis=2027-03-31'), today, 'dataport')).toEqual({
      ownerKey: 'dataport',
      from: '2027-01-01',
      to: '2027-03-31',
    });
    expect(planQueryFrom(new URLSearchParams('eigentuemer=komfit&von=kaputt'), today, null)).toEqual({
      ownerKey: 'komfit',
      from: '2027-01-01',
      to: '2027-12-31',
    });
  });

  it('links the German CSV with format=de', () => {
    expect(reportPath('csv-de', { ownerKey: 'dataport', from: '2027-01-01', to: '2027-03-31' })).toBe(
      '/reports/maintenance-plan.csv?owner=dataport&from=2027-01-01&to=2027-03-31&format=de',
    );
    expect(reportPath('xlsx', { ownerKey: 'dataport', from: '2027-01-01', to: '2027-03-31' })).toBe(
      '/reports/maintenance-plan.xlsx?owner=dataport&from=2027-01-01&to=2027-03-31',
    );
  });
});

describe('figures as a planner reads them', () => {
  it('rounds hours to one decimal and euros to whole euros', () => {
    expect(formatHours(67.6)).toBe('67,6 h');
    expect(formatHours(88.349)).toBe('88,3 h');
    expect(formatEuros(71010.06).replace(/\s/g, ' ')).toBe('71.010 €');
    expect(formatDecimal(0.1689, 2)).toBe('0,17');
  });

  it('says where the calibration factor comes from, and when it is noise', () => {
    expect(calibrationSentence({ calibrationFactor: 1.3, calibrationBasis: 1 })).toMatch(
      /^Kalibrierungsfaktor 1,30: Bei einem abgeschlossenen Kampagnenziel dieses Eigentümers war der erfasste Aufwand 1,30-mal so hoch wie die Schätzung\..*noch unsicher\.$/,
    );
    expect(calibrationSentence({ calibrationFactor: 1, calibrationBasis: 0 })).toMatch(/unkalibriert/);
    expect(calibrationSentence({ calibrationFactor: 0.8, calibrationBasis: 5 })).not.toMatch(/unsicher/);
  });
});
