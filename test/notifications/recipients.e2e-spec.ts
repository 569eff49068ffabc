import { Role } from '#src/common/auth/role';
import {
  KIEL,
  LUEBECK,
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
  registerStandard,
} from '../support/factories';
import { drain, inbox, kinds, news } from '../support/notifications';
import { errorCode, startTestApp, useWorld, type TestApp } from '../support/test-app';

/**
 * Who is told of what (docs/notifications.md, "Events and recipients"): every kind reaches the
 * organisations it concerns and no others, as the console's list shows it.
 */

interface World {
  t: TestApp;
  /** wohngeld (Dataport's, approval AUTOMATIC, cites the WoGG) and bauantrag (Dataport's, approval by the owner). */
  wohngeld: string;
  bauantrag: string;
  kim: string; // MUNICIPALITY_ADMIN of Kiel
  lea: string; // MUNICIPALITY_ADMIN of Lübeck
  mia: string; // MAINTAINER at Dataport, the owner
  max: string; // MAINTAINER at komfit
  rita: string; // REVIEWER_SECURITY at komfit
  olaf: string; // OPERATOR
  /** Kiel's and Lübeck's subscriptions to wohngeld. */
  kielSub: string;
  luebeckSub: string;
}

async function startWorld(): Promise<World> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerStandard(t, 'xbau');
  await registerNorm(t, 'WoGG');
  const wohngeld = await registerService(t, {
    slug: 'wohngeld',
    name: 'Wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
    legalBases: [{ norm: 'WoGG' }],
  });
  const bauantrag = await registerService(t, { slug: 'bauantrag', name: 'Bauantrag', ownerKey: 'dataport' });
  // komfit's reviewers review these: komfit becomes a reviewer organisation of every kind.
  const xbau = (version: string) => ({ interfaces: [{ standard: 'xbau', version, direction: 'CONSUMES' }] });
  await publishRelease(t, wohngeld, '1.0.0', xbau('2.2'), 'komfit');
  await publishRelease(t, bauantrag, '1.0.0', {}, 'komfit');
  const w = {
    t,
    wohngeld,
    bauantrag,
    kim: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' }),
    lea: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK, sub: 'lea' }),
    mia: await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' }),
    max: await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' }),
    rita: await t.token({ roles: [Role.REVIEWER_SECURITY], org: 'komfit', sub: 'rita' }),
    olaf: await t.token({ roles: [Role.OPERATOR], sub: 'olaf' }),
  };
  const subscribe = async (range: string, token: string) => {
    const result = await t.gql(
      `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id state } }`,
      { input: { serviceId: wohngeld, versionRange: range } },
      token,
    );
    expect(result.data?.requestSubscription.state).toBe('ACTIVE');
    return result.data!.requestSubscription.id as string;
  };
  const kielSub = await subscribe('^1.0.0', w.kim);
  const luebeckSub = await subscribe('~1.0.0', w.lea);
  // Lübeck's systems speak XBau 2.2 only.
  await t.gql(
    `mutation { setCapabilities(organisationKey: "${LUEBECK}", capabilities: [{ standard: "xbau", versions: ["2.2"] }]) { key } }`,
    {},
    w.olaf,
  );
  return { ...w, kielSub, luebeckSub };
}

