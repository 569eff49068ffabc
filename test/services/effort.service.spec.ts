import { CampaignQueries } from '#src/campaigns/campaign-queries.service';
import { CampaignsService } from '#src/campaigns/campaigns.service';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { EffortService } from '#src/effort/effort.service';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { registerNorm, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** The effort rules asserted on the service itself, against a real PostgreSQL. */
describe(EffortService.name, () => {
  let t: TestApp;
  let sut: EffortService;
  const operator: Viewer = { subject: 'olaf', name: 'Olaf', roles: [Role.OPERATOR], organisation: null };
  let komfitMaintainer: Viewer;
  let wohngeld: string;
  let other: string;
  let targetId: string;

  async function failure(call: Promise<unknown>): Promise<DomainError> {
    const error: unknown = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.app.get(EffortService);
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG');
    wohngeld = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG' }],
    });
    other = await registerService(t, { slug: 'hundesteuer', ownerKey: 'dataport' });
    const komfit = (await t.app.get(OrganisationsService).findByKey('komfit'))!;
    komfitMaintainer = {
      subject: 'max',
      name: null,
      roles: [Role.MAINTAINER],
      organisation: { id: komfit.id, key: 'komfit' },
    };
    const campaign = await t.app
      .get(CampaignsService)
      .open(operator, { title: 'Wohngeld-Plus', norm: 'WoGG', effectiveDate: '2027-01-01' });
    [{ id: targetId }] = await t.app.get(CampaignQueries).targetsOf(campaign.id);
    await t.app.get(CampaignsService).plan(operator, {
      targetId,
      plannedReleaseDate: '2026-12-15',
      estimate: { optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 },
    });
  }, 60_000);
  afterAll(() => t.close());

  it("lets only the owner's MAINTAINERs and OPERATORs set the baseline", async () => {
    const estimate = { optimisticHours: 73, likelyHours: 146, pessimisticHours: 365 };
    expect(await failure(sut.setBaseline(komfitMaintainer, wohngeld, estimate))).toMatchObject({
      code: 'FORBIDDEN',
      message: "Only the owner's MAINTAINERs and OPERATORs may do this",
    });
    const service = await sut.setBaseline(operator, wohngeld, estimate);
    expect(sut.baselineOf(operator, service)).toMatchObject({ ...estimate, expectedHours: 170.33 }); // 1022 / 6, as the API shows it
    expect(sut.baselineOf(komfitMaintainer, service)).toBeNull();
  });

  it('records effort only on a campaign target of the same service', async () => {
    const input = { hours: 2, date: '2026-11-27', campaignTargetId: targetId };
    expect(await failure(sut.record(operator, { ...input, serviceId: other }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'input.campaignTargetId' },
    });
    expect(await sut.record(operator, { ...input, serviceId: wohngeld })).toMatchObject({
      campaignTargetId: targetId,
    });
  });

  it('plans the baseline pro rata and the planned targets in the period, for the owner only', async () => {
    expect(await failure(sut.plan(komfitMaintainer, 'dataport', '2026-12-01', '2026-12-31'))).toMatchObject({
      code: 'FORBIDDEN',
      message: "Only dataport's MAINTAINERs and OPERATORs may read its maintenance plan",
    });
    const plan = await sut.plan(operator, 'dataport', '2026-12-01', '2026-12-31');
    expect(plan.items.map((r) => [r.kind, r.serviceSlug, r.campaignTitle])).toEqual([
      ['BASELINE', 'wohngeld', null],
      ['CAMPAIGN', 'wohngeld', 'Wohngeld-Plus'],
    ]);
    expect(plan.calibrationFactor).toBe(1); // no target is finished yet
    expect(plan.calibrationBasis).toBe(0);
  });
});
