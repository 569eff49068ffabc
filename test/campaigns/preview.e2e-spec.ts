import { KIEL, OPEN, useCampaignWorld } from '../support/campaigns';
import {
  LUEBECK,
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
} from '../support/factories';
import { changedTables, rowCounter } from '../support/row-counts';
import { errorCode } from '../support/test-app';

const PREVIEW = `query($input: CampaignPreviewInput!) { campaignPreview(input: $input) {
  norm { abbreviation } subscribersTotal warnings
  targets { service { id slug name } citedProvisions subscribersTotal } } }`;

/** campaignPreview: what openCampaign would create, by the same selection, and nothing written. */
describe('legal-change campaigns: the preview before opening', () => {
  const w = useCampaignWorld();
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { t, kielAdmin, operator } = w;
    await registerNorm(t, 'PrevG');
    await registerNorm(t, 'LeerG');
    await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
    // Names in the other order than the slugs: the preview orders by name.
    ids.zulassung = await registerService(t, {
      slug: 'a-zulassung',
      name: 'Zulassung',
      ownerKey: 'dataport',
      subscriptionApproval: 'AUTOMATIC',
      legalBases: [{ norm: 'PrevG' }],
    });
    ids.anmeldung = await registerService(t, {
      slug: 'z-anmeldung',
      name: 'Anmeldung',
      ownerKey: 'komfit',
      legalBases: [
        { norm: 'PrevG', provision: '§3 Abs. 2' },
        { norm: 'PrevG', provision: '§ 5' },
      ],
    });
    ids.beratung = await registerService(t, {
      slug: 'm-beratung',
      name: 'Beratung',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'PrevG', provision: '§ 30' }],
    });
    await publishRelease(t, ids.zulassung, '1.0.0');
    for (const [organisationKey, token] of [
      [KIEL, kielAdmin],
      [LUEBECK, operator],
    ]) {
      const requested = await t.gql(
        `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { state } }`,
        { input: { serviceId: ids.zulassung, versionRange: '^1.0.0', organisationKey } },
        token,
      );
      expect(requested.data?.requestSubscription.state).toBe('ACTIVE');
    }
  });

  it('answers the targets openCampaign then creates, by name, with the provisions that matched and the subscribers', async () => {
    const { t, maintainer } = w;
    const countRows = await rowCounter(t.db);
    const before = await countRows();
    const input = { norm: 'PrevG', provisions: ['§3'], effectiveDate: '2027-06-01' };
    const preview = await t.gql(PREVIEW, { input }, maintainer);
    expect(preview.errors).toBeUndefined();
    expect(preview.data?.campaignPreview).toEqual({
      norm: { abbreviation: 'PrevG' },
      subscribersTotal: 2,
      warnings: [],
      targets: [
        {
          service: { id: ids.anmeldung, slug: 'z-anmeldung', name: 'Anmeldung' },
          citedProvisions: ['§ 3 Abs. 2'], // "§ 5" and Beratung's "§ 30" are not under "§ 3"
          subscribersTotal: 0,
        },
        {
          service: { id: ids.zulassung, slug: 'a-zulassung', name: 'Zulassung' },
          citedProvisions: [], // the whole norm
          subscribersTotal: 2,
        },
      ],
    });
    expect(changedTables(before, await countRows())).toEqual([]); // nothing written, not even an audit event

    const opened = await t.gql(OPEN, { input: { ...input, title: 'Vorschau geprüft' } }, maintainer);
    const created = opened.data?.openCampaign.targets.map((target: any) => target.service.slug).sort();
    const previewed = preview.data?.campaignPreview.targets.map((target: any) => target.service.slug).sort();
    expect(created).toEqual(previewed);

    // Without provisions the whole norm: every citing service, as openCampaign does.
    const whole = (await t.gql(PREVIEW, { input: { norm: ' PrevG ' } }, maintainer)).data?.campaignPreview;
    expect(whole.targets.map((target: any) => [target.service.name, target.citedProvisions])).toEqual([
      ['Anmeldung', ['§ 3 Abs. 2', '§ 5']],
      ['Beratung', ['§ 30']],
      ['Zulassung', []],
    ]);
    const openedWhole = await t.gql(
      OPEN,
      { input: { norm: 'PrevG', title: 'Ganz', effectiveDate: '2027-06-01' } },
      maintainer,
    );
    expect(openedWhole.data?.openCampaign.targets.map((target: any) => target.service.slug).sort()).toEqual(
      whole.targets.map((target: any) => target.service.slug).sort(),
    );
  });

  it('warns of no targets and of an effective date before today (the clock’s), not of today', async () => {
    const { t, operator } = w;
    const warnings = async (input: Record<string, unknown>) =>
      (await t.gql(PREVIEW, { input }, operator)).data?.campaignPreview.warnings;
    expect(await warnings({ norm: 'LeerG' })).toEqual(['NO_TARGETS']);
    expect(await warnings({ norm: 'PrevG', provisions: ['§ 99'] })).toEqual([]); // Zulassung cites the whole norm
    expect(await warnings({ norm: 'LeerG', effectiveDate: '2026-11-27' })).toEqual([
      'NO_TARGETS',
      'EFFECTIVE_DATE_PASSED',
    ]);
    expect(await warnings({ norm: 'PrevG', effectiveDate: '2026-11-28' })).toEqual([]); // today
    try {
      t.clock.set('2027-07-01T08:00:00Z');
      expect(await warnings({ norm: 'PrevG', effectiveDate: '2027-06-30' })).toEqual([
        'EFFECTIVE_DATE_PASSED',
      ]);
    } finally {
      t.clock.set('2026-11-28T10:00:00Z');
    }
    const empty = (await t.gql(PREVIEW, { input: { norm: 'LeerG' } }, operator)).data?.campaignPreview;
    expect(empty).toMatchObject({ targets: [], subscribersTotal: 0 });
  });

  it('refuses an unknown norm as openCampaign does, and whoever may not open a campaign', async () => {
    const { t, maintainer, otherMaintainer, kielAdmin } = w;
    const unknown = await t.gql(PREVIEW, { input: { norm: 'XYZ' } }, maintainer);
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_LEGAL_NORM',
      field: 'input.norm',
    });
    const opened = await t.gql(
      OPEN,
      { input: { title: 'x', norm: 'XYZ', effectiveDate: '2027-01-01' } },
      maintainer,
    );
    expect(opened.errors?.[0].extensions).toMatchObject({
      reason: 'UNKNOWN_LEGAL_NORM',
      field: 'input.norm',
    });
    expect(errorCode(await t.gql(PREVIEW, { input: { norm: 'PrevG' } }, otherMaintainer))).toBeUndefined();
    expect(errorCode(await t.gql(PREVIEW, { input: { norm: 'PrevG' } }, kielAdmin))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(PREVIEW, { input: { norm: 'PrevG' } }))).toBe('UNAUTHENTICATED');
  });
});