describe('notifications: every event reaches whom it concerns, and no one else', () => {
  const w = useWorld(startWorld, (world) => world.t.close());

  /** Each organisation's news since the last look: organisation → kinds. */
  async function everyonesNews() {
    await drain(w.t);
    return {
      kiel: await news(w.t, w.kim),
      luebeck: await news(w.t, w.lea),
      dataport: await news(w.t, w.mia),
      komfit: await news(w.t, w.max),
      rita: await news(w.t, w.rita),
    };
  }

  beforeAll(async () => {
    await everyonesNews();
  });

  it('tells each subscriber of a new release whether it is its new target or outside its range, and whether the interface change affects it', async () => {
    await publishRelease(
      w.t,
      w.wohngeld,
      '1.1.0',
      {
        interfaces: [
          { standard: 'xbau', version: '2.2', direction: 'CONSUMES' },
          { standard: 'xbau', version: '2.3', direction: 'CONSUMES' },
        ],
      },
      'komfit',
    );
    const n = await everyonesNews();

    const [kiel] = n.kiel.filter((x) => x.kind === 'RELEASE_PUBLISHED');
    expect(kiel.title).toBe('Wohngeld 1.1.0 veröffentlicht – neue Zielversion Ihrer Nachnutzung');
    expect(kiel.link).toBe('/leistungen/wohngeld/versionen/1.1.0');
    expect(kiel.body).toMatchObject({
      type: 'release.published',
      schemaVersion: 1,
      organisation: { key: KIEL },
      url: 'http://localhost:3000/leistungen/wohngeld/versionen/1.1.0',
      data: {
        release: { version: '1.1.0', bump: 'MINOR' },
        subscription: { id: w.kielSub, versionRange: '^1.0.0' },
        inRange: true,
        newTarget: true,
        affected: false,
      },
    });

    const [luebeck] = n.luebeck.filter((x) => x.kind === 'RELEASE_PUBLISHED');
    expect(luebeck.title).toBe(
      'Wohngeld 1.1.0 veröffentlicht – außerhalb Ihres Versionsbereichs ~1.0.0; die Schnittstellenänderung betrifft Sie',
    );
    expect(luebeck.body.data).toMatchObject({
      subscription: { id: w.luebeckSub },
      inRange: false,
      newTarget: false,
      affected: true,
    });
    // Neither subscriber sees the other's subscription.
    expect(JSON.stringify(n.kiel)).not.toContain(w.luebeckSub);
    expect(JSON.stringify(n.luebeck)).not.toContain(w.kielSub);
    // The owner and the reviewers' organisation subscribe to nothing: no release notice.
    expect(kinds(n.dataport)).not.toContain('RELEASE_PUBLISHED');
    expect(kinds(n.komfit)).not.toContain('RELEASE_PUBLISHED');
  });

  it('tells the reviewers of each kind of a gate waiting for them, the security reviewer only of security gates', async () => {
    const created = await w.t.gql(
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
      { input: { serviceId: w.bauantrag, version: '1.1.0', artifactDigest: `sha256:${'d'.repeat(64)}` } },
      w.mia,
    );
    const id = created.data!.createRelease.id;
    await w.t.gql(`mutation($id: ID!) { submitRelease(id: $id) { state } }`, { id }, w.mia);
    const n = await everyonesNews();
    const rita = n.rita;
    expect(rita.map((x) => [x.kind, x.gateKind])).toEqual([['GATE_AWAITING_REVIEW', 'SECURITY']]);
    expect(rita[0].title).toBe('Prüfung Sicherheit wartet: Bauantrag 1.1.0');
    expect(n.komfit.map((x) => x.gateKind).sort()).toEqual(['INTERFACES', 'SECURITY', 'USABILITY']);
    // Nobody at Dataport has reviewed anything; the municipalities review nothing.
    expect(n.dataport).toEqual([]);
    expect(n.kiel).toEqual([]);
    expect(n.luebeck).toEqual([]);
  });

  it('tells of a deprecation only the subscribers that run the release or targeted it', async () => {
    await w.t.gql(
      `mutation($id: ID!, $version: SemVer!) { reportDeployment(subscriptionId: $id, version: $version) { deployedVersion } }`,
      { id: w.kielSub, version: '1.1.0' },
      w.kim,
    );
    const release = await w.t.gql(
      `query { service(slug: "wohngeld") { releases { edges { node { id version } } } } }`,
      {},
      w.mia,
    );
    const id = release.data!.service.releases.edges.find((e: any) => e.node.version === '1.1.0').node.id;
    const deprecated = await w.t.gql(
      `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Sicherheitslücke") { state } }`,
      { id },
      w.mia,
    );
    expect(deprecated.errors).toBeUndefined();
    const n = await everyonesNews();
    expect(n.kiel.map((x) => x.title)).toEqual([
      'Wohngeld 1.1.0 abgekündigt – Sie setzen diese Version ein; neue Zielversion 1.0.0',
    ]);
    expect(n.kiel[0].body.data).toMatchObject({
      release: { version: '1.1.0', reason: 'Sicherheitslücke' },
      deployed: true,
      wasTarget: true,
      newTarget: '1.0.0',
    });
    // Lübeck (~1.0.0) neither runs nor targets 1.1.0.
    expect(n.luebeck).toEqual([]);
    expect(n.dataport).toEqual([]);
  });

  it('tells the owner of a request and the subscriber of each decision; never another municipality', async () => {
    const request = async (token: string) =>
      (
        await w.t.gql(
          `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id state } }`,
          { input: { serviceId: w.bauantrag, versionRange: '^1.0.0' } },
          token,
        )
      ).data!.requestSubscription.id as string;
    const kiel = await request(w.kim);
    let n = await everyonesNews();
    expect(n.dataport.map((x) => x.title)).toEqual([`Org ${KIEL} beantragt die Nachnutzung von Bauantrag`]);
    expect(n.dataport[0].body.data.subscription).toMatchObject({ id: kiel, state: 'REQUESTED' });
    expect([...n.kiel, ...n.luebeck, ...n.komfit]).toEqual([]);

    const act = async (mutation: string, token: string) => {
      const result = await w.t.gql(`mutation($id: ID!) { ${mutation} { state } }`, { id: kiel }, token);
      expect(result.errors).toBeUndefined();
      return everyonesNews();
    };
    n = await act('approveSubscription(id: $id)', w.mia);
    expect(n.kiel.map((x) => x.kind)).toEqual(['SUBSCRIPTION_APPROVED']);
    expect([...n.luebeck, ...n.dataport]).toEqual([]);

    n = await act('suspendSubscription(id: $id, reason: "Wartungsvertrag fehlt")', w.mia);
    expect(n.kiel.map((x) => x.title)).toEqual([
      'Ihre Nachnutzung von Bauantrag wurde ausgesetzt: Wartungsvertrag fehlt',
    ]);
    n = await act('resumeSubscription(id: $id)', w.mia);
    expect(n.kiel.map((x) => x.kind)).toEqual(['SUBSCRIPTION_RESUMED']);

    // The subscriber ends it: the subscriber and the owner are told.
    n = await act('terminateSubscription(id: $id, reason: "Eigenentwicklung")', w.kim);
    expect(n.kiel.map((x) => x.kind)).toEqual(['SUBSCRIPTION_TERMINATED']);
    expect(n.dataport.map((x) => x.title)).toEqual([
      `Org ${KIEL} hat die Nachnutzung von Bauantrag gekündigt: Eigenentwicklung`,
    ]);
    expect(n.luebeck).toEqual([]);

    const luebeck = await request(w.lea);
    await w.t.gql(
      `mutation($id: ID!) { rejectSubscription(id: $id, reason: "Kein Vertrag") { state } }`,
      { id: luebeck },
      w.mia,
    );
    n = await everyonesNews();
    expect(n.luebeck.map((x) => x.kind)).toEqual(['SUBSCRIPTION_REJECTED']);
    expect(n.kiel).toEqual([]);
    expect(JSON.stringify(await inbox(w.t, w.kim))).not.toContain(luebeck);
  });

  describe('campaigns', () => {
    let campaignId: string;

    it('tells the owner of each target and its subscribers that a campaign opened, once per organisation', async () => {
      const opened = await w.t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { title: 'WoGG-Novelle 2027', norm: 'WoGG', effectiveDate: '2027-01-07' } },
        w.mia,
      );
      campaignId = opened.data!.openCampaign.id;
      const n = await everyonesNews();
      const title = 'Kampagne „WoGG-Novelle 2027“ eröffnet: betrifft Wohngeld (Stichtag 07.01.2027)';
      expect(n.dataport.map((x) => x.title)).toEqual([title]);
      expect(n.dataport[0].body.data.roles).toEqual(['owner']);
      expect(n.dataport[0].link).toBe(`/kampagnen/${campaignId}`);
      expect(n.kiel.map((x) => x.title)).toEqual([title]);
      expect(n.kiel[0].body.data.roles).toEqual(['subscriber']);
      expect(n.luebeck.map((x) => x.kind)).toEqual(['CAMPAIGN_OPENED']);
      expect(n.komfit).toEqual([]);
    });

    it('tells of a target added only whom the new target concerns', async () => {
      const added = await w.t.gql(
        `mutation($c: ID!) { addCampaignTarget(campaignId: $c, serviceSlug: "bauantrag") { id } }`,
        { c: campaignId },
        w.mia,
      );
      expect(added.errors).toBeUndefined();
      const n = await everyonesNews();
      expect(n.dataport.map((x) => x.title)).toEqual([
        'Kampagne „WoGG-Novelle 2027“: Bauantrag ist jetzt Ziel (Stichtag 07.01.2027)',
      ]);
      // Kiel ended its bauantrag subscription, Lübeck's was rejected: no subscriber is concerned.
      expect([...n.kiel, ...n.luebeck, ...n.komfit]).toEqual([]);
    });

    it('reminds 30 and 7 days ahead and tells of overdue targets, each once however often the worker looks', async () => {
      w.t.clock.set('2026-12-08T09:00:00Z'); // 30 days ahead
      let n = await everyonesNews();
      expect(n.dataport.map((x) => x.title)).toEqual([
        'Kampagne „WoGG-Novelle 2027“: Stichtag 07.01.2027 in 30 Tagen – offen: Bauantrag, Wohngeld',
      ]);
      expect(n.kiel.map((x) => x.body.data.campaign.daysLeft)).toEqual([30]);
      w.t.clock.set('2026-12-20T09:00:00Z'); // 18 days: no new reminder
      n = await everyonesNews();
      expect([...n.dataport, ...n.kiel]).toEqual([]);

      w.t.clock.set('2026-12-31T09:00:00Z'); // 7 days
      n = await everyonesNews();
      expect(n.dataport.map((x) => x.kind)).toEqual(['CAMPAIGN_DEADLINE_APPROACHING']);
      expect(n.dataport[0].body.data.campaign.daysLeft).toBe(7);
      expect((await everyonesNews()).dataport).toEqual([]);

      w.t.clock.set('2027-01-08T09:00:00Z'); // the day after: both targets overdue
      n = await everyonesNews();
      expect(n.dataport.map((x) => x.title).sort()).toEqual([
        'Kampagne „WoGG-Novelle 2027“: Bauantrag ist überfällig (Stichtag 07.01.2027)',
        'Kampagne „WoGG-Novelle 2027“: Wohngeld ist überfällig (Stichtag 07.01.2027)',
      ]);
      expect(n.kiel.map((x) => x.kind)).toEqual(['CAMPAIGN_TARGET_OVERDUE']);
      w.t.clock.set('2027-01-09T09:00:00Z');
      n = await everyonesNews();
      expect([...n.dataport, ...n.kiel, ...n.luebeck]).toEqual([]);
    });
  });

  describe('who reads and chooses (docs/domain.md, who may do what)', () => {
    it("refuses another organisation's list and settings; an OPERATOR reads any", async () => {
      for (const query of [
        `query { notifications(organisationKey: "${KIEL}") { totalCount } }`,
        `query { notificationSettings(organisationKey: "${KIEL}") { channels { id } } }`,
      ]) {
        const refused = await w.t.gql(query, {}, w.lea);
        expect(errorCode(refused)).toBe('FORBIDDEN');
        expect(refused.errors![0].extensions.reason).toBe('NOTIFICATIONS_FORBIDDEN');
        expect(errorCode(await w.t.gql(query, {}, w.mia))).toBe('FORBIDDEN');
        expect(errorCode(await w.t.gql(query, {}))).toBe('UNAUTHENTICATED');
        expect(errorCode(await w.t.gql(query, {}, w.olaf))).toBeUndefined();
      }
      const operatorView = await inbox(w.t, w.olaf, { organisationKey: KIEL });
      expect(operatorView.length).toBeGreaterThan(0);
      expect(operatorView.every((x) => x.body.organisation.key === KIEL)).toBe(true);
    });

    it('shows a reviewer only the gate events of its kinds, and lets it choose only those', async () => {
      const all = await inbox(w.t, w.rita);
      expect(all.length).toBeGreaterThan(0);
      expect(all.every((x) => x.kind === 'GATE_AWAITING_REVIEW' && x.gateKind === 'SECURITY')).toBe(true);
      const settings = await w.t.gql(
        `query { notificationSettings { choosableKinds choosableGateKinds } }`,
        {},
        w.rita,
      );
      expect(settings.data!.notificationSettings).toEqual({
        choosableKinds: ['GATE_AWAITING_REVIEW'],
        choosableGateKinds: ['SECURITY'],
      });
      const add = (kinds: string[], gateKinds: string[]) =>
        w.t.gql(
          `mutation($input: AddEmailRecipientInput!) { addEmailRecipient(input: $input) { id } }`,
          { input: { email: 'rita@komfit.de', kinds, gateKinds } },
          w.rita,
        );
      let refused = await add(['GATE_AWAITING_REVIEW', 'RELEASE_PUBLISHED'], ['SECURITY']);
      expect(refused.errors![0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'NOTIFICATION_KIND_NOT_ALLOWED',
        field: 'input.kinds',
      });
      refused = await add(['GATE_AWAITING_REVIEW'], ['USABILITY']);
      expect(refused.errors![0].extensions).toMatchObject({
        reason: 'NOTIFICATION_GATE_KIND_NOT_ALLOWED',
        field: 'input.gateKinds',
      });
      expect((await add(['GATE_AWAITING_REVIEW'], ['SECURITY'])).errors).toBeUndefined();
      // The komfit maintainer sees the reviewer's recipient; the reviewer does not see the maintainer's.
      await w.t.gql(
        `mutation { addEmailRecipient(input: { email: "it@komfit.de", kinds: [RELEASE_PUBLISHED] }) { id } }`,
        {},
        w.max,
      );
      const seen = async (token: string) =>
        (await w.t.gql(`query { notificationSettings { channels { email } } }`, {}, token))
          .data!.notificationSettings.channels.map((c: any) => c.email)
          .sort();
      expect(await seen(w.max)).toEqual(['it@komfit.de', 'rita@komfit.de']);
      expect(await seen(w.rita)).toEqual(['rita@komfit.de']);
    });

    it('marks read per person: what Kim read is still unread for her colleague', async () => {
      const colleague = await w.t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kai' });
      const kims = await inbox(w.t, w.kim, { unreadOnly: true });
      const kais = await inbox(w.t, colleague, { unreadOnly: true });
      expect(kims).toEqual([]);
      expect(kais.length).toBeGreaterThan(0);
      const marked = await w.t.gql(
        `mutation($ids: [ID!]) { markNotificationsRead(input: { ids: $ids }) }`,
        { ids: [kais[0].id] },
        colleague,
      );
      expect(marked.data!.markNotificationsRead).toBe(kais.length - 1);
    });
  });
});
