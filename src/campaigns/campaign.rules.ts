import { normaliseProvision } from '#src/catalogue/catalogue.rules';

export { pert, threePointProblem, type ThreePoint } from '#src/effort/effort.rules';

/** Legal-change campaign rules (domain.md, "Legal-change campaigns"): pure functions. */

export enum CampaignState {
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum CampaignTargetState {
  OPEN = 'OPEN',
  PLANNED = 'PLANNED',
  RELEASED = 'RELEASED',
  ROLLED_OUT = 'ROLLED_OUT',
  EXCLUDED = 'EXCLUDED',
}

export const DONE_STATES: readonly CampaignTargetState[] = [
  CampaignTargetState.RELEASED,
  CampaignTargetState.ROLLED_OUT,
  CampaignTargetState.EXCLUDED,
];

/**
 * Whether a service's legal basis falls under the campaign's provisions: the whole norm (no
 * provision) always does; otherwise a provision equal to a given one or below it ("§ 22" covers
 * "§ 22 Abs. 1", not "§ 220"), white space normalised.
 */
export function provisionMatches(cited: string | null, given: readonly string[]): boolean {
  if (given.length === 0 || cited === null) {
    return true;
  }
  const c = normaliseProvision(cited);
  return given.some((g) => {
    const p = normaliseProvision(g);
    return c === p || c.startsWith(`${p} `);
  });
}

export interface TargetFacts {
  excluded: boolean;
  fulfilled: boolean;
  subscribersTotal: number;
  subscribersCompliant: number;
  planned: boolean;
}

/** A target's state, derived from facts only (never set directly). */
export function targetState(f: TargetFacts): CampaignTargetState {
  if (f.excluded) {
    return CampaignTargetState.EXCLUDED;
  }
  if (f.fulfilled && f.subscribersCompliant >= f.subscribersTotal) {
    return CampaignTargetState.ROLLED_OUT;
  }
  if (f.fulfilled) {
    return CampaignTargetState.RELEASED;
  }
  if (f.planned) {
    return CampaignTargetState.PLANNED;
  }
  return CampaignTargetState.OPEN;
}

const OPENISH: readonly CampaignTargetState[] = [CampaignTargetState.OPEN, CampaignTargetState.PLANNED];

/** Overdue: today on or after the effective date, still OPEN or PLANNED. */
export function isOverdue(state: CampaignTargetState, today: string, effectiveDate: string): boolean {
  return OPENISH.includes(state) && today >= effectiveDate;
}

/** At risk: the planned release date lies after the effective date, still OPEN or PLANNED. */
export function isAtRisk(
  state: CampaignTargetState,
  plannedReleaseDate: string | null,
  effectiveDate: string,
): boolean {
  return OPENISH.includes(state) && plannedReleaseDate !== null && plannedReleaseDate > effectiveDate;
}

export interface BurndownFacts {
  addedAt: Date;
  /** Every exclusion, ended by a re-inclusion or still running. */
  exclusions: { from: Date; until: Date | null }[];
  fulfilledAt: Date | null;
}

/** Days from `from` to `to` (YYYY-MM-DD, both inclusive). */
export function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d.toISOString().slice(0, 10) <= to;
    d = new Date(d.getTime() + 86_400_000)
  ) {
    out.push(d.toISOString().slice(0, 10));
  }
  return out;
}

/** Targets not yet RELEASED, ROLLED_OUT or EXCLUDED at the end of each day. */
export function burndown(
  targets: BurndownFacts[],
  from: string,
  to: string,
): { date: string; openTargets: number }[] {
  return days(from, to).map((date) => {
    const end = new Date(`${date}T23:59:59.999Z`).getTime();
    const open = targets.filter(
      (t) =>
        t.addedAt.getTime() <= end &&
        !t.exclusions.some((e) => e.from.getTime() <= end && (e.until === null || e.until.getTime() > end)) &&
        !(t.fulfilledAt && t.fulfilledAt.getTime() <= end),
    ).length;
    return { date, openTargets: open };
  });
}
