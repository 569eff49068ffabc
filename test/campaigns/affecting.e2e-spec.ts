import { Role } from '#src/common/auth/role';
import { OPEN, useCampaignWorld } from '../support/campaigns';
import { approveGates, KIEL, LUEBECK, publishRelease, registerOrganisation } from '../support/factories';
import { errorCode } from '../support/test-app';

/**
 * campaignTargetsAffecting (issue 14, part 8): the targets of ACTIVE campaigns on the services an
 * organisation subscribes to, with their deadlines and the subscription concerned, for a
 * municipality's start page. Visibility follows the subscriptions (domain.md: a municipality its
 * own, the owner's MAINTAINER those to its services, OPERATOR any) and "read campaigns: anyone
 * signed in".
 */
const AFFECTING = `query($key: String) { campaignTargetsAffecting(organisationKey: $key) {
  effectiveDate compliant
  target { state overdue atRisk plannedReleaseDate campaign { title effectiveDate amendment norm { abbreviation } } service { slug } release { version } }
  subscription { state versionRange deployedVersion organisation { key } targetRelease { version } } } }`;

/** "campaign title / service slug (subscription state)" of each item, in the answer's order. */
const lines = (items: any[]) =>
  items.map((i) => `${i.target.campaign.title} / ${i.target.service.slug} (${i.subscription.state})`);

