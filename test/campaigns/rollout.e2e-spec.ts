import { GET, OPEN, slugs, useCampaignWorld } from '../support/campaigns';
import { publishRelease, registerNorm, registerService } from '../support/factories';
import { errorCode } from '../support/test-app';

/** A release linked to a target by hand, and the target following its subscribers’ deployments day by day. */
describe('legal-change campaigns: linking releases and following the roll-out', () => {
  const w = useCampaignWorld();

  it('links a release by hand: the owner only, a release of the target service only', async () => {
    const { t, maintainer, otherMaintainer, operator, kielAdmin, ids } = w;
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
    const { t, maintainer, operator, kielAdmin } = w;
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
