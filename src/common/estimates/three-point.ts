import { ValidateBy } from 'class-validator';
import { toHundredths } from './rounding';

/**
 * The three-point (PERT) estimate in hours: a value type shared by the campaign targets' plans,
 * the services' maintenance baselines (a catalogue column) and the effort plans. It lives in
 * common/ because none of those modules owns it, and each of them sits above common.
 */
export interface ThreePoint {
  optimisticHours: number;
  likelyHours: number;
  pessimisticHours: number;
}

export interface Spread {
  expectedHours: number;
  standardDeviationHours: number;
}

/** 100,000 hours is about 60 full-time posts for a year: more is a typo, and would overflow sums. */
export const MAX_ESTIMATE_HOURS = 100_000;

/** 0 <= optimistic <= likely <= pessimistic <= MAX_ESTIMATE_HOURS, else why not. */
export function threePointProblem(e: ThreePoint): string | null {
  const values = [e.optimisticHours, e.likelyHours, e.pessimisticHours];
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > MAX_ESTIMATE_HOURS)) {
    return `hours must be between 0 and ${MAX_ESTIMATE_HOURS.toLocaleString('en')}`;
  }
  if (!(e.optimisticHours <= e.likelyHours && e.likelyHours <= e.pessimisticHours)) {
    return 'needs optimistic <= likely <= pessimistic';
  }
  return null;
}

/** expected = (o + 4m + p) / 6, standard deviation = (p - o) / 6. */
export function pert(e: ThreePoint): Spread {
  return {
    expectedHours: (e.optimisticHours + 4 * e.likelyHours + e.pessimisticHours) / 6,
    standardDeviationHours: (e.pessimisticHours - e.optimisticHours) / 6,
  };
}

/** The three figures only (what is stored), whatever else the input object carries. */
export function threePointOf(e: ThreePoint): ThreePoint {
  return {
    optimisticHours: e.optimisticHours,
    likelyHours: e.likelyHours,
    pessimisticHours: e.pessimisticHours,
  };
}

/**
 * A stored estimate as the API shows it: the three figures as given, with expectation and spread
 * to the hundredth (rounding.ts); sums and plans use `pert`, at full precision.
 */
export function estimateOf(e: ThreePoint): ThreePoint & Spread {
  const spread = pert(e);
  return {
    ...e,
    expectedHours: toHundredths(spread.expectedHours),
    standardDeviationHours: toHundredths(spread.standardDeviationHours),
  };
}

/**
 * The validation decorator of an estimate field or argument (see common/validation): the
 * problem `threePointProblem` names, with the field's path ("input.estimate: needs ...").
 */
export function ValidThreePoint(): PropertyDecorator {
  return ValidateBy({
    name: 'threePoint',
    validator: {
      validate: (value: unknown) => value == null || threePointProblem(value as ThreePoint) === null,
      defaultMessage: (args) => threePointProblem(args?.value as ThreePoint) ?? 'is invalid',
    },
  });
}
