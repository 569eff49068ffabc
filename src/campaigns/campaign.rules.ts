import semver from 'semver';
import { normaliseProvision } from '#src/catalogue/catalogue.rules';
import { DomainError, isDomainError } from '#src/common/errors/domain-error';
import { checkTransition, type TransitionTable } from '#src/common/workflow/transitions';

/**
 * Legal-change campaign rules (domain.md, "Campaigns"): the actions as a transition table, the
 * derived target state, overdue and at risk, the burndown, the completion rule. Pure functions.
 */

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

/** 'NEW': a campaign not opened yet (the row of `open`). */
export type CampaignStage = CampaignState | 'NEW';

/**
 * The capacities in which a viewer acts on a campaign (campaign.access.ts): 'maintainer' (any
 * MAINTAINER), 'owner' (a MAINTAINER of the organisation owning the target's service).
 * OPERATORs act in both.
 */
export type CampaignCapacity = 'maintainer' | 'owner';

export type CampaignAction =
  'open' | 'addTarget' | 'exclude' | 'include' | 'plan' | 'link' | 'retryIssue' | 'complete' | 'cancel';

/** Who may do what to a campaign, from which state (domain.md, "Who may do what"). */
export const CAMPAIGN_TRANSITIONS: TransitionTable<CampaignAction, CampaignStage, CampaignCapacity> = {
  open: { from: ['NEW'], by: ['maintainer'], to: CampaignState.ACTIVE, reason: 'none' },
  addTarget: { from: [CampaignState.ACTIVE], by: ['maintainer'], to: 'same', reason: 'none' },
  exclude: { from: [CampaignState.ACTIVE], by: ['maintainer'], to: 'same', reason: 'required' },
  include: { from: [CampaignState.ACTIVE], by: ['maintainer'], to: 'same', reason: 'none' },
  plan: { from: [CampaignState.ACTIVE], by: ['owner'], to: 'same', reason: 'none' },
  link: { from: [CampaignState.ACTIVE], by: ['owner'], to: 'same', reason: 'none' },
  /** The GitHub integration's retryCampaignTargetIssue: the target's owner, like plan and link. */
  retryIssue: { from: [CampaignState.ACTIVE], by: ['owner'], to: 'same', reason: 'none' },
  complete: { from: [CampaignState.ACTIVE], by: ['maintainer'], to: CampaignState.COMPLETED, reason: 'none' },
  cancel: {
    from: [CampaignState.ACTIVE],
    by: ['maintainer'],
    to: CampaignState.CANCELLED,
    reason: 'required',
  },
};

const FORBIDDEN: Record<CampaignCapacity, string> = {
  maintainer: 'Only MAINTAINERs and OPERATORs may open, change, complete or cancel campaigns',
  owner: "Only the target service's owner's MAINTAINERs and OPERATORs may plan it or link releases",
};

/**
 * Runs the action's row of CAMPAIGN_TRANSITIONS; answers the campaign's state after it. A closed
 * campaign answers first, whoever asks: CONFLICT "The campaign is <STATE>" (its message since the
 * first release of the API), then `checkTransition` (FORBIDDEN outside the row's capacities).
 */
export function checkCampaignAction(
  action: CampaignAction,
  state: CampaignStage,
  capacities: ReadonlySet<CampaignCapacity>,
): CampaignStage {
  const rule = CAMPAIGN_TRANSITIONS[action];
  if (!rule.from.includes(state)) {
    throw DomainError.conflict('CAMPAIGN_CLOSED', { state }, { state });
  }
  return checkTransition(rule, {
    state,
    capacities,
    verb: action,
    what: 'the campaign',
    forbidden: FORBIDDEN[rule.by[0]],
  });
}

/**
 * Completing needs every target RELEASED, ROLLED_OUT or EXCLUDED, else CONFLICT listing the
 * others ("slug (STATE)").
 */
