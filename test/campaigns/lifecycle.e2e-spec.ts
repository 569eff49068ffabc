import { Role } from '#src/common/auth/role';
import { GET, OPEN, slugs, useCampaignWorld } from '../support/campaigns';
import { approveGates, registerOrganisation } from '../support/factories';
import { errorCode } from '../support/test-app';

/** A campaign opened for a norm: its targets, their planning, fulfilment by a release, progress, completion. */
describe('legal-change campaigns: from opening to completion', () => {
  const w = useCampaignWorld();

  it('opens a campaign with a target per service citing the norm, provisions matched below', async () => {
    const { t, maintainer, operator, ids } = w;
    const opened = await t.gql(
      OPEN,
      {
        input: {
          title: 'Wohngeld-Plus 2027',
          norm: 'WoGG',
          provisions: ['§ 22'],
          amendment: 'BGBl. 2026 I Nr. 99',
          effectiveDate: '2027-01-01',
        },
      },
      maintainer,
    );
    expect(opened.errors).toBeUndefined();
    const campaign = opened.data?.openCampaign;
    expect(campaign).toMatchObject({
      state: 'ACTIVE',
      provisions: ['§ 22'],
      norm: { abbreviation: 'WoGG' },
      createdBy: { id: 'mia' },
    });
    expect(slugs(campaign)).toEqual(['wohngeld', 'wohngeld-abs1']); // not "§ 220"
    ids.campaign = campaign.id;
    const whole = await t.gql(
      OPEN,
      { input: { title: 'Alles', norm: 'WoGG', effectiveDate: '2027-01-01' } },
      operator,
    );
    expect(slugs(whole.data?.openCampaign)).toEqual(['wohngeld', 'wohngeld-220', 'wohngeld-abs1']);
    ids.cancelMe = whole.data?.openCampaign.id;
  });

  it('refuses unknown norms, municipalities and anonymous callers', async () => {
    const { t, maintainer, kielAdmin } = w;
    expect(
      errorCode(
        await t.gql(OPEN, { input: { title: 'x', norm: 'XYZ', effectiveDate: '2027-01-01' } }, maintainer),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await t.gql(OPEN, { input: { title: 'x', norm: 'WoGG', effectiveDate: '2027-01-01' } }, kielAdmin),
      ),
    ).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(`{ campaigns { totalCount } }`))).toBe('UNAUTHENTICATED');
    expect((await t.gql(`{ campaigns { totalCount } }`, {}, kielAdmin)).data?.campaigns.totalCount).toBe(2);
  });

  it('adds, excludes with a reason and re-includes targets', async () => {
    const { t, maintainer, operator, ids } = w;
    const added = await t.gql(
      `mutation($c: ID!, $s: ID!) { addCampaignTarget(campaignId: $c, serviceId: $s) { id state service { slug } } }`,
      { c: ids.campaign, s: ids.other },
      operator,
    );
    expect(added.data?.addCampaignTarget).toMatchObject({ state: 'OPEN', service: { slug: 'hundesteuer' } });
    expect(
      errorCode(
        await t.gql(
          `mutation($c: ID!, $s: ID!) { addCampaignTarget(campaignId: $c, serviceId: $s) { id } }`,
          { c: ids.campaign, s: ids.other },
          operator,
        ),
      ),
    ).toBe('CONFLICT');
    const target = added.data?.addCampaignTarget.id;
    const excluded = await t.gql(
      `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "Nicht betroffen") { state exclusionReason } }`,
      { id: target },
      maintainer,
    );
    expect(excluded.data?.excludeCampaignTarget).toEqual({
      state: 'EXCLUDED',
      exclusionReason: 'Nicht betroffen',
    });
    const included = await t.gql(
      `mutation($id: ID!) { includeCampaignTarget(targetId: $id) { state exclusionReason } }`,
      { id: target },
      maintainer,
    );
    expect(included.data?.includeCampaignTarget).toEqual({ state: 'OPEN', exclusionReason: null });
    await t.gql(
      `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "Doch nicht betroffen") { state } }`,
      { id: target },
      maintainer,
    );
  });

  it('lets the owner plan a target, validates the estimate, and flags risk and overdue with the clock', async () => {
    const { t, maintainer, otherMaintainer, ids } = w;
    const campaign = (await t.gql(GET, { id: ids.campaign }, maintainer)).data?.campaign;
    const target = campaign.targets.find((x: any) => x.service.slug === 'wohngeld-abs1');
    const PLAN = `mutation($input: PlanCampaignTargetInput!) { planCampaignTarget(input: $input) { state plannedReleaseDate assignee estimate { expectedHours } atRisk overdue } }`;
    const input = {
      targetId: target.id,
      plannedReleaseDate: '2027-01-15',
      assignee: 'Team Wohngeld',
      estimate: { optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 },
    };
    expect(errorCode(await t.gql(PLAN, { input }, otherMaintainer))).toBe('FORBIDDEN');
    expect(
      errorCode(
        await t.gql(
          PLAN,
          { input: { ...input, estimate: { optimisticHours: 9, likelyHours: 8, pessimisticHours: 20 } } },
          maintainer,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const planned = (await t.gql(PLAN, { input }, maintainer)).data?.planCampaignTarget;
    expect(planned).toEqual({
      state: 'PLANNED',
      plannedReleaseDate: '2027-01-15',
      assignee: 'Team Wohngeld',
      estimate: { expectedHours: 9.33 }, // 28 / 3, to the hundredth at the API edge
      atRisk: true,
      overdue: false,
    });
    t.clock.set('2027-01-02T09:00:00Z');
    try {
      const later = (await t.gql(GET, { id: ids.campaign }, maintainer)).data?.campaign;
      expect(later.targets.find((x: any) => x.id === target.id).overdue).toBe(true);
      expect(later.progress.overdueTargets).toBe(2); // both OPEN/PLANNED targets
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  it('is fulfilled by a release created for it, rolls out as subscribers deploy, and falls back when one joins below', async () => {
    const { t, maintainer, operator, kielAdmin, ids } = w;
    const sub = (
      await t.gql(
        `mutation($s: ID!) { requestSubscription(input: { serviceId: $s, versionRange: ">=1.0.0" }) { id state } }`,
        { s: ids.whole },
        kielAdmin,
      )
    ).data?.requestSubscription;
    expect(sub.state).toBe('ACTIVE');
    await t.gql(
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
      { id: sub.id },
      kielAdmin,
    );
    // A release naming a campaign that does not target its service ("§ 220") is refused.
    const wrong = await t.gql(
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
      {
        input: {
          serviceId: ids.p220,
          version: '1.0.0',
          artifactDigest: `sha256:${'e'.repeat(64)}`,
          fulfils: [ids.campaign],
        },
      },
      operator,
    );
    expect(errorCode(wrong)).toBe('BAD_USER_INPUT');
    t.clock.set('2026-11-30T10:00:00Z');
    try {
      const created = await t.gql(
        `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id fulfils { id } } }`,
        {
          input: {
            serviceId: ids.whole,
            version: '1.1.0',
            artifactDigest: `sha256:${'e'.repeat(64)}`,
            fulfils: [ids.campaign],
          },
        },
        operator,
      );
      expect(created.data?.createRelease.fulfils).toEqual([{ id: ids.campaign }]);
      const id = created.data?.createRelease.id;
      await t.gql(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id }, operator);
      await approveGates(t, id, 'komfit');
      await t.gql(`mutation($id: ID!) { publishRelease(id: $id) { state } }`, { id }, operator);
      const target = async () =>
        (await t.gql(GET, { id: ids.campaign }, maintainer)).data?.campaign.targets.find(
          (x: any) => x.service.slug === 'wohngeld',
        );
      expect(await target()).toMatchObject({
        state: 'RELEASED',
        release: { version: '1.1.0' },
        subscribersTotal: 1,
        subscribersCompliant: 0,
      });
      await t.gql(
        `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.1.0") { id } }`,
        { id: sub.id },
        kielAdmin,
      );
      expect(await target()).toMatchObject({
        state: 'ROLLED_OUT',
        subscribersTotal: 1,
        subscribersCompliant: 1,
      });
      // A new subscriber that has reported nothing is not compliant: back to RELEASED.
      await registerOrganisation(t, { key: '010030000000', kind: 'MUNICIPALITY', parentKey: '010000000000' });
      const luebeck = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: '010030000000', sub: 'lea' });
      await t.gql(
        `mutation($s: ID!) { requestSubscription(input: { serviceId: $s, versionRange: "^1.0.0" }) { id } }`,
        { s: ids.whole },
        luebeck,
      );
      expect(await target()).toMatchObject({
        state: 'RELEASED',
        subscribersTotal: 2,
        subscribersCompliant: 1,
      });
      expect(
        (await t.gql(`query($id: ID!) { release(id: $id) { fulfils { id } } }`, { id })).data?.release
          .fulfils,
      ).toEqual([]);
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  it('counts progress and burns down day by day from the facts', async () => {
    const { t, kielAdmin, ids } = w;
    t.clock.set('2026-12-01T10:00:00Z');
    try {
      const progress = (await t.gql(GET, { id: ids.campaign }, kielAdmin)).data?.campaign.progress;
      expect(progress).toMatchObject({ targetsTotal: 3, subscribersTotal: 2, subscribersCompliant: 1 });
      expect(progress.byState).toEqual(
        expect.arrayContaining([
          { state: 'RELEASED', count: 1 },
          { state: 'PLANNED', count: 1 },
          { state: 'EXCLUDED', count: 1 },
        ]),
      );
      expect(progress.burndown).toEqual([
        { date: '2026-11-28', openTargets: 2 }, // hundesteuer added and excluded on the same day
        { date: '2026-11-29', openTargets: 2 },
        { date: '2026-11-30', openTargets: 1 }, // 1.1.0 published
        { date: '2026-12-01', openTargets: 1 },
      ]);
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });

  it('completes only when every target is released or excluded, naming the others; cancels with a reason', async () => {
    const { t, maintainer, operator, ids } = w;
    const refused = await t.gql(
      `mutation($id: ID!) { completeCampaign(id: $id) { state } }`,
      { id: ids.campaign },
      maintainer,
    );
    expect(errorCode(refused)).toBe('CONFLICT');
    expect(refused.errors?.[0].message).toContain('wohngeld-abs1 (PLANNED)');
    const target = (await t.gql(GET, { id: ids.campaign }, maintainer)).data?.campaign.targets.find(
      (x: any) => x.service.slug === 'wohngeld-abs1',
    );
    await t.gql(
      `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "Regelung entfällt") { state } }`,
      { id: target.id },
      maintainer,
    );
    const done = await t.gql(
      `mutation($id: ID!) { completeCampaign(id: $id) { state closedAt } }`,
      { id: ids.campaign },
      maintainer,
    );
    expect(done.data?.completeCampaign).toEqual({ state: 'COMPLETED', closedAt: '2026-11-28T10:00:00.000Z' });
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { cancelCampaign(id: $id, reason: "x") { state } }`,
          { id: ids.campaign },
          maintainer,
        ),
      ),
    ).toBe('CONFLICT');
    const cancelled = await t.gql(
      `mutation($id: ID!) { cancelCampaign(id: $id, reason: "Gesetz gestoppt") { state cancellationReason } }`,
      { id: ids.cancelMe },
      operator,
    );
    expect(cancelled.data?.cancelCampaign).toEqual({
      state: 'CANCELLED',
      cancellationReason: 'Gesetz gestoppt',
    });
    const active = await t.gql(
      `{ campaigns(state: ACTIVE) { totalCount } completed: campaigns(state: COMPLETED) { edges { node { id } } } }`,
      {},
      maintainer,
    );
    expect(active.data).toEqual({
      campaigns: { totalCount: 0 },
      completed: { edges: [{ node: { id: ids.campaign } }] },
    });
  });
});
