import { CampaignQueries } from '#src/campaigns/campaign-queries.service';
import '#src/campaigns/campaign.events';
import { CampaignTargetState } from '#src/campaigns/campaign.rules';
import { CampaignsService } from '#src/campaigns/campaigns.service';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { TransactionEvents } from '#src/database/transaction-events';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { ReleasesService } from '#src/releases/releases.service';
import { registerNorm, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

/** The campaign rules asserted on the service itself, against a real PostgreSQL (no GraphQL in between). */
describe(CampaignsService.name, () => {
  let t: TestApp;
  let sut: CampaignsService;
  let queries: CampaignQueries;
  const ids: Record<string, string> = {};
  const operator: Viewer = { subject: 'olaf', name: 'Olaf', roles: [Role.OPERATOR], organisation: null };
  let komfitMaintainer: Viewer;
  const added: { campaignId: string; targetIds: readonly string[]; cause: string }[] = [];

  /** The DomainError a call fails with. */
  async function failure(call: Promise<unknown>): Promise<DomainError> {
    const error: unknown = await call.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  const slugOf = (serviceId: string) => Object.keys(ids).find((k) => ids[k] === serviceId);

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.app.get(CampaignsService);
    queries = t.app.get(CampaignQueries);
    t.app.get(TransactionEvents).on('campaign.targetsAdded', async (_tx, event) => {
      added.push(event);
      return Promise.resolve();
    });
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG');
    ids.wohngeld = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG' }],
    });
    ids['wohngeld-abs1'] = await registerService(t, {
      slug: 'wohngeld-abs1',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG', provision: '§22 Abs. 1' }],
    });
    ids['wohngeld-220'] = await registerService(t, {
      slug: 'wohngeld-220',
      ownerKey: 'komfit',
      legalBases: [{ norm: 'WoGG', provision: '§ 220' }],
    });
    const komfit = (await t.app.get(OrganisationsService).findByKey('komfit'))!;
    komfitMaintainer = {
      subject: 'max',
      name: 'Max',
      roles: [Role.MAINTAINER],
      organisation: { id: komfit.id, key: 'komfit' },
    };
  }, 60_000);
  afterAll(() => t.close());

  it('makes a target for every service citing the norm, provisions matched below, and announces them', async () => {
    const campaign = await sut.open(operator, {
      title: 'Wohngeld-Plus 2027',
      norm: 'WoGG',
      provisions: ['§ 22'],
      effectiveDate: '2027-01-01',
    });
    const targets = await queries.targetsOf(campaign.id);
    expect(targets.map((x) => slugOf(x.serviceId)).sort()).toEqual(['wohngeld', 'wohngeld-abs1']); // not § 220
    expect(targets.every((x) => x.state === CampaignTargetState.OPEN)).toBe(true);
    expect(added).toContainEqual({
      campaignId: campaign.id,
      targetIds: expect.arrayContaining(targets.map((x) => x.id)) as string[],
      cause: 'opened',
    });
    ids.campaign = campaign.id;
    const whole = await sut.open(operator, { title: 'Alles', norm: 'WoGG', effectiveDate: '2027-01-01' });
    expect((await queries.targetsOf(whole.id)).map((x) => slugOf(x.serviceId)).sort()).toEqual([
      'wohngeld',
      'wohngeld-220',
      'wohngeld-abs1',
    ]);
    ids.whole = whole.id;
  });

  it('refuses an unknown norm as BAD_USER_INPUT on input.norm', async () => {
    const error = await failure(sut.open(operator, { title: 'x', norm: 'XYZ', effectiveDate: '2027-01-01' }));
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.norm' } });
  });

  it('refuses to complete while targets are open, naming them', async () => {
    const error = await failure(sut.complete(operator, ids.campaign));
    expect(error.code).toBe('CONFLICT');
    // Targets opened together are listed in the order they were added, ties by id: compare as a set.
    expect(error.message).toMatch(
      /^Cannot complete the campaign: wohngeld(-abs1)? \(OPEN\), wohngeld(-abs1)? \(OPEN\) not yet released or excluded$/,
    );
    expect([...(error.details.unfinished as string[])].sort()).toEqual([
      'wohngeld (OPEN)',
      'wohngeld-abs1 (OPEN)',
    ]);
  });

  it('refuses a release whose fulfils name a campaign that does not target its service, and rolls it back', async () => {
    const error = await failure(
      t.app.get(ReleasesService).create(operator, {
        serviceId: ids['wohngeld-220'],
        version: '1.0.0',
        artifactDigest: `sha256:${'e'.repeat(64)}`,
        fulfils: [ids.campaign],
      }),
    );
    expect(error).toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.fulfils[0]' } });
    expect(error.message).toBe(`input.fulfils[0]: campaign ${ids.campaign} does not target this service`);
    const [{ count }]: { count: number }[] = await t.db.query(
      'SELECT count(*)::int AS count FROM release WHERE service_id = $1',
      [ids['wohngeld-220']],
    );
    expect(count).toBe(0);
  });

  it("lets only the target service's owner plan it", async () => {
    const [target] = (await queries.targetsOf(ids.campaign)).filter((x) => x.serviceId === ids.wohngeld);
    const plan = {
      targetId: target.id,
      plannedReleaseDate: '2027-01-15',
      estimate: { optimisticHours: 4, likelyHours: 8, pessimisticHours: 20 },
    };
    const error = await failure(sut.plan(komfitMaintainer, plan));
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      message: "Only the target service's owner's MAINTAINERs and OPERATORs may plan it or link releases",
    });
    expect((await sut.plan(operator, plan)).state).toBe('PLANNED');
  });

  it('excludes once, re-includes (announced again), and takes no change once the campaign is closed', async () => {
    const [target] = (await queries.targetsOf(ids.whole)).filter((x) => x.serviceId === ids['wohngeld-220']);
    expect((await sut.exclude(operator, target.id, 'Nicht betroffen')).state).toBe('EXCLUDED');
    expect(await failure(sut.exclude(operator, target.id, 'Nochmal'))).toMatchObject({
      code: 'CONFLICT',
      message: 'The target is EXCLUDED already',
      details: { state: 'EXCLUDED' },
    });
    added.length = 0;
    expect((await sut.include(operator, target.id)).state).toBe('OPEN');
    expect(added).toEqual([{ campaignId: ids.whole, targetIds: [target.id], cause: 'included' }]);
    await sut.cancel(operator, ids.whole, 'Gesetz gestoppt');
    expect(await failure(sut.exclude(operator, target.id, 'Zu spät'))).toMatchObject({
      code: 'CONFLICT',
      message: 'The campaign is CANCELLED',
      details: { state: 'CANCELLED' },
    });
    expect(await failure(sut.complete(operator, ids.whole))).toMatchObject({
      code: 'CONFLICT',
      message: 'The campaign is CANCELLED',
    });
  });
});
