import ExcelJS from 'exceljs';
import { Role } from '#src/common/auth/role';
import { publishRelease, registerNorm, registerOrganisation, registerService } from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';

const PLAN = `query($o: String!, $f: Date!, $t: Date!) { maintenancePlan(ownerKey: $o, from: $f, to: $t) {
  owner { key } from to expectedHours standardDeviationHours p50Hours p90Hours calibrationFactor calibrationBasis
  fte costEur hourlyRateEur hoursPerFteYear
  items { kind expectedHours standardDeviationHours service { slug } campaignTarget { id } } } }`;
/** Two decimals at most: what the API's rounding promises. */
const hundredths = (n: number) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-9;
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
      name: 'Wohngeld; Mietzuschuss', // a separator of the German CSV in a name
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

  it('shows the worked example with the deviation, the settings and the basis of the factor', async () => {
    const plan = (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-03-31' }, maintainer)).data
      ?.maintenancePlan;
    // docs/estimation.md: 52 h +- 12.45 h, factor 13 / 10 from one finished target.
    expect(plan).toMatchObject({
      expectedHours: 67.6,
      standardDeviationHours: 16.19,
      p50Hours: 67.6,
      p90Hours: 88.35,
      fte: 0.17,
      costEur: 5137.6,
      calibrationFactor: 1.3,
      calibrationBasis: 1,
      hourlyRateEur: 76,
      hoursPerFteYear: 1600,
    });
    expect(plan.items.map((i: any) => [i.expectedHours, i.standardDeviationHours])).toEqual([
      [42, 12],
      [10, 3.33],
    ]);
  });

  it('rounds hours, FTE and cost at the API edge, computing with full precision inside', async () => {
    await registerOrganisation(t, { key: 'runden', kind: 'SERVICE_PROVIDER' });
    const odd = await registerService(t, { slug: 'krumm', ownerKey: 'runden' });
    await t.gql(
      SET,
      { id: odd, e: { optimisticHours: 10, likelyHours: 23, pessimisticHours: 71 } },
      operator,
    );
    const plan = (await t.gql(PLAN, { o: 'runden', f: '2027-01-01', t: '2027-01-07' }, operator)).data
      ?.maintenancePlan;
    // 7 days of (10, 23, 71) a year: expected 173 / 6 * 7 / 365 = 0.55297..., cost 42.0259... EUR.
    const expected = (((10 + 4 * 23 + 71) / 6) * 7) / 365;
    const sd = (((71 - 10) / 6) * 7) / 365;
    const figures = [
      plan.expectedHours,
      plan.standardDeviationHours,
      plan.p50Hours,
      plan.p90Hours,
      plan.fte,
      plan.costEur,
      plan.items[0].expectedHours,
      plan.items[0].standardDeviationHours,
    ];
    expect(figures.filter((n) => !hundredths(n))).toEqual([]);
    expect(figures).toEqual([0.55, 0.19, 0.55, 0.8, 0.02, 42.03, 0.55, 0.19]);
    // P90 from the unrounded figures (0.5530 + 1.2816 * 0.1950 = 0.8029), not from 0.55 and 0.19 (0.79).
    expect(plan.p90Hours).toBe(Math.round((expected + 1.2816 * sd) * 100) / 100);
    expect(plan.costEur).toBe(Math.round(expected * 76 * 100) / 100);
  });

  const http = () => t.app.getHttpAdapter().getInstance();
  const WORKED = 'owner=dataport&from=2027-01-01&to=2027-03-31';
  const get = (url: string, token?: string) =>
    http().inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('exports the plan as CSV (international): one number per column, the Total row, 401 without a token', async () => {
    const url = `/reports/maintenance-plan.csv?${WORKED}`;
    expect((await get(url)).statusCode).toBe(401);
    const forbidden = await get(url, otherMaintainer);
    expect(forbidden.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect(forbidden.statusCode).toBe(403);
    const response = await get(url, maintainer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="maintenance-plan-dataport-2027-01-01-2027-03-31.csv"',
    );
    expect(response.body.charCodeAt(0)).not.toBe(0xfeff);
    expect(response.body.endsWith('\r\n')).toBe(true);
    expect(response.body.trimEnd().split('\r\n')).toEqual([
      'kind,service,campaign,plannedReleaseDate,expectedHours,standardDeviationHours,p90Hours,fte,costEur,calibrationFactor',
      'BASELINE,wohngeld,,,42.00,12.00,,,,',
      'CAMPAIGN,wohngeld,Reform,2027-02-15,10.00,3.33,,,,',
      'Total,,,,67.60,16.19,88.35,0.17,5137.60,1.30',
    ]);
    const explicit = await get(`${url}&format=international`, maintainer);
    expect(explicit.body).toBe(response.body);
    const bad = await get('/reports/maintenance-plan.csv?owner=dataport&from=x&to=2027-01-01', maintainer);
    expect(bad.statusCode).toBe(400);
  });

  it('exports the plan as CSV for German spreadsheets (format=de)', async () => {
    const response = await get(`/reports/maintenance-plan.csv?${WORKED}&format=de`, maintainer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="wartungsplan-dataport-2027-01-01-2027-03-31.csv"',
    );
    expect([...response.rawPayload.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 with BOM
    const body = response.body.replace(/^\uFEFF/, '');
    expect(body.endsWith('\r\n')).toBe(true);
    expect(body.includes('\n') && !/[^\r]\n/.test(body)).toBe(true); // CRLF only
    // Parse as a German spreadsheet would: ";" between cells, quotes around a cell holding one.
    const cells = (line: string) =>
      [...line.matchAll(/(?:^|;)("(?:[^"]|"")*"|[^;]*)/g)].map((m) =>
        m[1].replace(/^"|"$/g, '').replace(/""/g, '"'),
      );
    const number = (cell: string) => Number(cell.replace(',', '.'));
    const [header, baseline, campaign, total, ...rest] = body.trimEnd().split('\r\n').map(cells);
    expect(rest).toEqual([]);
    expect(header).toEqual([
      'Art',
      'Leistung',
      'Kampagne',
      'Geplante Freigabe',
      'Erwartete Stunden',
      'Standardabweichung (Stunden)',
      'P90 (Stunden)',
      'VZÄ',
      'Kosten (EUR)',
      'Kalibrierungsfaktor',
    ]);
    expect(baseline).toEqual([
      'Grundlast',
      'Wohngeld; Mietzuschuss',
      '',
      '',
      '42,00',
      '12,00',
      '',
      '',
      '',
      '',
    ]);
    expect(campaign).toEqual([
      'Kampagne',
      'Wohngeld; Mietzuschuss',
      'Reform',
      '15.02.2027',
      '10,00',
      '3,33',
      '',
      '',
      '',
      '',
    ]);
    expect(total.slice(0, 4)).toEqual(['Summe', '', '', '']);
    expect(total.slice(4)).toEqual(['67,60', '16,19', '88,35', '0,17', '5137,60', '1,30']); // no thousands separator
    const api = (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-03-31' }, maintainer)).data
      ?.maintenancePlan;
    expect(total.slice(4).map(number)).toEqual([
      api.expectedHours,
      api.standardDeviationHours,
      api.p90Hours,
      api.fte,
      api.costEur,
      api.calibrationFactor,
    ]);
    const unknown = await get(`/reports/maintenance-plan.csv?${WORKED}&format=excel`, maintainer);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', reason: 'UNKNOWN_FORMAT', field: 'format' },
    });
    const twice = await get(`/reports/maintenance-plan.csv?${WORKED}&owner=komfit`, maintainer);
    expect(twice.statusCode).toBe(400);
    expect(twice.json()).toMatchObject({
      error: { code: 'BAD_USER_INPUT', reason: 'REPEATED_PARAMETER', field: 'owner' },
    });
  });

  it('exports the plan as an XLSX workbook with real numbers and dates, equal to the API’s', async () => {
    const url = `/reports/maintenance-plan.xlsx?${WORKED}`;
    expect((await get(url)).statusCode).toBe(401);
    expect((await get(url, otherMaintainer)).statusCode).toBe(403);
    const response = await get(url, maintainer);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers['content-disposition']).toBe(
      'attachment; filename="wartungsplan-dataport-2027-01-01-2027-03-31.xlsx"',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Wartungsplan', 'Angaben']);
    const sheet = workbook.getWorksheet('Wartungsplan')!;
    const row = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    expect(row(1)).toEqual([
      'Art',
      'Leistung',
      'Kampagne',
      'Geplante Freigabe',
      'Erwartete Stunden',
      'Standardabweichung (Stunden)',
      'P90 (Stunden)',
      'VZÄ',
      'Kosten (EUR)',
      'Kalibrierungsfaktor',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(2).width).toBeGreaterThan(20);
    const api = (await t.gql(PLAN, { o: 'dataport', f: '2027-01-01', t: '2027-03-31' }, maintainer)).data
      ?.maintenancePlan;
    expect(row(2)).toEqual(['Grundlast', 'Wohngeld; Mietzuschuss', undefined, undefined, 42, 12]);
    expect(row(3)).toEqual([
      'Kampagne',
      'Wohngeld; Mietzuschuss',
      'Reform',
      new Date('2027-02-15T00:00:00Z'),
      api.items[1].expectedHours,
      api.items[1].standardDeviationHours,
    ]);
    expect(sheet.getCell('D3').numFmt).toBe('dd.mm.yyyy');
    expect(sheet.getCell('E3').numFmt).toBe('0.0');
    expect(row(4)).toEqual([
      'Summe',
      undefined,
      undefined,
      undefined,
      api.expectedHours,
      api.standardDeviationHours,
      api.p90Hours,
      api.fte,
      api.costEur,
      api.calibrationFactor,
    ]);
    expect(
      row(4)
        .slice(4)
        .every((value) => typeof value === 'number'),
    ).toBe(true);
    expect(sheet.getCell('I4').numFmt).toBe('#,##0 "€"');
    expect(sheet.rowCount).toBe(4);
    const facts = workbook.getWorksheet('Angaben')!;
    const fact = (label: string) =>
      (facts.getSheetValues() as ExcelJS.CellValue[][]).find((values) => values?.[1] === label)?.[2];
    expect(fact('Eigentümer')).toBe('Org dataport (dataport)');
    expect(fact('Zeitraum von')).toEqual(new Date('2027-01-01T00:00:00Z'));
    expect(fact('Zeitraum bis')).toEqual(new Date('2027-03-31T00:00:00Z'));
    expect(fact('Kalibrierungsfaktor')).toBe(1.3);
    expect(fact('Abgeschlossene Kampagnenziele (Grundlage des Faktors)')).toBe(1);
    expect(fact('Stundensatz (EUR)')).toBe(76);
    expect(fact('Stunden je VZÄ-Jahr')).toBe(1600);
    expect(fact('Erstellt am (UTC)')).toEqual(t.clock.now());
    const bad = await get('/reports/maintenance-plan.xlsx?owner=dataport&from=2027-01-01', maintainer);
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
