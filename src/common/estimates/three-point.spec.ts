import { estimateOf, pert, threePointOf, threePointProblem } from './three-point';

describe('three-point estimates', () => {
  it('checks and computes three-point estimates', () => {
    expect(threePointProblem({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 })).toBeNull();
    expect(threePointProblem({ optimisticHours: 8, likelyHours: 4, pessimisticHours: 20 })).toContain(
      'optimistic <= likely',
    );
    expect(threePointProblem({ optimisticHours: -1, likelyHours: 4, pessimisticHours: 20 })).toContain(
      'between 0 and 100,000',
    );
    // A figure that would make sums overflow to Infinity is a typo, not an estimate.
    expect(threePointProblem({ optimisticHours: 1, likelyHours: 2, pessimisticHours: 1.7e308 })).toContain(
      'between 0 and 100,000',
    );
    expect(threePointProblem({ optimisticHours: 0, likelyHours: 1, pessimisticHours: 100_000 })).toBeNull();
    expect(pert({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 })).toEqual({
      expectedHours: 9.333333333333334,
      standardDeviationHours: 16 / 6,
    });
  });

  it('keeps the three figures only, and shows them with expectation and spread', () => {
    const given = { optimisticHours: 4, likelyHours: 8, pessimisticHours: 20, extra: 1 };
    expect(threePointOf(given)).toEqual({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 });
    // The derived hours to the hundredth, as the API shows them.
    expect(estimateOf(threePointOf(given))).toEqual({
      optimisticHours: 4,
      likelyHours: 8,
      pessimisticHours: 20,
      expectedHours: 9.33,
      standardDeviationHours: 2.67,
    });
  });
});