describe('campaign targets affecting an organisation', () => {
  const w = useCampaignWorld();
  let luebeckAdmin: string;
  const subs: Record<string, string> = {};
  const campaigns: Record<string, any> = {};

  const affecting = async (token: string | undefined, key?: string) => {
    const result = await w.t.gql(AFFECTING, { key }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.campaignTargetsAffecting as any[];
  };
  const gql = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await w.t.gql(query, variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!;
  };
  const REQUEST = `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id state } }`;
  const open = async (title: string, effectiveDate: string, extra: Record<string, unknown> = {}) =>
    (await gql(OPEN, { input: { title, norm: 'WoGG', effectiveDate, ...extra } }, w.maintainer)).openCampaign;
  const targetOf = (campaign: any, slug: string) =>
    campaign.targets.find((x: any) => x.service.slug === slug).id;

  beforeAll(async () => {
    const { t, ids } = w;
    await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    luebeckAdmin = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK, sub: 'lea' });
    await publishRelease(t, ids.p22, '1.0.0');
    await publishRelease(t, ids.p220, '1.0.0');
    await publishRelease(t, ids.other, '1.0.0');
    // Kiel: wohngeld ACTIVE (deployed 1.0.0), wohngeld-abs1 and wohngeld-220 REQUESTED, hundesteuer
    // REQUESTED (it cites no norm). Lübeck: wohngeld ACTIVE, nothing deployed.
    for (const [name, serviceId, token] of [
      ['kielWohngeld', ids.whole, w.kielAdmin],
      ['kielAbs1', ids.p22, w.kielAdmin],
      ['kiel220', ids.p220, w.kielAdmin],
      ['kielHund', ids.other, w.kielAdmin],
      ['luebeckWohngeld', ids.whole, luebeckAdmin],
    ] as const) {
      subs[name] = (
        await gql(REQUEST, { input: { serviceId, versionRange: '^1.0.0' } }, token)
      ).requestSubscription.id;
    }
    await gql(
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { id } }`,
      { id: subs.kielWohngeld },
      w.kielAdmin,
    );
    // A: the whole WoGG by 2026-12-01 (three days ahead). B: § 22 by 2027-03-01. C: cancelled.
    campaigns.A = await open('A', '2026-12-01', { amendment: 'BGBl. 2026 I Nr. 1' });
    campaigns.B = await open('B', '2027-03-01', { provisions: ['§ 22'] });
    campaigns.C = await open('C', '2026-12-15');
    await gql(
      `mutation($id: ID!) { cancelCampaign(id: $id, reason: "doppelt") { state } }`,
      { id: campaigns.C.id },
      w.operator,
    );
    // B's target on wohngeld-abs1 is excluded: judged not affected.
    await gql(
      `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "nicht betroffen") { state } }`,
      { id: targetOf(campaigns.B, 'wohngeld-abs1') },
      w.maintainer,
    );
    // A's target on wohngeld is planned after its deadline: at risk.
    await gql(
      `mutation($input: PlanCampaignTargetInput!) { planCampaignTarget(input: $input) { atRisk } }`,
      {
        input: {
          targetId: targetOf(campaigns.A, 'wohngeld'),
          plannedReleaseDate: '2026-12-20',
          estimate: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 },
        },
      },
      w.maintainer,
    );
    // 1.1.0 of wohngeld fulfils B: B's target on wohngeld is RELEASED; Kiel runs 1.0.0, Lübeck nothing.
    const created = await gql(
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
      {
        input: {
          serviceId: ids.whole,
          version: '1.1.0',
          artifactDigest: `sha256:${'e'.repeat(64)}`,
          fulfils: [campaigns.B.id],
        },
      },
      w.maintainer,
    );
    const release = created.createRelease.id;
    await gql(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id: release }, w.maintainer);
    await approveGates(w.t, release);
    await gql(`mutation($id: ID!) { publishRelease(id: $id) { state } }`, { id: release }, w.maintainer);
  });

  it('lists for a municipality the targets on the services it subscribes to, earliest deadline first, with the deadline', async () => {
    const items = await affecting(w.kielAdmin);
    expect(lines(items)).toEqual([
      'A / wohngeld (ACTIVE)',
      'A / wohngeld-220 (REQUESTED)',
      'A / wohngeld-abs1 (REQUESTED)',
      'B / wohngeld (ACTIVE)',
    ]);
    expect(items.map((i) => i.effectiveDate)).toEqual([
      '2026-12-01',
      '2026-12-01',
      '2026-12-01',
      '2027-03-01',
    ]);
    expect(items[0].target.campaign).toEqual({
      title: 'A',
      effectiveDate: '2026-12-01',
      amendment: 'BGBl. 2026 I Nr. 1',
      norm: { abbreviation: 'WoGG' },
    });
    expect(items.every((i) => i.subscription.organisation.key === KIEL)).toBe(true);
  });

  it('leaves out excluded targets, cancelled campaigns and services no campaign targets', async () => {
    const text = lines(await affecting(w.kielAdmin)).join('\n');
    expect(text).not.toMatch(/^B \/ wohngeld-abs1/m);
    expect(text).not.toMatch(/^C \//m);
    expect(text).not.toContain('hundesteuer');
  });

  it('says which targets are at risk, and what the subscriber runs against the fulfilling release', async () => {
    const items = await affecting(w.kielAdmin);
    const aWohngeld = items[0];
    expect(aWohngeld.target).toMatchObject({ state: 'PLANNED', atRisk: true, overdue: false, release: null });
    expect(aWohngeld.compliant).toBe(false);
    const bWohngeld = items[3];
    expect(bWohngeld.target).toMatchObject({
      state: 'RELEASED',
      atRisk: false,
      overdue: false,
      release: { version: '1.1.0' },
    });
    expect(bWohngeld.subscription).toMatchObject({
      deployedVersion: '1.0.0',
      targetRelease: { version: '1.1.0' },
    });
    expect(bWohngeld.compliant).toBe(false);
  });

  it('turns compliant once the subscriber reports the fulfilling version', async () => {
    await gql(
      `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.1.0") { id } }`,
      { id: subs.kielWohngeld },
      w.kielAdmin,
    );
    const b = (await affecting(w.kielAdmin)).find((i) => i.target.campaign.title === 'B');
    expect(b.compliant).toBe(true);
    expect(b.subscription.deployedVersion).toBe('1.1.0');
    // Lübeck has reported nothing: not compliant (domain.md, "Legal-change campaigns").
    const luebeck = (await affecting(luebeckAdmin)).find((i) => i.target.campaign.title === 'B');
    expect(luebeck.compliant).toBe(false);
  });

  it('shows another municipality only its own subscriptions, and none of Kiel’s', async () => {
    expect(lines(await affecting(luebeckAdmin))).toEqual(['A / wohngeld (ACTIVE)', 'B / wohngeld (ACTIVE)']);
    expect(await affecting(luebeckAdmin, KIEL)).toEqual([]);
  });

  it("shows the owner's MAINTAINER the targets on its own services only; OPERATORs see all", async () => {
    expect(lines(await affecting(w.maintainer, KIEL))).toEqual([
      'A / wohngeld (ACTIVE)',
      'A / wohngeld-abs1 (REQUESTED)',
      'B / wohngeld (ACTIVE)',
    ]);
    expect(lines(await affecting(w.otherMaintainer, KIEL))).toEqual(['A / wohngeld-220 (REQUESTED)']);
    expect(lines(await affecting(w.operator, KIEL))).toEqual(lines(await affecting(w.kielAdmin)));
  });

  it('refuses anonymous callers (UNAUTHENTICATED) and a token without a role (FORBIDDEN)', async () => {
    expect(errorCode(await w.t.gql(AFFECTING, { key: KIEL }))).toBe('UNAUTHENTICATED');
    const noRights = await w.t.token({ roles: [], org: KIEL });
    expect(errorCode(await w.t.gql(AFFECTING, { key: KIEL }, noRights))).toBe('FORBIDDEN');
  });

  it('needs an organisation: BAD_USER_INPUT naming organisationKey when the token names none or the key is unknown', async () => {
    for (const [token, key] of [
      [w.operator, undefined],
      [w.kielAdmin, '019999999999'],
    ] as const) {
      const result = await w.t.gql(AFFECTING, { key }, token);
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'organisationKey',
      });
    }
  });

  it('counts SUSPENDED subscriptions, not TERMINATED ones', async () => {
    await gql(
      `mutation($id: ID!) { suspendSubscription(id: $id, reason: "Sicherheitsvorfall") { state } }`,
      { id: subs.luebeckWohngeld },
      w.maintainer,
    );
    expect(lines(await affecting(luebeckAdmin))).toEqual([
      'A / wohngeld (SUSPENDED)',
      'B / wohngeld (SUSPENDED)',
    ]);
    await gql(
      `mutation($id: ID!) { terminateSubscription(id: $id, reason: "Wechsel") { state } }`,
      { id: subs.luebeckWohngeld },
      luebeckAdmin,
    );
    expect(await affecting(luebeckAdmin)).toEqual([]);
  });

  it('marks the targets overdue once the deadline has come', async () => {
    w.t.clock.set('2026-12-01T08:00:00.000Z');
    try {
      const a = (await affecting(w.kielAdmin)).filter((i) => i.target.campaign.title === 'A');
      expect(a.map((i) => i.target.overdue)).toEqual([true, true, true]);
    } finally {
      w.t.clock.set('2026-11-28T10:00:00.000Z');
    }
  });
});
