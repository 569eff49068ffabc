import { DomainError } from '#src/common/errors/domain-error';
import {
  burndown,
  CAMPAIGN_TRANSITIONS,
  CampaignState,
  CampaignTargetState,
  campaignViewerActions,
  checkCampaignAction,
  checkExclusion,
  checkIssueRetry,
  isAtRisk,
  isOverdue,
  normaliseProvisions,
  previewWarnings,
  provisionMatches,
  requireEveryTargetDone,
  targetSelection,
  targetState,
  targetViewerActions,
  type CampaignAction,
  type CampaignCapacity,
  type CampaignStage,
} from './campaign.rules';

/** The DomainError `run` throws (code, message, details), or null. */
function outcome(
  run: () => unknown,
): { code: string; message: string; details: Record<string, unknown> } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof DomainError)) {
      throw error;
    }
    return { code: error.code, message: error.message, details: error.details };
  }
}

const STAGES: CampaignStage[] = [
  'NEW',
  CampaignState.ACTIVE,
  CampaignState.COMPLETED,
  CampaignState.CANCELLED,
];
const CAPACITIES: CampaignCapacity[][] = [[], ['maintainer'], ['owner'], ['maintainer', 'owner']];

/** Every action, from every stage, in every combination of capacities: the table says what happens. */
const CASES = (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignAction[]).flatMap((action) =>
  STAGES.flatMap((stage) => CAPACITIES.map((capacities) => [action, stage, capacities] as const)),
);

describe('campaign transitions', () => {
  it.each(CASES)('%s from %s as %j', (action, stage, capacities) => {
    const rule = CAMPAIGN_TRANSITIONS[action];
    const result = outcome(() => checkCampaignAction(action, stage, new Set(capacities)));
    if (!rule.from.includes(stage)) {
      // A closed (or not yet opened) campaign answers first, whoever asks.
      expect(result).toEqual({
        code: 'CONFLICT',
        message: `The campaign is ${stage}`,
        details: { state: stage },
      });
    } else if (!rule.by.some((c) => capacities.includes(c))) {
      expect(result?.code).toBe('FORBIDDEN');
    } else {
      expect(result).toBeNull();
      const to = checkCampaignAction(action, stage, new Set(capacities));
      expect(to).toBe(rule.to === 'same' ? stage : rule.to);
    }
  });

  it.each([
    ['open', ['NEW'], ['maintainer'], CampaignState.ACTIVE],
    ['addTarget', [CampaignState.ACTIVE], ['maintainer'], 'same'],
    ['exclude', [CampaignState.ACTIVE], ['maintainer'], 'same'],
    ['include', [CampaignState.ACTIVE], ['maintainer'], 'same'],
    ['plan', [CampaignState.ACTIVE], ['owner'], 'same'],
    ['link', [CampaignState.ACTIVE], ['owner'], 'same'],
    ['retryIssue', [CampaignState.ACTIVE], ['owner'], 'same'],
    ['complete', [CampaignState.ACTIVE], ['maintainer'], CampaignState.COMPLETED],
    ['cancel', [CampaignState.ACTIVE], ['maintainer'], CampaignState.CANCELLED],
  ] as const)('%s: from %j by %j to %s (domain.md, "Who may do what")', (action, from, by, to) => {
    expect(CAMPAIGN_TRANSITIONS[action]).toMatchObject({ from, by, to });
  });

  it('asks for a reason to exclude and to cancel', () => {
    const required = (Object.keys(CAMPAIGN_TRANSITIONS) as CampaignAction[]).filter(
      (a) => CAMPAIGN_TRANSITIONS[a].reason === 'required',
    );
    expect(required.sort()).toEqual(['cancel', 'exclude']);
  });

  it("names the owner's right when a MAINTAINER of another organisation plans", () => {
    expect(
      outcome(() => checkCampaignAction('plan', CampaignState.ACTIVE, new Set(['maintainer'])))?.message,
    ).toBe("Only the target service's owner's MAINTAINERs and OPERATORs may plan it or link releases");
  });

  it.each([
    ['exclude', true, 'The target is EXCLUDED already'],
    ['exclude', false, null],
    ['include', false, 'The target is not excluded'],
    ['include', true, null],
  ] as const)('%s a target that is excluded (%s): %s', (action, excluded, message) => {
    expect(outcome(() => checkExclusion(action, excluded))?.message ?? null).toBe(message);
  });

  it('completes only when every target is RELEASED, ROLLED_OUT or EXCLUDED, naming the others', () => {
    const done = [
      { serviceSlug: 'a', state: CampaignTargetState.RELEASED },
      { serviceSlug: 'b', state: CampaignTargetState.ROLLED_OUT },
      { serviceSlug: 'c', state: CampaignTargetState.EXCLUDED },
    ];
    expect(outcome(() => requireEveryTargetDone(done))).toBeNull();
    expect(
      outcome(() =>
        requireEveryTargetDone([
          ...done,
          { serviceSlug: 'd', state: CampaignTargetState.PLANNED },
          { serviceSlug: 'e', state: CampaignTargetState.OPEN },
        ]),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'Cannot complete the campaign: d (PLANNED), e (OPEN) not yet released or excluded',
      details: { unfinished: ['d (PLANNED)', 'e (OPEN)'] },
    });
  });
});

