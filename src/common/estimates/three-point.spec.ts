import { estimateOf, pert, threePointOf, threePointProblem } from './three-point';

describe('three-point estimates', () => {
  it('checks and computes three-point estimates', () => {
    expect(threePointProblem({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 })).toBeNull();
    expect(threePointProblem({ optimisticHours: 8, likelyHours: 4, pessimisticHours: 20 })).toContain(
      'optimistic <= likely',
    );
    expect(threePointProblem({ optimisticHours: -1, likelyHours: 4, pessimisticHours: 20 })).toContain(
      '0 or more',
    );
    expect(pert({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 })).toEqual({
      expectedHours: 9.333333333333334,
      standardDeviationHours: 16 / 6,
    });
  });

  it('keeps the three figures only, and shows them with expectation and spread', () => {
    const given = { optimisticHours: 4, likelyHours: 8, pessimisticHours: 20, extra: 1 };
    expect(threePointOf(given)).toEqual({ optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 });
    expect(estimateOf(threePointOf(given))).toMatchObject({
      expectedHours: 28 / 3,
      standardDeviationHours: 16 / 6,
    });
  });
});
