import { Role } from '#src/common/auth/role';
import { KIEL, useCampaignWorld } from '../support/campaigns';
import {
  LUEBECK,
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
} from '../support/factories';
import { StatementCounter } from '../support/test-app';

const FLENSBURG = '010010000000';
const ROLLOUT = `query($id: ID!) { campaign(id: $id) { targets { service { slug }
  rollout { subscription { id organisation { key } } deployedVersion compliant } } } }`;

/** CampaignTarget.rollout: each ACTIVE subscriber the viewer may read, compliant or not, in one statement for all targets. */
describe('legal-change campaigns: the roll-out per subscriber', () => {
  const sql = new StatementCounter();
  const w = useCampaignWorld(sql);
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { t, kielAdmin, operator } = w;
    await registerNorm(t, 'RollG');
    await registerOrganisation(t, {
      key: LUEBECK,
      name: 'Hansestadt Lübeck',
      kind: 'MUNICIPALITY',
      parentKey: '010000000000',
    });
    await registerOrganisation(t, {
      key: FLENSBURG,
      name: 'Stadt Flensburg',
      kind: 'MUNICIPALITY',
      parentKey: '010000000000',
    });
    const service = (slug: string) =>
      registerService(t, {
        slug,
        ownerKey: 'dataport',
        subscriptionApproval: 'AUTOMATIC',
        legalBases: [{ norm: 'RollG' }],
      });
    ids.main = await service('rollout');
    ids.second = await service('rollout-2');
    ids.third = await service('rollout-3');
    for (const id of [ids.main, ids.second, ids.third]) {
      await publishRelease(t, id, '1.0.0');
    }
    ids.fix = await publishRelease(t, ids.main, '1.1.0');
    const subscribe = async (
      serviceId: string,
      organisationKey: string,
      token: string,
      deployed?: string,
    ) => {
      const requested = await t.gql(
        `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id } }`,
        { input: { serviceId, versionRange: '^1.0.0', organisationKey } },
        token,
      );
      const id = requested.data?.requestSubscription.id as string;
      if (deployed) {
        await t.gql(
          `mutation($id: ID!, $v: SemVer!) { reportDeployment(subscriptionId: $id, version: $v) { id } }`,
          { id, v: deployed },
          token,
        );
      }
      return id;
    };
    ids.kiel = await subscribe(ids.main, KIEL, kielAdmin, '1.1.0');
    ids.luebeck = await subscribe(ids.main, LUEBECK, operator, '1.0.0');
    ids.flensburg = await subscribe(ids.main, FLENSBURG, operator);
    await subscribe(ids.second, KIEL, kielAdmin, '1.0.0');
    await subscribe(ids.third, LUEBECK, operator);
    // Terminated: no longer a subscriber, so not in the roll-out.
    const gone = await subscribe(ids.second, FLENSBURG, operator, '1.0.0');
    await t.gql(
      `mutation($id: ID!) { terminateSubscription(id: $id, reason: "Ende") { id } }`,
      { id: gone },
      operator,
    );

    const opened = await t.gql(
      `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { slug } } } }`,
      { input: { title: 'Roll-out', norm: 'RollG', effectiveDate: '2027-06-01' } },
      operator,
    );
    ids.campaign = opened.data?.openCampaign.id;
    ids.target = opened.data?.openCampaign.targets.find((x: any) => x.service.slug === 'rollout').id;
  });

  const rolloutOf = async (token: string | undefined, slug = 'rollout') => {
    const result = await w.t.gql(ROLLOUT, { id: ids.campaign }, token);
    expect(result.errors).toBeUndefined();
    return result.data?.campaign.targets
      .find((target: any) => target.service.slug === slug)
      .rollout.map((row: any) => [row.subscription.organisation.key, row.deployedVersion, row.compliant]);
  };

  it('is not compliant while no release fulfils the target, then by the fulfilling version: non-compliant first, by name', async () => {
    const { t, operator, maintainer } = w;
    // By name: "Hansestadt Lübeck", "Org 010020000000" (Kiel), "Stadt Flensburg".
    expect(await rolloutOf(operator)).toEqual([
      [LUEBECK, '1.0.0', false],
      [KIEL, '1.1.0', false],
      [FLENSBURG, null, false],
    ]);
    const linked = await t.gql(
      `mutation($t: ID!, $r: ID!) { linkCampaignRelease(targetId: $t, releaseId: $r) { subscribersCompliant } }`,
      { t: ids.target, r: ids.fix },
      maintainer,
    );
    expect(linked.data?.linkCampaignRelease.subscribersCompliant).toBe(1);
    expect(await rolloutOf(operator)).toEqual([
      [LUEBECK, '1.0.0', false],
      [FLENSBURG, null, false], // nothing reported: not compliant
      [KIEL, '1.1.0', true],
    ]);
  });

  it("shows a municipality its own row, the owner's MAINTAINER all, another MAINTAINER none", async () => {
    const { t, kielAdmin, maintainer, otherMaintainer } = w;
    expect(await rolloutOf(kielAdmin)).toEqual([[KIEL, '1.1.0', true]]);
    expect(await rolloutOf(maintainer)).toEqual([
      [LUEBECK, '1.0.0', false],
      [FLENSBURG, null, false],
      [KIEL, '1.1.0', true],
    ]);
    expect(await rolloutOf(otherMaintainer)).toEqual([]);
    const reviewer = await t.token({ roles: [Role.REVIEWER_SECURITY], org: 'komfit', sub: 'rita' });
    expect(await rolloutOf(reviewer)).toEqual([]);
    const luebeckStaff = await t.token({ roles: [Role.REVIEWER_USABILITY], org: LUEBECK, sub: 'lars' });
    expect(await rolloutOf(luebeckStaff)).toEqual([[LUEBECK, '1.0.0', false]]); // its own organisation's
    // The terminated subscription is nobody's row; the other targets have theirs.
    expect(await rolloutOf(maintainer, 'rollout-2')).toEqual([[KIEL, '1.0.0', false]]);
    expect(await rolloutOf(maintainer, 'rollout-3')).toEqual([[LUEBECK, null, false]]);
  });

  it('costs the same statements for three targets as for one (one batch for all targets)', async () => {
    const { t, operator } = w;
    await registerNorm(t, 'EinzG'); // cited by no service: the campaign's one target is added by hand
    const single = (
      await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { title: 'Einzeln', norm: 'EinzG', effectiveDate: '2027-06-01' } },
        operator,
      )
    ).data?.openCampaign.id;
    await t.gql(
      `mutation($c: ID!, $s: ID!) { addCampaignTarget(campaignId: $c, serviceId: $s) { id } }`,
      { c: single, s: ids.main },
      operator,
    );
    const statements = async (id: string) => {
      sql.count = 0;
      const result = await t.gql(ROLLOUT, { id }, operator);
      expect(result.errors).toBeUndefined();
      return { targets: result.data?.campaign.targets.length, statements: sql.count };
    };
    const one = await statements(single);
    const three = await statements(ids.campaign);
    expect([one.targets, three.targets]).toEqual([1, 3]);
    expect(three.statements).toBe(one.statements);
  });
});