export function requireEveryTargetDone(
  targets: readonly { serviceSlug: string; state: CampaignTargetState }[],
): void {
  const names = targets
    .filter((t) => !DONE_STATES.includes(t.state))
    .map((t) => `${t.serviceSlug} (${t.state})`);
  if (names.length > 0) {
    throw DomainError.conflict('CAMPAIGN_UNFINISHED', { unfinished: names }, { unfinished: names });
  }
}

/** Exclusion toggles, checked on the target: excluded twice, or included while not excluded. */
export function checkExclusion(action: 'exclude' | 'include', excluded: boolean): void {
  if (action === 'exclude' && excluded) {
    throw DomainError.conflict('TARGET_EXCLUDED_ALREADY', {}, { state: CampaignTargetState.EXCLUDED });
  }
  if (action === 'include' && !excluded) {
    throw DomainError.conflict('TARGET_NOT_EXCLUDED');
  }
}

/** A campaign's provisions as stored: white space normalised, blanks and repeats dropped, in the order given. */
export function normaliseProvisions(given: readonly string[] | null | undefined): string[] {
  return [...new Set((given ?? []).map((p) => normaliseProvision(p)).filter((p) => p !== ''))];
}

/** A service a campaign targets, with the provisions of its legal bases that fell under the campaign's. */
export interface SelectedTarget {
  serviceId: string;
  /** The cited provisions that matched; empty where only the whole norm is cited. */
  citedProvisions: string[];
}

/**
 * The targets of a campaign from the legal bases citing its norm (domain.md, "Legal-change
 * campaigns"): every service with a basis that `provisionMatches`, once, in the bases' order.
 * openCampaign creates exactly these, and campaignPreview shows them.
 */
export function targetSelection(
  bases: readonly { service_id: string; provision: string | null }[],
  provisions: readonly string[],
): SelectedTarget[] {
  const selected = new Map<string, SelectedTarget>();
  for (const basis of bases) {
    if (!provisionMatches(basis.provision, provisions)) {
      continue;
    }
    const target = selected.get(basis.service_id) ?? { serviceId: basis.service_id, citedProvisions: [] };
    if (basis.provision !== null && !target.citedProvisions.includes(basis.provision)) {
      target.citedProvisions.push(basis.provision);
    }
    selected.set(basis.service_id, target);
  }
  return [...selected.values()];
}

/** Queueing a target's GitHub issue again: not while the target is EXCLUDED (include it first). */
export function checkIssueRetry(excluded: boolean): void {
  if (excluded) {
    throw DomainError.conflict('TARGET_EXCLUDED');
  }
}

/** What a viewer may do with a campaign now (`Campaign.viewerActions`). */
export enum CampaignViewerAction {
  COMPLETE = 'COMPLETE',
  CANCEL = 'CANCEL',
  ADD_TARGET = 'ADD_TARGET',
}

/** What a viewer may do with a campaign target now (`CampaignTarget.viewerActions`). */
export enum CampaignTargetViewerAction {
  PLAN = 'PLAN',
  LINK_RELEASE = 'LINK_RELEASE',
  EXCLUDE = 'EXCLUDE',
  INCLUDE = 'INCLUDE',
  RETRY_ISSUE = 'RETRY_ISSUE',
}

/** True when the check passes; false when it refuses with a DomainError (anything else is a bug and thrown). */
function accepts(check: () => void): boolean {
  try {
    check();
    return true;
  } catch (error) {
    if (isDomainError(error)) {
      return false;
    }
    throw error;
  }
}

/**
 * The campaign actions the viewer's mutation would accept now: each runs the checks of its
 * mutation (CampaignsService), in its order, so the console cannot offer what the API refuses.
 * `targetStates`: the campaign's targets, for the completion rule.
 */