describe('campaign rules', () => {
  it.each([
    [null, ['§ 22'], true], // the whole norm
    ['§ 22', ['§ 22'], true],
    ['§ 22 Abs. 1', ['§ 22'], true],
    ['§22 Abs.1', ['§ 22'], true], // white space normalised
    ['§ 220', ['§ 22'], false],
    ['§ 21', ['§ 22', '§ 23'], false],
    ['§ 21', [], true], // no provisions: the whole norm
  ])('%s under %j: %s', (cited, given, matches) => {
    expect(provisionMatches(cited, given)).toBe(matches);
  });

  it('derives the target state from facts', () => {
    const facts = {
      excluded: false,
      fulfilled: false,
      subscribersTotal: 2,
      subscribersCompliant: 0,
      planned: false,
    };
    expect(targetState(facts)).toBe(CampaignTargetState.OPEN);
    expect(targetState({ ...facts, planned: true })).toBe(CampaignTargetState.PLANNED);
    expect(targetState({ ...facts, fulfilled: true, subscribersCompliant: 1 })).toBe(
      CampaignTargetState.RELEASED,
    );
    expect(targetState({ ...facts, fulfilled: true, subscribersCompliant: 2 })).toBe(
      CampaignTargetState.ROLLED_OUT,
    );
    expect(targetState({ ...facts, fulfilled: true, subscribersTotal: 0 })).toBe(
      CampaignTargetState.ROLLED_OUT,
    );
    expect(targetState({ ...facts, excluded: true, fulfilled: true })).toBe(CampaignTargetState.EXCLUDED);
  });

  it('knows overdue and at risk', () => {
    expect(isOverdue(CampaignTargetState.PLANNED, '2027-01-01', '2027-01-01')).toBe(true);
    expect(isOverdue(CampaignTargetState.RELEASED, '2027-02-01', '2027-01-01')).toBe(false);
    expect(isOverdue(CampaignTargetState.OPEN, '2026-12-31', '2027-01-01')).toBe(false);
    expect(isAtRisk(CampaignTargetState.PLANNED, '2027-01-02', '2027-01-01')).toBe(true);
    expect(isAtRisk(CampaignTargetState.PLANNED, '2027-01-01', '2027-01-01')).toBe(false);
  });

  it('burns down from the facts’ timestamps, one point per day', () => {
    const at = (d: string) => new Date(`${d}T12:00:00Z`);
    const points = burndown(
      [
        { addedAt: at('2026-11-28'), exclusions: [], fulfilledAt: at('2026-11-30') },
        {
          addedAt: at('2026-11-28'),
          exclusions: [{ from: at('2026-11-29'), until: null }],
          fulfilledAt: null,
        },
        { addedAt: at('2026-11-29'), exclusions: [], fulfilledAt: null },
        // Excluded on the 29th, re-included on the 30th: open again from then.
        {
          addedAt: at('2026-11-28'),
          exclusions: [{ from: at('2026-11-29'), until: at('2026-11-30') }],
          fulfilledAt: null,
        },
      ],
      '2026-11-28',
      '2026-12-01',
    );
    expect(points).toEqual([
      { date: '2026-11-28', openTargets: 3 },
      { date: '2026-11-29', openTargets: 2 },
      { date: '2026-11-30', openTargets: 2 },
      { date: '2026-12-01', openTargets: 2 },
    ]);
  });

  it('selects the targets from the citing bases: each service once, with the provisions that matched', () => {
    const bases = [
      { service_id: 'a', provision: '§ 22 Abs. 1' },
      { service_id: 'b', provision: null },
      { service_id: 'a', provision: '§ 22 Abs. 2' },
      { service_id: 'c', provision: '§ 220' },
      { service_id: 'a', provision: '§ 22 Abs. 1' },
      { service_id: 'b', provision: '§ 5' },
    ];
    expect(targetSelection(bases, normaliseProvisions(['§22', ' ', '§ 22']))).toEqual([
      { serviceId: 'a', citedProvisions: ['§ 22 Abs. 1', '§ 22 Abs. 2'] },
      { serviceId: 'b', citedProvisions: [] }, // the whole norm; its § 5 is not under § 22
    ]);
    expect(targetSelection(bases, []).map((t) => [t.serviceId, t.citedProvisions])).toEqual([
      ['a', ['§ 22 Abs. 1', '§ 22 Abs. 2']],
      ['b', ['§ 5']],
      ['c', ['§ 220']],
    ]);
    expect(targetSelection([], ['§ 1'])).toEqual([]);
    expect(normaliseProvisions(null)).toEqual([]);
  });

  it.each([
    [0, null, '2026-11-28', ['NO_TARGETS']],
    [2, null, '2026-11-28', []],
    [2, '2026-11-28', '2026-11-28', []], // today is not past
    [2, '2026-11-27', '2026-11-28', ['EFFECTIVE_DATE_PASSED']],
    [0, '2025-01-01', '2026-11-28', ['NO_TARGETS', 'EFFECTIVE_DATE_PASSED']],
  ])('warns a preview with %d targets, effective %s, today %s: %j', (targets, effective, today, warnings) => {
    expect(previewWarnings(targets, effective, today)).toEqual(warnings);
  });

  describe('the actions a viewer may take', () => {
    const ALL = [CampaignState.ACTIVE, CampaignState.COMPLETED, CampaignState.CANCELLED];
    const done = [CampaignTargetState.RELEASED, CampaignTargetState.EXCLUDED];

    it.each([
      [CampaignState.ACTIVE, ['maintainer', 'owner'], done, ['COMPLETE', 'CANCEL', 'ADD_TARGET']], // an OPERATOR
      [CampaignState.ACTIVE, [], done, []], // a municipality
      [CampaignState.ACTIVE, ['owner'], done, []], // the target's owner alone changes no campaign
      [
        CampaignState.ACTIVE,
        ['maintainer'],
        [...done, CampaignTargetState.PLANNED],
        ['CANCEL', 'ADD_TARGET'],
      ],
      [CampaignState.ACTIVE, ['maintainer'], [], ['COMPLETE', 'CANCEL', 'ADD_TARGET']],
      [CampaignState.COMPLETED, ['maintainer', 'owner'], done, []],
      [CampaignState.CANCELLED, ['maintainer', 'owner'], done, []],
    ] as [CampaignState, CampaignCapacity[], CampaignTargetState[], string[]][])(
      'a campaign %s, capacities %j, targets %j: %j',
      (state, capacities, targetStates, expected) => {
        expect(campaignViewerActions({ state, targetStates }, new Set(capacities))).toEqual(expected);
      },
    );

    it.each([
      [['maintainer', 'owner'], false, true, ['PLAN', 'LINK_RELEASE', 'EXCLUDE', 'RETRY_ISSUE']],
      [['maintainer', 'owner'], true, true, ['PLAN', 'LINK_RELEASE', 'INCLUDE']], // no retry while excluded
      [['maintainer', 'owner'], false, false, ['PLAN', 'LINK_RELEASE', 'EXCLUDE']],
      [['maintainer'], false, true, ['EXCLUDE']],
      [['maintainer'], true, true, ['INCLUDE']],
      [['owner'], false, true, ['PLAN', 'LINK_RELEASE', 'RETRY_ISSUE']],
      [[], false, true, []],
    ] as [CampaignCapacity[], boolean, boolean, string[]][])(
      'a target of an ACTIVE campaign, capacities %j, excluded %s, issue retryable %s: %j',
      (capacities, excluded, issueRetryable, expected) => {
        expect(
          targetViewerActions(
            { campaignState: CampaignState.ACTIVE, excluded, issueRetryable },
            new Set(capacities),
          ),
        ).toEqual(expected);
      },
    );

    it('offers nothing on a closed campaign, whoever asks', () => {
      for (const state of ALL.filter((s) => s !== CampaignState.ACTIVE)) {
        for (const excluded of [false, true]) {
          const all = new Set<CampaignCapacity>(['maintainer', 'owner']);
          expect(targetViewerActions({ campaignState: state, excluded, issueRetryable: true }, all)).toEqual(
            [],
          );
        }
      }
    });

    it('lists an action exactly when its checks pass (the mutation’s own checks)', () => {
      for (const state of ALL) {
        for (const capacities of CAPACITIES) {
          for (const excluded of [false, true]) {
            const held = new Set(capacities);
            const listed = targetViewerActions(
              { campaignState: state, excluded, issueRetryable: true },
              held,
            );
            const passes = (action: CampaignAction, extra: () => void = () => undefined) =>
              outcome(() => {
                checkCampaignAction(action, state, held);
                extra();
              }) === null;
            expect({ state, capacities, excluded, listed }).toEqual({
              state,
              capacities,
              excluded,
              listed: [
                ...(passes('plan') ? ['PLAN'] : []),
                ...(passes('link') ? ['LINK_RELEASE'] : []),
                ...(passes('exclude', () => checkExclusion('exclude', excluded)) ? ['EXCLUDE'] : []),
                ...(passes('include', () => checkExclusion('include', excluded)) ? ['INCLUDE'] : []),
                ...(passes('retryIssue', () => checkIssueRetry(excluded)) ? ['RETRY_ISSUE'] : []),
              ],
            });
          }
        }
      }
    });
  });
});
