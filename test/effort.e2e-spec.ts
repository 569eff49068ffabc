import { Role } from '#src/common/auth/role';
import { publishRelease, registerNorm, registerOrganisation, registerService } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const PLAN = `query($o: String!, $f: Date!, $t: Date!) { maintenancePlan(ownerKey: $o, from: $f, to: $t) {
  owner { key } from to expectedHours p50Hours p90Hours calibrationFactor fte costEur
  items { kind expectedHours standardDeviationHours service { slug } campaignTarget { id } } } }`;
const round2 = (n: number) => Math.round(n * 100) / 100;

describe('maintenance effort', () => {
  let t: TestApp;
  let maintainer: string;
  let otherMaintainer: string;
  let operator: string;
  let service: string;
  let target: string;

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG');
    service = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      legalBases: [{ norm: 'WoGG' }],
    });
    maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia', name: 'Mia' });
    otherMaintainer = await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
  });
  afterAll(() => t.close());

  const SET = `mutation($id: ID!, $e: ThreePointInput!) { setMaintenanceBaseline(serviceId: $id, estimate: $e) { maintenanceBaseline { optimisticHours likelyHours pessimisticHours expectedHours standardDeviationHours } } }`;
  const RECORD = `mutation($input: RecordEffortInput!) { recordEffort(input: $input) { id hours date note recordedBy { id } service { slug } campaignTarget { id } } }`;

  it('sets an annual baseline (PERT) for the owner only, validating the estimate', async () => {
    const estimate = { optimisticHours: 73, likelyHours: 146, pessimisticHours: 365 };
    expect(errorCode(await t.gql(SET, { id: service, e: estimate }, otherMaintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(SET, { id: service, e: estimate }))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(
        await t.gql(
          SET,
          { id: service, e: { optimisticHours: 10, likelyHours: 5, pessimisticHours: 20 } },
          maintainer,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const set = await t.gql(SET, { id: service, e: estimate }, maintainer);
    expect(set.data?.setMaintenanceBaseline.maintenanceBaseline).toEqual({
      ...estimate,
      expectedHours: 170.33, // 1022 / 6, to the hundredth at the API edge
      standardDeviationHours: 48.67, // 292 / 6
    });
  });

  it('records effort: more than 0 and at most 24 hours, today or earlier, a target of the service', async () => {
    const input = { serviceId: service, hours: 6.5, date: '2026-11-27', note: 'Heizkostenkomponente' };
    for (const [override, field] of [
      [{ hours: 0 }, 'input.hours'],
      [{ hours: 24.5 }, 'input.hours'],
      [{ date: '2026-11-29' }, 'input.date'],
      [{ campaignTargetId: '00000000-0000-0000-0000-000000000000' }, 'input.campaignTargetId'],
      [{ hours: 1.234 }, 'input.hours'],
    ] as const) {
      const result = await t.gql(RECORD, { input: { ...input, ...override } }, maintainer);
      expect(errorCode(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].extensions.field).toBe(field);
    }
    expect(errorCode(await t.gql(RECORD, { input }, otherMaintainer))).toBe('FORBIDDEN');
    const edge = await t.gql(RECORD, { input: { ...input, hours: 24, date: '2026-11-28' } }, maintainer); // exactly 24 h, today
    expect(edge.data?.recordEffort).toMatchObject({ hours: 24, date: '2026-11-28' });
    const recorded = await t.gql(RECORD, { input }, maintainer);
    expect(recorded.data?.recordEffort).toMatchObject({
      hours: 6.5,
      date: '2026-11-27',
      recordedBy: { id: 'mia' },
      service: { slug: 'wohngeld' },
      campaignTarget: null,
    });
    const list = await t.gql(
      `query($id: ID!) { effortEntries(serviceId: $id) { totalCount edges { node { hours } } } }`,
      { id: service },
      maintainer,
    );
    expect(list.data?.effortEntries).toEqual({
      totalCount: 2,
      edges: [{ node: { hours: 24 } }, { node: { hours: 6.5 } }],
    });
    expect(
      errorCode(
        await t.gql(
          `query($id: ID!) { effortEntries(serviceId: $id) { totalCount } }`,
          { id: service },
          otherMaintainer,
        ),
      ),
    ).toBe('FORBIDDEN');
  });

  it('plans a period: baseline pro rata, campaign items, calibration by finished work, P50/P90, FTE and cost', async () => {
    // A finished target: estimated 10 h expected (o 4, m 8, p 24 -> (4 + 32 + 24) / 6 = 10), 13 h recorded: factor 1.3.
    const opened = (
      await t.gql(
        `mutation { openCampaign(input: { title: "Reform", norm: "WoGG", effectiveDate: "2027-01-01" }) { targets { id } } }`,
        {},
        operator,
      )
    ).data?.openCampaign;
    target = opened.targets[0].id;
    await t.gql(
      `mutation($id: ID!) { planCampaignTarget(input: { targetId: $id, plannedReleaseDate: "2027-02-15", assignee: "Team", estimate: { optimisticHours: 4, likelyHours: 8, pessimisticHours: 24 } }) { state } }`,
      { id: target },
      maintainer,
    );
    const release = await publishRelease(t, service, '1.0.0');
    await t.gql(
      `mutation($t: ID!, $r: ID!) { linkCampaignRelease(targetId: $t, releaseId: $r) { state } }`,
      { t: target, r: release },
      maintainer,
    );
    for (const hours of [8, 5]) {
      await t.gql(
        RECORD,
        { input: { serviceId: service, campaignTargetId: target, hours, date: '2026-11-28' } },
        maintainer,
      );
    }

    const plan = (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-03-31' }, maintainer)).data
      ?.maintenancePlan;
    expect(plan.owner).toEqual({ key: 'dataport' });
    expect(
      plan.items.map((i: any) => [i.kind, round2(i.expectedHours), round2(i.standardDeviationHours)]),
    ).toEqual([
      ['BASELINE', 42, 12], // 90 days of (73, 146, 365) a year: (18, 36, 90)
      ['CAMPAIGN', 10, 3.33],
    ]);
    expect(round2(plan.calibrationFactor)).toBe(1.3);
    const sd = Math.sqrt(12 ** 2 + (20 / 6) ** 2) * 1.3;
    expect(round2(plan.expectedHours)).toBe(round2(52 * 1.3)); // 67.6
    expect(round2(plan.p50Hours)).toBe(67.6);
    expect(round2(plan.p90Hours)).toBe(round2(67.6 + 1.2816 * sd));
    expect(round2(plan.fte)).toBe(round2(67.6 / ((1600 * 90) / 365)));
    expect(round2(plan.costEur)).toBe(round2(67.6 * 76));
  });

  it('refuses a reversed period, one over five years, and other owners’ plans', async () => {
    expect(
      errorCode(await t.gql(PLAN, { o: 'dataport', f: '2027-02-01', t: '2027-01-01' }, maintainer)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2032-06-01' }, maintainer)),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-12-31' }, otherMaintainer)),
    ).toBe('FORBIDDEN');
    expect(
      (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-12-31' }, operator)).data?.maintenancePlan
        .items,
    ).toHaveLength(2);
  });

  it('exports the plan as CSV with a Total row, and answers 401 without a token', async () => {
    const http = t.app.getHttpAdapter().getInstance();
    const url = '/reports/maintenance-plan.csv?owner=dataport&from=2027-01-01&to=2027-03-31';
    const anonymous = await http.inject({ method: 'GET', url });
    expect(anonymous.statusCode).toBe(401);
    const forbidden = await http.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${otherMaintainer}` },
    });
    expect(forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(forbidden.statusCode).toBe(403);
    const response = await http.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${maintainer}` },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('kind,service,campaign,plannedReleaseDate,expectedHours,standardDeviationHours');
    expect(lines[1]).toBe('BASELINE,wohngeld,,,42.00,12.00');
    expect(lines[2]).toBe('CAMPAIGN,wohngeld,Reform,2027-02-15,10.00,3.33');
    expect(lines[3].split(',')[0]).toBe('Total');
    expect(lines[3]).toContain(',67.60,');
    const bad = await http.inject({
      method: 'GET',
      url: '/reports/maintenance-plan.csv?owner=dataport&from=x&to=2027-01-01',
      headers: { authorization: `Bearer ${maintainer}` },
    });
    expect(bad.statusCode).toBe(400);
  });

  it('leaves out targets that are excluded or whose campaign is cancelled, and hides baselines from others', async () => {
    const plan = async () =>
      (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-03-31' }, maintainer)).data
        ?.maintenancePlan.items.length;
    const before = await plan();
    const openWith = async (title: string) => {
      const c = (
        await t.gql(
          `mutation($t: String!) { openCampaign(input: { title: $t, norm: "WoGG", effectiveDate: "2027-06-01" }) { id targets { id } } }`,
          { t: title },
          operator,
        )
      ).data?.openCampaign;
      await t.gql(
        `mutation($id: ID!) { planCampaignTarget(input: { targetId: $id, plannedReleaseDate: "2027-03-01", estimate: { optimisticHours: 1, likelyHours: 2, pessimisticHours: 3 } }) { state } }`,
        { id: c.targets[0].id },
        maintainer,
      );
      return c;
    };
    const excluded = await openWith('Excluded');
    expect(await plan()).toBe(before + 1);
    await t.gql(
      `mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "n/a") { state } }`,
      { id: excluded.targets[0].id },
      maintainer,
    );
    expect(await plan()).toBe(before);
    const cancelled = await openWith('Cancelled');
    expect(await plan()).toBe(before + 1);
    await t.gql(
      `mutation($id: ID!) { cancelCampaign(id: $id, reason: "gestoppt") { state } }`,
      { id: cancelled.id },
      operator,
    );
    expect(await plan()).toBe(before);
    const anonymous = await t.gql(`{ service(slug: "wohngeld") { maintenanceBaseline { expectedHours } } }`);
    expect(anonymous.data?.service.maintenanceBaseline).toBeNull();
  });
});