export function campaignViewerActions(
  campaign: { state: CampaignState; targetStates: readonly CampaignTargetState[] },
  capacities: ReadonlySet<CampaignCapacity>,
): CampaignViewerAction[] {
  const { state } = campaign;
  const checks: [CampaignViewerAction, () => void][] = [
    [
      CampaignViewerAction.COMPLETE,
      () => {
        checkCampaignAction('complete', state, capacities);
        requireEveryTargetDone(campaign.targetStates.map((s) => ({ serviceSlug: '', state: s })));
      },
    ],
    [CampaignViewerAction.CANCEL, () => checkCampaignAction('cancel', state, capacities)],
    [CampaignViewerAction.ADD_TARGET, () => checkCampaignAction('addTarget', state, capacities)],
  ];
  return checks.filter(([, check]) => accepts(check)).map(([action]) => action);
}

/**
 * The target actions the viewer's mutation would accept now, as `campaignViewerActions` does for
 * the campaign. `capacities` are taken with the target service's owner (`capacitiesOf(viewer,
 * ownerId)`). `issueRetryable`: the GitHub integration would queue the issue again
 * (retryCampaignTargetIssue's own conditions: GitHub configured, a repository linked, no issue
 * PENDING or OPENED). Planning and linking do not look at the exclusion: their mutations accept
 * an EXCLUDED target.
 */
export function targetViewerActions(
  target: { campaignState: CampaignState; excluded: boolean; issueRetryable: boolean },
  capacities: ReadonlySet<CampaignCapacity>,
): CampaignTargetViewerAction[] {
  const { campaignState: state, excluded } = target;
  const checks: [CampaignTargetViewerAction, () => void][] = [
    [CampaignTargetViewerAction.PLAN, () => checkCampaignAction('plan', state, capacities)],
    [CampaignTargetViewerAction.LINK_RELEASE, () => checkCampaignAction('link', state, capacities)],
    [
      CampaignTargetViewerAction.EXCLUDE,
      () => {
        checkCampaignAction('exclude', state, capacities);
        checkExclusion('exclude', excluded);
      },
    ],
    [
      CampaignTargetViewerAction.INCLUDE,
      () => {
        checkCampaignAction('include', state, capacities);
        checkExclusion('include', excluded);
      },
    ],
    [
      CampaignTargetViewerAction.RETRY_ISSUE,
      () => {
        checkCampaignAction('retryIssue', state, capacities);
        checkIssueRetry(excluded);
      },
    ],
  ];
  return checks
    .filter(
      ([action, check]) =>
        accepts(check) && (action !== CampaignTargetViewerAction.RETRY_ISSUE || target.issueRetryable),
    )
    .map(([action]) => action);
}

/** What a campaign preview warns of before the campaign is opened. */
export enum CampaignPreviewWarning {
  NO_TARGETS = 'NO_TARGETS',
  EFFECTIVE_DATE_PASSED = 'EFFECTIVE_DATE_PASSED',
}

/**
 * The preview's warnings: no service cites the norm (under the provisions given), and an
 * effective date before today (YYYY-MM-DD, the clock's). Neither stops openCampaign.
 */
export function previewWarnings(
  targets: number,
  effectiveDate: string | null,
  today: string,
): CampaignPreviewWarning[] {
  const warnings: CampaignPreviewWarning[] = [];
  if (targets === 0) {
    warnings.push(CampaignPreviewWarning.NO_TARGETS);
  }
  if (effectiveDate !== null && effectiveDate < today) {
    warnings.push(CampaignPreviewWarning.EFFECTIVE_DATE_PASSED);
  }
  return warnings;
}

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

/**
 * One subscriber is compliant with a target when it reports a deployed version at least as high
 * as the fulfilling release (SemVer precedence); without a fulfilling release or a reported
 * deployment it is not. The per-subscription twin of the count that `subscribersCompliant` and
 * ROLLED_OUT use (`releaseSql.versionAtLeast` in the targets' statement).
 */
export function isCompliant(deployedVersion: string | null, fulfillingVersion: string | null): boolean {
  return (
    deployedVersion !== null && fulfillingVersion !== null && semver.gte(deployedVersion, fulfillingVersion)
  );
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
