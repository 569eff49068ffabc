import { Role } from '../src/common/auth/role';
import { publishRelease, registerNorm, registerOrganisation, registerService } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const KIEL = '010020000000';
const TARGETS = `targets { id state plannedReleaseDate assignee estimate { expectedHours standardDeviationHours } subscribersTotal subscribersCompliant overdue atRisk exclusionReason service { slug } release { version } }`;
const CAMPAIGN = `id title state provisions effectiveDate closedAt cancellationReason norm { abbreviation } createdBy { id } ${TARGETS}
  progress { targetsTotal overdueTargets subscribersTotal subscribersCompliant byState { state count } burndown { date openTargets } }`;
const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { ${CAMPAIGN} } }`;
const GET = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN} } }`;

describe('legal-change campaigns', () => {
  let t: TestApp;
  let maintainer: string;
  let otherMaintainer: string;
  let operator: string;
  let kielAdmin: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
    await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG');
    ids.whole = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      subscriptionApproval: 'AUTOMATIC',
      legalBases: [{ norm: 'WoGG' }],
    });
    ids.p22 = await registerService(t, {
      slug: 'wohngeld-abs1',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG', provision: '§22 Abs. 1' }],
    });
    ids.p220 = await registerService(t, {
      slug: 'wohngeld-220',
      ownerKey: 'komfit',
      legalBases: [{ norm: 'WoGG', provision: '§ 220' }],
    });
    ids.other = await registerService(t, { slug: 'hundesteuer', ownerKey: 'komfit' });
    await publishRelease(t, ids.whole, '1.0.0');
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' });
    otherMaintainer = await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
    kielAdmin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' });
  });
  afterAll(() => t.close());

  const slugs = (campaign: any) => campaign.targets.map((x: any) => x.service.slug).sort();

  it('opens a campaign with a target per service citing the norm, provisions matched below', async () => {
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
      estimate: { expectedHours: 28 / 3 },
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
      for (const [kind, role] of [
        ['USABILITY', Role.REVIEWER_USABILITY],
        ['SECURITY', Role.REVIEWER_SECURITY],
        ['INTERFACES', Role.REVIEWER_INTERFACES],
      ] as const) {
        const reviewer = await t.token({ roles: [role], org: 'komfit', sub: `rev-${kind}` });
        await t.gql(
          `mutation($id: ID!, $k: QaGateKind!) { signOff(input: { releaseId: $id, kind: $k, verdict: APPROVE }) { status } }`,
          { id, k: kind },
          reviewer,
        );
      }
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

  it('links a release by hand: the owner only, a release of the target service only', async () => {
    const svc = await registerService(t, {
      slug: 'link-by-hand',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG' }],
    });
    const opened = (
      await t.gql(OPEN, { input: { title: 'Linking', norm: 'WoGG', effectiveDate: '2027-06-01' } }, operator)
    ).data?.openCampaign;
    const target = opened.targets.find((x: any) => x.service.slug === 'link-by-hand');
    const release = await publishRelease(t, svc, '1.0.0');
    const elsewhere = await publishRelease(t, ids.p220, '9.0.0');
    const LINK = `mutation($t: ID!, $r: ID!) { linkCampaignRelease(targetId: $t, releaseId: $r) { state release { version } } }`;
    expect(errorCode(await t.gql(LINK, { t: target.id, r: release }, otherMaintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(LINK, { t: target.id, r: elsewhere }, maintainer))).toBe('BAD_USER_INPUT');
    expect((await t.gql(LINK, { t: target.id, r: release }, maintainer)).data?.linkCampaignRelease).toEqual({
      state: 'ROLLED_OUT',
      release: { version: '1.0.0' },
    }); // no subscribers
    expect(
      errorCode(
        await t.gql(
          `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "x") { state } }`,
          { id: target.id },
          kielAdmin,
        ),
      ),
    ).toBe('FORBIDDEN');
    const fulfils = await t.gql(
      `query($id: ID!) { release(id: $id) { fulfils { title } } }`,
      { id: release },
      kielAdmin,
    );
    expect(fulfils.data?.release.fulfils).toEqual([{ title: 'Linking' }]);
  });

  it('falls back to RELEASED when a subscriber reports a version below the fulfilling one, and burns down over a scripted week', async () => {
    await registerNorm(t, 'BauGB');
    const svc = await registerService(t, {
      slug: 'week',
      ownerKey: 'dataport',
      subscriptionApproval: 'AUTOMATIC',
      legalBases: [{ norm: 'BauGB', provision: '§ 5' }],
    });
    await registerService(t, {
      slug: 'week-other',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'BauGB', provision: '§ 5 Abs. 2' }],
    });
    await publishRelease(t, svc, '1.0.0');
    const day = (d: number) => `2026-12-${String(d).padStart(2, '0')}T09:00:00Z`;
    try {
      t.clock.set(day(1)); // Monday: opened with two targets
      const opened = (
        await t.gql(
          OPEN,
          { input: { title: 'Woche', norm: 'BauGB', provisions: ['§5'], effectiveDate: '2026-12-31' } },
          operator,
        )
      ).data?.openCampaign;
      const id = opened.id;
      expect(slugs(opened)).toEqual(['week', 'week-other']);
      const weekTarget = opened.targets.find((x: any) => x.service.slug === 'week').id;
      const otherTarget = opened.targets.find((x: any) => x.service.slug === 'week-other').id;
      t.clock.set(day(2)); // a subscriber on 1.0.0
      const sub = (
        await t.gql(
          `mutation($s: ID!) { requestSubscription(input: { serviceId: $s, versionRange: "^1.0.0" }) { id } }`,
          { s: svc },
          kielAdmin,
        )
      ).data?.requestSubscription.id;
      await t.gql(
        `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
        { id: sub },
        kielAdmin,
      );
      t.clock.set(day(3)); // the fulfilling 1.1.0 is published
      const fix = await publishRelease(t, svc, '1.1.0');
      await t.gql(
        `mutation($t: ID!, $r: ID!) { linkCampaignRelease(targetId: $t, releaseId: $r) { state } }`,
        { t: weekTarget, r: fix },
        maintainer,
      );
      const state = async () =>
        (await t.gql(GET, { id }, maintainer)).data?.campaign.targets.find((x: any) => x.id === weekTarget)
          .state;
      expect(await state()).toBe('RELEASED');
      t.clock.set(day(4)); // the subscriber upgrades: rolled out
      await t.gql(
        `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.1.0") { id } }`,
        { id: sub },
        kielAdmin,
      );
      expect(await state()).toBe('ROLLED_OUT');
      t.clock.set(day(5)); // ... and goes back to 1.0.0: below the fulfilling version
      await t.gql(
        `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
        { id: sub },
        kielAdmin,
      );
      expect(await state()).toBe('RELEASED');
      t.clock.set(day(6)); // the other target is excluded
      await t.gql(
        `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "nicht betroffen") { state } }`,
        { id: otherTarget },
        maintainer,
      );
      t.clock.set(day(7));
      const burndown = (await t.gql(GET, { id }, maintainer)).data?.campaign.progress.burndown;
      expect(burndown).toEqual([
        { date: '2026-12-01', openTargets: 2 },
        { date: '2026-12-02', openTargets: 2 },
        { date: '2026-12-03', openTargets: 1 },
        { date: '2026-12-04', openTargets: 1 },
        { date: '2026-12-05', openTargets: 1 },
        { date: '2026-12-06', openTargets: 0 },
        { date: '2026-12-07', openTargets: 0 },
      ]);
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
  });
});
