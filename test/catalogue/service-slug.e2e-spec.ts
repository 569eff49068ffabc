import { Role } from '#src/common/auth/role';
import {
  KIEL,
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
} from '../support/factories';
import { errorCode, startTestApp, useWorld } from '../support/test-app';

/**
 * Every mutation (and query) that takes a service by `serviceId` also takes its `serviceSlug`
 * (issue 14, part 8): exactly one of the two, resolved in one place (ServicesService.resolveRef).
 */
describe('naming a service by its slug', () => {
  const w = useWorld(
    async () => {
      const t = await startTestApp();
      await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
      await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
      await registerNorm(t, 'WoGG');
      const wohngeld = await registerService(t, {
        slug: 'wohngeld',
        ownerKey: 'dataport',
        subscriptionApproval: 'AUTOMATIC',
        legalBases: [{ norm: 'WoGG' }],
      });
      const extra = await registerService(t, { slug: 'wohngeld-plus', ownerKey: 'dataport' });
      await publishRelease(t, wohngeld, '1.0.0');
      return {
        t,
        wohngeld,
        extra,
        maintainer: await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' }),
        otherMaintainer: await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' }),
        operator: await t.token({ roles: [Role.OPERATOR], sub: 'olaf' }),
        kielAdmin: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' }),
      };
    },
    (w) => w.t.close(),
  );

  /** Each operation that takes a service, as (how it names the service) => [query, variables, token]. */
  const CALLS: Record<
    string,
    (ref: Record<string, string>) => [string, Record<string, unknown>, keyof typeof w, string]
  > = {
    createRelease: (ref) => [
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { version service { slug } } }`,
      {
        input: {
          ...ref,
          version: `2.0.${Object.keys(ref).join('').length}`,
          artifactDigest: `sha256:${'a'.repeat(64)}`,
        },
      },
      'maintainer',
      'input',
    ],
    requestSubscription: (ref) => [
      `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { state service { slug } } }`,
      { input: { ...ref, versionRange: '^1.0.0' } },
      'kielAdmin',
      'input',
    ],
    recordEffort: (ref) => [
      `mutation($input: RecordEffortInput!) { recordEffort(input: $input) { hours service { slug } } }`,
      { input: { ...ref, date: '2026-11-27', hours: 1.5 } },
      'maintainer',
      'input',
    ],
    setMaintenanceBaseline: (ref) => [
      `mutation($serviceId: ID, $serviceSlug: String) { setMaintenanceBaseline(serviceId: $serviceId, serviceSlug: $serviceSlug,
        estimate: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 }) { slug } }`,
      ref,
      'maintainer',
      '',
    ],
    setQaPolicy: (ref) => [
      `mutation($serviceId: ID, $serviceSlug: String) { setQaPolicy(serviceId: $serviceId, serviceSlug: $serviceSlug,
        rules: [{ kind: SECURITY, requiredApprovals: 2 }]) { slug } }`,
      ref,
      'operator',
      '',
    ],
    effortEntries: (ref) => [
      `query($serviceId: ID, $serviceSlug: String) { effortEntries(serviceId: $serviceId, serviceSlug: $serviceSlug) { totalCount } }`,
      ref,
      'maintainer',
      '',
    ],
  };
  const call = (name: string, ref: Record<string, string>, as?: string) => {
    const [query, variables, token] = CALLS[name](ref);
    return w.t.gql(query, variables, (w as any)[as ?? token]);
  };
  const path = (name: string, field: string) => (CALLS[name]({})[3] ? `input.${field}` : field);

  it.each(Object.keys(CALLS))('%s: takes the slug instead of the id', async (name) => {
    const result = await call(name, { serviceSlug: 'wohngeld' });
    expect(result.errors).toBeUndefined();
    const answer = Object.values(result.data!)[0];
    if (answer.service) {
      expect(answer.service.slug).toBe('wohngeld');
    } else if (answer.slug) {
      expect(answer.slug).toBe('wohngeld');
    } else {
      expect(answer.totalCount).toBe(1); // the entry recordEffort made by slug
    }
  });

  it.each(Object.keys(CALLS))('%s: still takes the id', async (name) => {
    // wohngeld-plus, so the subscription and the release versions above do not collide.
    const result = await call(name, { serviceId: w.extra });
    if (name === 'requestSubscription') {
      // It has no published release: the request gets as far as the range check.
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'input.versionRange',
      });
    } else {
      expect(result.errors).toBeUndefined();
    }
  });

  it.each(Object.keys(CALLS))('%s: neither id nor slug is BAD_USER_INPUT naming serviceId', async (name) => {
    const result = await call(name, {});
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: path(name, 'serviceId'),
    });
    expect(result.errors?.[0]?.message).toContain('give serviceId or serviceSlug');
  });

  it.each(Object.keys(CALLS))('%s: both is BAD_USER_INPUT naming serviceSlug', async (name) => {
    const result = await call(name, { serviceId: w.wohngeld, serviceSlug: 'wohngeld' });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: path(name, 'serviceSlug'),
    });
    expect(result.errors?.[0]?.message).toContain('not both');
  });

  it.each(Object.keys(CALLS))('%s: an unknown slug is NOT_FOUND, like an unknown id', async (name) => {
    expect(errorCode(await call(name, { serviceSlug: 'gibt-es-nicht' }))).toBe('NOT_FOUND');
    expect(errorCode(await call(name, { serviceId: '00000000-0000-4000-8000-000000000000' }))).toBe(
      'NOT_FOUND',
    );
  });

  it('keeps the access rules: a slug does not let another owner in', async () => {
    expect(errorCode(await call('createRelease', { serviceSlug: 'wohngeld' }, 'otherMaintainer'))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await call('recordEffort', { serviceSlug: 'wohngeld' }, 'otherMaintainer'))).toBe(
      'FORBIDDEN',
    );
    expect(errorCode(await call('requestSubscription', { serviceSlug: 'wohngeld' }, 'maintainer'))).toBe(
      'FORBIDDEN',
    );
  });

  it('addCampaignTarget takes the slug too', async () => {
    const opened = await w.t.gql(
      `mutation { openCampaign(input: { title: "T", norm: "WoGG", effectiveDate: "2027-01-01" }) { id } }`,
      {},
      w.maintainer,
    );
    const campaignId = opened.data!.openCampaign.id;
    const ADD = `mutation($c: ID!, $id: ID, $slug: String) { addCampaignTarget(campaignId: $c, serviceId: $id, serviceSlug: $slug) { service { slug } } }`;
    const added = await w.t.gql(ADD, { c: campaignId, slug: 'wohngeld-plus' }, w.maintainer);
    expect(added.data?.addCampaignTarget.service.slug).toBe('wohngeld-plus');
    expect((await w.t.gql(ADD, { c: campaignId }, w.maintainer)).errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'serviceId',
    });
    expect(errorCode(await w.t.gql(ADD, { c: campaignId, slug: 'nix' }, w.maintainer))).toBe('NOT_FOUND');
  });
});
