import {
  burndown,
  CampaignTargetState,
  isAtRisk,
  isOverdue,
  pert,
  provisionMatches,
  targetState,
  threePointProblem,
} from './campaign.rules';

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
});
