import { Role } from '#src/common/auth/role';
import { SettableClock, SystemClock } from '#src/common/clock';
import { RESEARCHED_NORMS, RESEARCHED_SERVICES } from '#src/seed/demo-catalogue';
import { DEMO_ORGANISATIONS, DEMO_PERSONAS, DEMO_STANDARDS } from '#src/seed/demo-data';
import {
  dateOf,
  DEMO_CAMPAIGNS,
  DEMO_PLANS,
  DEMO_SERVICES,
  DEMO_SUBSCRIPTIONS,
  REGISTRY_LAUNCH,
  ROUTINE_EFFORT,
  routineEntries,
  type CampaignFixture,
  type ReleaseFixture,
} from '#src/seed/demo-scenario';
import { DemoSeeder, type SeedSummary } from '#src/seed/demo-seeder';
import { startTestApp, TEST_START, type TestApp } from './support/test-app';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('clock.at', () => {
  it('reports the given instant to the work it runs, across awaits, and its own time to everyone else', async () => {
    const clock = new SettableClock('2026-11-28T10:00:00.000Z');
    const inside = clock.at('2022-06-01T08:00:00Z', async () => {
      await sleep(20);
      return [clock.now().toISOString(), clock.today()];
    });
    await sleep(5); // meanwhile, outside
    expect(clock.now().toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(await inside).toEqual(['2022-06-01T08:00:00.000Z', '2022-06-01']);
    expect(
      clock.at('2023-01-01T00:00:00Z', () => clock.at('2024-01-01T00:00:00Z', () => clock.today())),
    ).toBe('2024-01-01');
    clock.advanceDays(1); // moving the clock is unaffected by it
    expect(clock.today()).toBe('2026-11-29');

    const system = new SystemClock();
    expect(system.at(new Date('2020-02-02T12:00:00Z'), () => system.now().toISOString())).toBe(
      '2020-02-02T12:00:00.000Z',
    );
    expect(Math.abs(system.now().getTime() - Date.now())).toBeLessThan(1000);
  });
});

/** What a release's fixture leads to. */
function expectedState(release: ReleaseFixture): string {
  const decisions = Object.values(release.gates);
  if (release.published) {
    return 'PUBLISHED';
  }
  if (decisions.some((d) => 'reject' in d)) {
    return 'REJECTED';
  }
  return decisions.length === 3 ? 'APPROVED' : 'IN_REVIEW';
}

describe('the demo data', () => {
  const today = TEST_START.slice(0, 10);
  let t: TestApp;
  let summary: SeedSummary;
  let operator: string;

  beforeAll(async () => {
    t = await startTestApp();
    summary = await t.app.get(DemoSeeder).seed();
    operator = await t.token({ roles: [Role.OPERATOR] });
  }, 120_000);
  afterAll(() => t.close());

  it('loads every fixture', () => {
    expect(summary).toEqual({
      organisations: DEMO_ORGANISATIONS.length,
      standards: DEMO_STANDARDS.length,
      norms: RESEARCHED_NORMS.length,
      services: RESEARCHED_SERVICES.length,
      releases: DEMO_SERVICES.flatMap((s) => s.releases).length,
      subscriptions: DEMO_SUBSCRIPTIONS.length,
      campaigns: DEMO_CAMPAIGNS.length,
      effortEntries:
        DEMO_CAMPAIGNS.flatMap((c) => c.targets.flatMap((x) => x.effort ?? [])).length +
        ROUTINE_EFFORT.flatMap(routineEntries).length,
    });
  });

  it.each([
    ['Angelschein', 'fischereischein-beantragen'],
    ['Umzug', 'wohnsitz-anmelden'],
    ['Bauantrag', 'baugenehmigung-beantragen'],
    ['Gewerbeanmeldung', 'gewerbe-anmelden'],
    ['Hartz IV', 'buergergeld-beantragen'],
    ['Gesundheitszeugnis', 'belehrung-infektionsschutzgesetz-bescheinigung'],
  ])('finds the demo service by a colloquial name: "%s" first finds %s', async (search, slug) => {
    const result = await t.gql(
      `query($s: String) { services(first: 3, filter: { search: $s }) { edges { node { slug } } } }`,
      {
        s: search,
      },
    );
    expect(result.data!.services.edges[0]?.node.slug).toBe(slug);
  });

  it('dates every fact in the past, from the launch on, spread over many days', async () => {
    const [row] = await t.db.query(
      `SELECT min(at) AS earliest, max(at) AS latest, count(DISTINCT at::date)::int AS days FROM audit_event`,
    );
    expect(new Date(row.earliest).toISOString().slice(0, 10)).toBe(dateOf(REGISTRY_LAUNCH, today));
    expect(new Date(row.latest).getTime()).toBeLessThan(Date.parse(`${today}T00:00:00Z`));
    expect(row.days).toBeGreaterThan(100);
    const [latest] = await t.db.query(
      `SELECT greatest((SELECT max(created_at) FROM release), (SELECT max(published_at) FROM release),
                       (SELECT max(requested_at) FROM service_subscription), (SELECT max(deployed_at) FROM service_subscription),
                       (SELECT max(created_at) FROM campaign), (SELECT max(created_at) FROM effort_entry),
                       (SELECT max(date)::timestamptz FROM effort_entry)) AS at`,
    );
    expect(new Date(latest.at).getTime()).toBeLessThan(Date.parse(`${today}T00:00:00Z`));
  });

  it('gives each release the state and dates of its fixture', async () => {
    const rows: {
      slug: string;
      version: string;
      state: string;
      submitted: string;
      published: string | null;
    }[] = await t.db.query(
      `SELECT s.slug, r.version, r.state, r.submitted_at::date::text AS submitted, r.published_at::date::text AS published
           FROM release r JOIN online_service s ON s.id = r.service_id`,
    );
    const expected = DEMO_SERVICES.flatMap((s) =>
      s.releases.map((r) => ({
        slug: s.slug,
        version: r.version,
        state: expectedState(r),
        submitted: dateOf(r.submitted, today),
        published: r.published ? dateOf(r.published, today) : null,
      })),
    );
    const key = (r: { slug: string; version: string }) => `${r.slug}@${r.version}`;
    expect(rows.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
    // The three at work in the review: one waiting, one rejected, one approved by a waiver still running.
    expect(expected.filter((r) => r.state !== 'PUBLISHED').map((r) => r.state)).toEqual([
      'IN_REVIEW',
      'REJECTED',
      'APPROVED',
    ]);
    const waived = await t.gql(
      `{ service(slug: "ausnahmegenehmigung-gurt-und-helmpflicht") { releases(first: 5) { edges { node { version state gates { kind status waiver { expiresAt } } } } } } }`,
      {},
      operator,
    );
    const release = waived.data!.service.releases.edges.find((e: any) => e.node.version === '1.2.0').node;
    expect(release.state).toBe('APPROVED');
    const gate = release.gates.find((g: any) => g.kind === 'INTERFACES');
    expect(gate.status).toBe('WAIVED');
    expect(Date.parse(gate.waiver.expiresAt)).toBeGreaterThan(Date.parse(TEST_START));
  });

  it('gives each release the interfaces of its fixture, and the Geburtsurkunde 2.x Kiel as affected', async () => {
    const rows: { slug: string; version: string; standard: string; v: string; direction: string }[] =
      await t.db.query(
        `SELECT s.slug, r.version, u->>'standard' AS standard, u->>'version' AS v, u->>'direction' AS direction
           FROM release r JOIN online_service s ON s.id = r.service_id, jsonb_array_elements(r.interfaces) u`,
      );
    const key = (u: { slug: string; version: string; standard: string; v: string; direction: string }) =>
      `${u.slug}@${u.version} ${u.standard} ${u.v} ${u.direction}`;
    const expected = DEMO_SERVICES.flatMap((s) =>
      s.releases.flatMap((r) =>
        r.interfaces.map((u) => ({
          slug: s.slug,
          version: r.version,
          standard: u.standard,
          v: u.version,
          direction: u.direction,
        })),
      ),
    );
    expect(rows.map(key).sort()).toEqual(expected.map(key).sort());
    // The standards a service uses are its procedure's: XBau only for the building permit.
    expect(new Set(rows.filter((u) => u.standard === 'xbau').map((u) => u.slug))).toEqual(
      new Set(['baugenehmigung-beantragen']),
    );
    const result = await t.gql(
      `{ service(slug: "geburtsurkunde-beantragen") { latestRelease { version
           impact { affectedSubscriptions { organisation { key } } } } } }`,
      {},
      operator,
    );
    const latest = result.data!.service.latestRelease;
    expect(latest.version).toBe('2.1.0');
    expect(latest.impact.affectedSubscriptions.map((x: any) => x.organisation.key)).toEqual(['010020000000']);
  });

  it('gives each subscription the state and deployment of its fixture', async () => {
    const rows = await t.db.query(
      `SELECT o.key AS organisation, s.slug AS service, x.version_range AS range, x.state,
              x.requested_at::date::text AS requested, x.deployed_version AS deployed, x.deployed_at::date::text AS "deployedOn"
         FROM service_subscription x JOIN organisation o ON o.id = x.organisation_id JOIN online_service s ON s.id = x.service_id`,
    );
    const expected = DEMO_SUBSCRIPTIONS.map((s) => ({
      organisation: s.organisation,
      service: s.service,
      range: s.range,
      state: 'ACTIVE',
      requested: dateOf(s.requested, today),
      deployed: s.deployed.at(-1)?.version ?? null,
      deployedOn: s.deployed.length ? dateOf(s.deployed.at(-1)!.at, today) : null,
    }));
    const key = (s: { organisation: string; service: string }) => `${s.organisation} ${s.service}`;
    expect(rows.sort((a: any, b: any) => key(a).localeCompare(key(b)))).toEqual(
      expected.sort((a, b) => key(a).localeCompare(key(b))),
    );
  });

  const campaignsQuery = `{ campaigns { edges { node { title state createdAt closedAt effectiveDate
      progress { burndown { date openTargets } subscribersCompliant subscribersTotal }
      targets { service { slug } state overdue atRisk subscribersCompliant subscribersTotal } } } } }`;

  /** The days on which a fixture's facts change its open targets: additions, exclusions, releases. */
  const factDays = (fixture: CampaignFixture) =>
    [
      ...new Set(
        fixture.targets.flatMap((x) => [
          ...(x.added ? [dateOf(x.added, today)] : []),
          ...(x.excluded ? [dateOf(x.excluded.at, today)] : []),
          ...(x.fulfilledBy ? [dateOf(x.fulfilledBy.linked, today)] : []),
        ]),
      ),
    ].sort();

  it('shows each campaign with the history of its fixture: a burndown from its opening, targets as scripted', async () => {
    const result = await t.gql(campaignsQuery, {}, operator);
    const campaigns = result.data!.campaigns.edges.map((e: any) => e.node);
    expect(campaigns.map((c: any) => c.title).sort()).toEqual(DEMO_CAMPAIGNS.map((c) => c.title).sort());
    for (const fixture of DEMO_CAMPAIGNS) {
      const campaign = campaigns.find((c: any) => c.title === fixture.title);
      const opened = dateOf(fixture.opened, today);
      const end = fixture.completed ? dateOf(fixture.completed, today) : today;
      expect(campaign.state).toBe(fixture.completed ? 'COMPLETED' : 'ACTIVE');
      expect(campaign.createdAt.slice(0, 10)).toBe(opened);
      expect(campaign.effectiveDate).toBe(dateOf(fixture.effectiveDate, today));
      const burndown = campaign.progress.burndown;
      expect(burndown.length).toBeGreaterThan(30);
      expect(burndown[0].date).toBe(opened);
      expect(burndown.at(-1).date).toBe(end);
      // Its runs of days: the open targets from the opening on, each change on the day of a fact.
      const changes = burndown.filter(
        (p: any, i: number) => i === 0 || p.openTargets !== burndown[i - 1].openTargets,
      );
      expect(changes.map((p: any) => p.openTargets)).toEqual(fixture.shows.burndown);
      expect(changes.slice(1).map((p: any) => p.date)).toEqual(factDays(fixture));
      expect({
        compliant: campaign.progress.subscribersCompliant,
        total: campaign.progress.subscribersTotal,
      }).toEqual(fixture.shows.subscribers);
      const shown = campaign.targets.map((x: any) => ({
        service: x.service.slug,
        state: x.state,
        overdue: x.overdue,
        atRisk: x.atRisk,
        subscribers: { compliant: x.subscribersCompliant, total: x.subscribersTotal },
      }));
      const scripted = fixture.targets.map((x) => ({ service: x.service, ...x.shows }));
      const bySlug = (a: { service: string }, b: { service: string }) => a.service.localeCompare(b.service);
      expect(shown.sort(bySlug)).toEqual(scripted.sort(bySlug));
    }
    // The Personenstand campaign has a target in every state.
    const personenstand = campaigns.find((c: any) => c.title.startsWith('Personenstandsrecht'));
    expect(new Set(personenstand.targets.map((x: any) => x.state))).toEqual(
      new Set(['EXCLUDED', 'RELEASED', 'ROLLED_OUT', 'PLANNED', 'OPEN']),
    );
    // The SDG campaign: six targets of four owners, three releases two weeks apart, partly rolled out.
    const sdg = campaigns.find((c: any) => c.title.startsWith('SDG-VO'));
    const owners = DEMO_SERVICES.filter((x) => sdg.targets.some((y: any) => y.service.slug === x.slug)).map(
      (x) => x.owner,
    );
    expect(sdg.targets).toHaveLength(6);
    expect(new Set(owners).size).toBe(4);
    expect(sdg.progress.subscribersCompliant).toBeLessThan(sdg.progress.subscribersTotal);
    expect(sdg.targets.filter((x: any) => x.atRisk)).toHaveLength(1);
  });

  it("gives each owner's plan for the coming quarter its baselines, the targets planned in it and its calibration", async () => {
    const to = dateOf({ inDays: 89 }, today);
    for (const plan of DEMO_PLANS) {
      const result = await t.gql(
        `query($owner: String!, $from: Date!, $to: Date!) { maintenancePlan(ownerKey: $owner, from: $from, to: $to) {
           calibrationFactor items { kind service { slug } } } }`,
        { owner: plan.owner, from: today, to },
        operator,
      );
      const { items, calibrationFactor } = result.data!.maintenancePlan;
      const slugsOf = (kind: string) =>
        items
          .filter((i: any) => i.kind === kind)
          .map((i: any) => i.service.slug)
          .sort();
      const owned = DEMO_SERVICES.filter((x) => x.owner === plan.owner).map((x) => x.slug);
      expect(slugsOf('BASELINE')).toEqual(owned.sort());
      expect(slugsOf('CAMPAIGN')).toEqual([...plan.shows.campaignTargets].sort());
      expect(items).toHaveLength(owned.length + plan.shows.campaignTargets.length);
      expect(calibrationFactor).toBeCloseTo(plan.shows.calibrationFactor, 2);
    }
  });

  it("records routine effort on every owner's services over the last twelve months, by its maintainer", async () => {
    for (const routine of ROUTINE_EFFORT) {
      const rows: { hours: string; age: number; recorder: string }[] = await t.db.query(
        `SELECT e.hours, $2::date - e.date AS age, e.recorded_by->>'name' AS recorder
           FROM effort_entry e JOIN online_service s ON s.id = e.service_id JOIN organisation o ON o.id = s.owner_id
          WHERE o.key = $1 AND e.campaign_target_id IS NULL`,
        [routine.owner, today],
      );
      expect(rows).toHaveLength(routine.shows.entries);
      expect(rows.reduce((total, row) => total + Number(row.hours), 0)).toBe(routine.shows.hours);
      // perMonth in each of the twelve 30-day months back from today.
      const months = Array.from(
        { length: 12 },
        (_, m) => rows.filter((r) => r.age > 30 * m && r.age <= 30 * (m + 1)).length,
      );
      expect(months).toEqual(Array(12).fill(routine.perMonth));
      const maintainer = DEMO_PERSONAS.find(
        (p) => p.organisationKey === routine.owner && p.roles.includes(Role.MAINTAINER),
      )!;
      expect(new Set(rows.map((r) => r.recorder))).toEqual(new Set([maintainer.name]));
    }
    // The console's list of one service: routine entries with German notes beside those on its targets.
    const result = await t.gql(
      `{ effortEntries(serviceSlug: "gewerbe-anmelden", first: 50) { edges { node { date hours note campaignTarget { campaign { title } } } } } }`,
      {},
      operator,
    );
    const entries = result.data!.effortEntries.edges.map((e: any) => e.node);
    expect(entries.filter((e: any) => e.campaignTarget === null).length).toBeGreaterThan(5);
    expect(entries.filter((e: any) => e.campaignTarget?.campaign.title.startsWith('SDG-VO'))).toHaveLength(3);
    expect(entries.every((e: any) => typeof e.note === 'string' && e.note.length > 0)).toBe(true);
  });

  it("calibrates the Wohngeld owner's plans by the hours the reform took", async () => {
    const result = await t.gql(
      `{ maintenancePlan(ownerKey: "dataport", from: "2027-01-01", to: "2027-12-31") { calibrationFactor } }`,
      {},
      operator,
    );
    expect(result.data!.maintenancePlan.calibrationFactor).toBeGreaterThan(1);
  });

  it('loads a second time, and a day later, without any change', async () => {
    const counts = () =>
      t.db.query(
        `SELECT (SELECT count(*) FROM audit_event) AS audit, (SELECT count(*) FROM release) AS releases,
                (SELECT count(*) FROM sign_off) AS sign_offs, (SELECT count(*) FROM service_subscription) AS subscriptions,
                (SELECT count(*) FROM campaign_target) AS targets, (SELECT count(*) FROM effort_entry) AS effort,
                (SELECT count(*) FROM organisation_capability) AS capabilities`,
      );
    const before = await counts();
    const nothing = {
      organisations: 0,
      standards: 0,
      norms: 0,
      services: 0,
      releases: 0,
      subscriptions: 0,
      campaigns: 0,
      effortEntries: 0,
    };
    expect(await t.app.get(DemoSeeder).seed()).toEqual(nothing);
    t.clock.advanceDays(1);
    try {
      expect(await t.app.get(DemoSeeder).seed()).toEqual(nothing);
    } finally {
      t.clock.advanceDays(-1);
    }
    expect(await counts()).toEqual(before);
  });
});
