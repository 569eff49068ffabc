import { pert, threePointProblem } from '#src/common/estimates/three-point';
import {
  calibrationBasis,
  calibrationFactor,
  inclusiveDays,
  planFigures,
  proRata,
  roundedPlan,
  sum,
} from './effort.rules';

const round2 = (n: number) => Math.round(n * 100) / 100;

describe('effort rules', () => {
  it.each([
    [{ optimisticHours: 10, likelyHours: 20, pessimisticHours: 60 }, 25, 8.33],
    [{ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 }, 9.33, 2.67],
    [{ optimisticHours: 0, likelyHours: 0, pessimisticHours: 0 }, 0, 0],
    [{ optimisticHours: 100, likelyHours: 100, pessimisticHours: 100 }, 100, 0],
  ])('PERT of %j: expected %d, sd %d', (estimate, expected, sd) => {
    const spread = pert(estimate);
    expect(round2(spread.expectedHours)).toBe(expected);
    expect(round2(spread.standardDeviationHours)).toBe(sd);
  });

  it('refuses estimates out of order or negative', () => {
    expect(threePointProblem({ optimisticHours: 5, likelyHours: 4, pessimisticHours: 9 })).toContain(
      'optimistic <= likely',
    );
    expect(threePointProblem({ optimisticHours: 1, likelyHours: 4, pessimisticHours: 3 })).toContain(
      'likely <= pessimistic',
    );
    expect(threePointProblem({ optimisticHours: -1, likelyHours: 4, pessimisticHours: 9 })).toContain(
      'between 0 and',
    );
  });

  it.each([
    ['2027-01-01', '2027-12-31', 365],
    ['2028-01-01', '2028-12-31', 366], // a leap year
    ['2027-01-01', '2027-01-01', 1],
    ['2027-01-01', '2027-03-31', 90],
  ])('counts %s to %s as %d days', (from, to, days) => expect(inclusiveDays(from, to)).toBe(days));

  it('takes baselines pro rata: a quarter of a year', () => {
    const quarter = pert(proRata({ optimisticHours: 73, likelyHours: 146, pessimisticHours: 365 }, 90));
    // o, m, p = 18, 36, 90 -> expected (18 + 144 + 90) / 6 = 42, sd (90 - 18) / 6 = 12
    expect(round2(quarter.expectedHours)).toBe(42);
    expect(round2(quarter.standardDeviationHours)).toBe(12);
  });

  it('adds expectations and variances of independent items', () => {
    const total = sum([
      { expectedHours: 42, standardDeviationHours: 12 },
      { expectedHours: 25, standardDeviationHours: 5 },
    ]);
    expect(total).toEqual({ expectedHours: 67, standardDeviationHours: 13 });
  });

  it('calibrates by actual over expected on finished work, 1 without history', () => {
    expect(calibrationFactor([])).toBe(1);
    expect(calibrationFactor([{ expectedHours: 0, actualHours: 5 }])).toBe(1);
    expect(
      calibrationFactor([
        { expectedHours: 10, actualHours: 13 },
        { expectedHours: 30, actualHours: 39 },
      ]),
    ).toBe(1.3);
  });

  it.each([
    // [expected, sd, factor, days, P90]: P90 = factor * (expected + 1.2816 * sd)
    [52, Math.sqrt(12 ** 2 + (20 / 6) ** 2), 1.3, 90, 88.35], // docs/estimation.md
    [100, 0, 1, 365, 100],
    [100, 10, 1, 365, 112.82],
    [40, 6, 0.5, 30, 23.84],
  ])('P90 of %d h +- %d h, factor %d: %d', (expected, sd, factor, days, p90) => {
    expect(
      round2(
        planFigures({ expectedHours: expected, standardDeviationHours: sd }, factor, days, 1600, 76).p90Hours,
      ),
    ).toBe(p90);
  });

  it('computes P50, P90, FTE and cost from the calibrated sum (worked example)', () => {
    // 67 h +- 13 h over 90 days, calibration 1.3, 1,600 h per FTE-year, 76 EUR per hour
    const figures = planFigures({ expectedHours: 67, standardDeviationHours: 13 }, 1.3, 90, 1600, 76);
    expect(round2(figures.expectedHours)).toBe(87.1);
    expect(round2(figures.standardDeviationHours)).toBe(16.9);
    expect(round2(figures.p50Hours)).toBe(87.1);
    expect(round2(figures.p90Hours)).toBe(108.76); // 87.1 + 1.2816 * 16.9
    expect(round2(figures.fte)).toBe(0.22); // 87.1 / (1600 * 90 / 365)
    expect(round2(figures.costEur)).toBe(6619.6);
  });

  it('counts the finished targets the factor rests on: none when their expectation sums to 0', () => {
    expect(calibrationBasis([])).toBe(0);
    expect(calibrationBasis([{ expectedHours: 0 }, { expectedHours: 0 }])).toBe(0);
    expect(calibrationBasis([{ expectedHours: 10 }, { expectedHours: 0 }])).toBe(2);
  });

  it('shows a plan to the hundredth, each figure rounded from its full-precision value', () => {
    const figures = planFigures({ expectedHours: 10 / 3, standardDeviationHours: 1 / 7 }, 1.07, 45, 1600, 76);
    const shown = roundedPlan({
      ...figures,
      calibrationFactor: 1.0712345,
      items: [{ expectedHours: 10 / 3, standardDeviationHours: 1 / 7 }],
    });
    expect(shown).toEqual({
      expectedHours: 3.57, // 3.5666...
      standardDeviationHours: 0.15, // 0.1528...
      p50Hours: 3.57,
      p90Hours: 3.76, // 3.5666 + 1.2816 * 0.1528 = 3.7626
      fte: 0.02,
      costEur: 271.07, // 3.5666... * 76 = 271.0666...
      calibrationFactor: 1.0712345, // a ratio, not rounded
      items: [{ expectedHours: 3.33, standardDeviationHours: 0.14 }],
    });
  });
});
