/**
 * Effort rules (domain.md, "Effort"): pro rata baselines, sums of independent items, P50/P90 by
 * the normal approximation, the calibration factor. Pure functions. The three-point estimate
 * itself (PERT) is the shared value type in common/estimates.
 */
import { toHundredths } from '#src/common/estimates/rounding';
import type { Spread, ThreePoint } from '#src/common/estimates/three-point';

/** The z-value of the 90th percentile of the normal distribution. */
export const Z90 = 1.2816;

/** Days from `from` to `to`, both inclusive (YYYY-MM-DD). */
export function inclusiveDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** An annual estimate for a period: optimistic, likely and pessimistic times days / 365. */
export function proRata(annual: ThreePoint, days: number): ThreePoint {
  const f = days / 365;
  return {
    optimisticHours: annual.optimisticHours * f,
    likelyHours: annual.likelyHours * f,
    pessimisticHours: annual.pessimisticHours * f,
  };
}

/** Independent items: expectations add, variances add. */
export function sum(items: Spread[]): Spread {
  const expectedHours = items.reduce((n, i) => n + i.expectedHours, 0);
  const variance = items.reduce((n, i) => n + i.standardDeviationHours ** 2, 0);
  return { expectedHours, standardDeviationHours: Math.sqrt(variance) };
}

/**
 * How many finished targets the calibration factor rests on: all of them, unless their
 * expectation sums to 0 (then the factor is 1 and rests on none).
 */
export function calibrationBasis(finished: { expectedHours: number }[]): number {
  return finished.reduce((n, f) => n + f.expectedHours, 0) === 0 ? 0 : finished.length;
}

/** Actual over expected on finished work; 1 without history or when the expectation sums to 0. */
export function calibrationFactor(finished: { expectedHours: number; actualHours: number }[]): number {
  const expected = finished.reduce((n, f) => n + f.expectedHours, 0);
  if (finished.length === 0 || expected === 0) {
    return 1;
  }
  return finished.reduce((n, f) => n + f.actualHours, 0) / expected;
}

export interface PlanFigures {
  expectedHours: number;
  standardDeviationHours: number;
  p50Hours: number;
  p90Hours: number;
  fte: number;
  costEur: number;
}

/** The plan's figures: the sum times the calibration factor, then P50/P90, FTE (pro rata) and cost. */
export function planFigures(
  total: Spread,
  factor: number,
  days: number,
  hoursPerFteYear: number,
  hourlyRateEur: number,
): PlanFigures {
  const expectedHours = total.expectedHours * factor;
  const standardDeviationHours = total.standardDeviationHours * factor;
  return {
    expectedHours,
    standardDeviationHours,
    p50Hours: expectedHours,
    p90Hours: expectedHours + Z90 * standardDeviationHours,
    fte: expectedHours / (hoursPerFteYear * (days / 365)),
    costEur: expectedHours * hourlyRateEur,
  };
}

/**
 * A plan as the API and the exports show it: the items' hours and the plan's hours, FTE and cost
 * to the hundredth (euros to the cent), each rounded once from its full-precision value (so P90
 * is not computed from a rounded deviation). The factor and the settings stay as they are.
 */
export function roundedPlan<P extends PlanFigures & { items: Spread[] }>(plan: P): P {
  return {
    ...plan,
    items: plan.items.map((item) => ({
      ...item,
      expectedHours: toHundredths(item.expectedHours),
      standardDeviationHours: toHundredths(item.standardDeviationHours),
    })),
    expectedHours: toHundredths(plan.expectedHours),
    standardDeviationHours: toHundredths(plan.standardDeviationHours),
    p50Hours: toHundredths(plan.p50Hours),
    p90Hours: toHundredths(plan.p90Hours),
    fte: toHundredths(plan.fte),
    costEur: toHundredths(plan.costEur),
  };
}
