import request from 'supertest';
import { Role } from '#src/common/auth/role';
import {
  approveGates,
  KIEL,
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
  registerStandard,
} from '../support/factories';
import { TEST_START, type TestApp } from '../support/test-app';

/**
 * The fixtures of the input fuzzing spec: a small world (Schleswig-Holstein with Kiel, Dataport
 * owning "bauantrag" (MANUAL approval) and "wohngeld" (AUTOMATIC), both citing the WoGG and with
 * 1.0.0 published, the standard xbau, an ACTIVE campaign on the WoGG, and the LeerG, which no
 * service cites, for campaigns without targets) and, for every mutation, a
 * recipe: who may call it and how to make a valid set of variables for it.
 *
 * A recipe's `base` makes the objects the call acts on, its own ones where a call changes them
 * (a subscription to approve, a release to publish), so that a fuzz case that is accepted
 * changes nothing another mutation's cases rely on. `usedUp` says that an accepted call spends
 * the base (the release is published now, the key taken): the spec then makes a new one.
 */

export const DIGEST = `sha256:${'c'.repeat(64)}`;
export const NEW_DIGEST = `sha256:${'e'.repeat(64)}`;

/** The day before the test clock's today, and a waiver expiry 30 days ahead. */
const YESTERDAY = '2026-11-27';
const IN_30_DAYS = new Date(Date.parse(TEST_START) + 30 * 86_400_000).toISOString();

export interface FuzzWorld {
  t: TestApp;
  /** OPERATOR without an organisation: may do everything but sign off. */
  operator: string;
  /** REVIEWER_USABILITY, _SECURITY and _INTERFACES at komfit (never the creator of a release). */
  reviewer: string;
  /** Dataport's services: bauantrag (MANUAL approval) and wohngeld (AUTOMATIC). */
  bauantrag: string;
  wohngeld: string;
  /** An ACTIVE campaign on the WoGG; its target for bauantrag. */
  campaign: string;
  bauantragTarget: string;
  /** A counter for unique keys, slugs and versions. */
  next(): number;
  /** A call that must succeed (fixtures); returns its data. */
  must(query: string, variables: Record<string, unknown>, token?: string): Promise<any>;
}

export interface Recipe {
  caller: (w: FuzzWorld) => string;
  base: (w: FuzzWorld) => Promise<Record<string, unknown>>;
  /** An accepted call spends the base (a state changed, a key is taken): make a new one. */
  usedUp?: boolean;
  /**
   * Why the valid base is not expected to succeed here (the control call is skipped). Its
   * cases corrupt the one argument there is, so they need no valid base to reach validation.
   */
  noControl?: string;
}

export async function startFuzzWorld(t: TestApp): Promise<FuzzWorld> {
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  for (const kreis of KREISE) {
    await registerOrganisation(t, { key: `${kreis}0000000`, kind: 'DISTRICT', parentKey: '010000000000' });
  }
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerStandard(t, 'xbau');
  await registerNorm(t, 'WoGG');
  await registerNorm(t, 'LeerG');
  const legalBases = [{ norm: 'WoGG', provision: '§ 22' }];
  const bauantrag = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport', legalBases });
  const wohngeld = await registerService(t, {
    slug: 'wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
    legalBases,
  });
  const xbau = { interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }] };
  await publishRelease(t, bauantrag, '1.0.0', xbau);
  await publishRelease(t, wohngeld, '1.0.0', xbau);
  const operator = await t.token({ roles: [Role.OPERATOR], sub: 'fuzz-operator' });
  const reviewer = await t.token({
    roles: [Role.REVIEWER_USABILITY, Role.REVIEWER_SECURITY, Role.REVIEWER_INTERFACES],
    org: 'komfit',
    sub: 'fuzz-reviewer',
  });
  let counter = 0;
  const must: FuzzWorld['must'] = async (query, variables, token = operator) => {
    const result = await t.gql(query, variables, token);
    if (result.errors) {
      throw new Error(`fixture call failed: ${query}\n${JSON.stringify(result.errors)}`);
    }
    return result.data;
  };
  const world: FuzzWorld = {
    t,
    operator,
    reviewer,
    bauantrag,
    wohngeld,
    campaign: '',
    bauantragTarget: '',
    next: () => ++counter,
    must,
  };
  const opened = await openCampaign(world, 'WoGG');
  world.campaign = opened.id;
  world.bauantragTarget = opened.targetOf(bauantrag);
  return world;
}

async function openCampaign(w: FuzzWorld, norm: string) {
  const data = await w.must(
    `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { id } } } }`,
    { input: { title: `Kampagne ${w.next()}`, norm, effectiveDate: '2027-06-01' } },
  );
  const campaign = data.openCampaign;
  return {
    id: campaign.id as string,
    targetOf: (serviceId: string) =>
      campaign.targets.find((x: any) => x.service.id === serviceId).id as string,
  };
}

/** A service of Dataport's of its own (no legal basis unless given). */
const ownService = (w: FuzzWorld, extra: Record<string, unknown> = {}) =>
  registerService(w.t, { slug: `fuzz-base-${w.next()}`, ownerKey: 'dataport', ...extra });

/** A release of bauantrag in DRAFT, or moved on to IN_REVIEW / APPROVED. */
async function release(w: FuzzWorld, until: 'DRAFT' | 'IN_REVIEW' | 'APPROVED' = 'DRAFT'): Promise<string> {
  const data = await w.must(`mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`, {
    input: { serviceId: w.bauantrag, version: `3.0.${w.next()}`, artifactDigest: DIGEST },
  });
  const id = data.createRelease.id as string;
  if (until !== 'DRAFT') {
    await w.must(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id });
  }
  if (until === 'APPROVED') {
    await approveGates(w.t, id);
  }
  return id;
}

/** Schleswig-Holstein's eleven Kreise: fresh amtsfreie Gemeinden go into them, 999 to each. */
const KREISE = [
  '01051',
  '01053',
  '01054',
  '01055',
  '01056',
  '01057',
  '01058',
  '01059',
  '01060',
  '01061',
  '01062',
];

/** A fresh amtsfreie Gemeinde's ARS (Verband part 0 and its Gemeinde number) and its Kreis. */
function freshGemeinde(w: FuzzWorld): { key: string; kreis: string } {
  const n = w.next();
  const kreis = KREISE[Math.floor(n / 999) % KREISE.length];
  const gemeinde = String((n % 999) + 1).padStart(3, '0');
  return { key: `${kreis}0${gemeinde}${gemeinde}`, kreis: `${kreis}0000000` };
}

/** A municipality of its own (a subscriber): in its Kreis, with a fresh ARS. */
async function ownMunicipality(w: FuzzWorld): Promise<string> {
  const { key, kreis } = freshGemeinde(w);
  return registerOrganisation(w.t, { key, kind: 'MUNICIPALITY', parentKey: kreis });
}

/** A subscription of a fresh municipality: REQUESTED (bauantrag), ACTIVE or SUSPENDED (wohngeld). */
async function subscription(w: FuzzWorld, state: 'REQUESTED' | 'ACTIVE' | 'SUSPENDED'): Promise<string> {
  const organisationKey = await ownMunicipality(w);
  const serviceId = state === 'REQUESTED' ? w.bauantrag : w.wohngeld;
  const data = await w.must(
    `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id state } }`,
    { input: { serviceId, versionRange: '^1.0.0', organisationKey } },
  );
  const id = data.requestSubscription.id as string;
  if (state === 'SUSPENDED') {
    await w.must(`mutation($id: ID!) { suspendSubscription(id: $id, reason: "Vorfall") { id } }`, { id });
  }
  return id;
}

const operator = (w: FuzzWorld) => w.operator;

/**
 * Every mutation's recipe, and those of the queries that take an input to check (the spec fuzzes
 * them too). A mutation without one is still fuzzed, on a base made from its types.
 */
export const RECIPES: Record<string, Recipe> = {
  registerOrganisation: {
    caller: operator,
    usedUp: true,
    base: (w) => {
      const { key, kreis } = freshGemeinde(w);
      return Promise.resolve({
        input: { key, ars: key, kind: 'MUNICIPALITY', name: 'Gemeinde Neu', parentKey: kreis },
      });
    },
  },
  registerInterfaceStandard: {
    caller: operator,
    usedUp: true,
    base: (w) =>
      Promise.resolve({ input: { key: `xfuzz-${w.next()}`, name: 'XFuzz', kind: 'XOEV_STANDARD' } }),
  },
  mapForgeNamespace: {
    caller: operator,
    usedUp: true,
    base: (w) =>
      Promise.resolve({
        input: { forge: 'GITHUB', namespace: `fuzz-${w.next()}`, organisationKey: 'dataport' },
      }),
  },
  unmapForgeNamespace: {
    caller: operator,
    usedUp: true,
    base: async (w) => {
      const namespace = `fuzz-unmap-${w.next()}`;
      await w.must(
        `mutation($input: ForgeNamespaceInput!) { mapForgeNamespace(input: $input) { namespace } }`,
        {
          input: { forge: 'GITHUB', namespace, organisationKey: 'dataport' },
        },
      );
      return { input: { forge: 'GITHUB', namespace, organisationKey: 'dataport' } };
    },
  },
  setCapabilities: {
    caller: operator,
    base: async (w) => ({
      organisationKey: await ownMunicipality(w),
      capabilities: [{ standard: 'xbau', versions: ['2.2'] }],
    }),
  },
  registerLegalNorm: {
    caller: operator,
    usedUp: true,
    base: (w) =>
      Promise.resolve({
        input: {
          abbreviation: `FuzzG ${w.next()}`,
          title: 'Fuzzgesetz',
          jurisdiction: 'DE',
          url: 'https://www.gesetze-im-internet.de/fuzzg/',
          eli: 'eli/bund/bgbl-1/2026/s1',
        },
      }),
  },
  registerService: {
    caller: operator,
    usedUp: true,
    base: (w) =>
      Promise.resolve({
        input: {
          slug: `fuzz-service-${w.next()}`,
          ownerKey: 'dataport',
          name: 'Fuzzantrag',
          summary: 'Eine Leistung',
          description: 'Beschreibung',
          reuseModel: 'EFA_CENTRAL',
          leikaKeys: ['99050012104000'],
          ozgIds: ['OZG-1'],
          themenfeld: 'BAUEN_WOHNEN',
          maturityLevel: 2,
          sdgRelevant: false,
          lifecycle: 'ACTIVE',
          subscriptionApproval: 'MANUAL',
          license: 'EUPL-1.2',
          repositoryUrl: 'https://gitlab.opencode.de/dataport/fuzz',
          legalBases: [{ norm: 'WoGG', provision: '§ 1' }],
        },
      }),
  },
  updateService: {
    caller: operator,
    base: async (w) => ({
      id: await ownService(w),
      input: {
        name: 'Fuzzantrag neu',
        summary: 'Eine Leistung',
        description: 'Beschreibung',
        leikaKeys: ['99050012104000'],
        ozgIds: ['OZG-1'],
        themenfeld: 'BAUEN_WOHNEN',
        maturityLevel: 3,
        sdgRelevant: true,
        lifecycle: 'ACTIVE',
        subscriptionApproval: 'AUTOMATIC',
        license: 'MIT',
        repositoryUrl: 'https://gitlab.opencode.de/dataport/fuzz',
        legalBases: [{ norm: 'WoGG', provision: '§ 2' }],
      },
    }),
  },
  importPubliccode: {
    caller: operator,
    // The service's own file, as GET /services/:slug/publiccode.yml writes it: valid, and it changes nothing.
    base: async (w) => {
      const slug = `fuzz-base-${w.next()}`;
      const serviceId = await registerService(w.t, { slug, ownerKey: 'dataport' });
      const text = (await request(w.t.app.getHttpServer()).get(`/services/${slug}/publiccode.yml`)).text;
      return { serviceId, text, dryRun: false };
    },
  },
  setQaPolicy: {
    caller: operator,
    base: async (w) => ({
      serviceId: await ownService(w),
      rules: [{ kind: 'USABILITY', requiredApprovals: 2 }],
    }),
  },
  setMaintenanceBaseline: {
    caller: operator,
    base: async (w) => ({
      serviceId: await ownService(w),
      estimate: { optimisticHours: 10, likelyHours: 20, pessimisticHours: 40 },
    }),
  },
  recordEffort: {
    caller: operator,
    base: (w) =>
      Promise.resolve({
        input: {
          serviceId: w.bauantrag,
          campaignTargetId: w.bauantragTarget,
          hours: 1.5,
          date: YESTERDAY,
          note: 'Analyse',
        },
      }),
  },
  createRelease: {
    caller: operator,
    usedUp: true,
    base: (w) =>
      Promise.resolve({
        input: {
          serviceId: w.bauantrag,
          version: `2.0.${w.next()}`,
          artifactDigest: DIGEST,
          artifactUrl: 'https://artifacts.example.org/bauantrag.tgz',
          notes: 'Hinweise',
          changes: [{ type: 'ADDED', description: 'Neues Formular' }],
          interfaces: [{ standard: 'xbau', version: '2.3', direction: 'CONSUMES' }],
          fulfils: [w.campaign],
        },
      }),
  },
  updateRelease: {
    caller: operator,
    base: async (w) => ({
      id: await release(w),
      input: {
        notes: 'Neue Hinweise',
        changes: [{ type: 'FIXED', description: 'Fehler behoben' }],
        interfaces: [{ standard: 'xbau', version: '2.2', direction: 'PROVIDES' }],
      },
    }),
  },
  updateReleaseArtifact: {
    caller: operator,
    base: async (w) => ({
      id: await release(w),
      artifactDigest: NEW_DIGEST,
      artifactUrl: 'https://artifacts.example.org/neu.tgz',
    }),
  },
  submitRelease: { caller: operator, usedUp: true, base: async (w) => ({ id: await release(w) }) },
  signOff: {
    caller: (w) => w.reviewer,
    base: async (w) => ({
      input: {
        releaseId: await release(w, 'IN_REVIEW'),
        kind: 'USABILITY',
        verdict: 'APPROVE',
        comment: 'Geprüft',
        evidenceUrl: 'https://qa.example.org/report/1',
      },
    }),
  },
  waiveGate: {
    caller: operator,
    base: async (w) => ({
      input: {
        releaseId: await release(w, 'IN_REVIEW'),
        kind: 'SECURITY',
        reason: 'Pentest folgt',
        ticket: 'SEC-1',
        expiresAt: IN_30_DAYS,
      },
    }),
  },
  publishRelease: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await release(w, 'APPROVED') }),
  },
  withdrawRelease: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await release(w), reason: 'Fehlerhaft' }),
  },
  deprecateRelease: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({
      id: await publishRelease(w.t, w.bauantrag, `4.0.${w.next()}`),
      reason: 'Veraltet',
    }),
  },
  requestSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({
      input: { serviceId: w.wohngeld, versionRange: '^1.0.0', organisationKey: await ownMunicipality(w) },
    }),
  },
  approveSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await subscription(w, 'REQUESTED'), agreementReference: 'NV-2026-1' }),
  },
  rejectSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await subscription(w, 'REQUESTED'), reason: 'Kein Bedarf' }),
  },
  suspendSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await subscription(w, 'ACTIVE'), reason: 'Sicherheitsvorfall' }),
  },
  resumeSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await subscription(w, 'SUSPENDED') }),
  },
  terminateSubscription: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await subscription(w, 'ACTIVE'), reason: 'Vertrag beendet' }),
  },
  changeSubscriptionRange: {
    caller: operator,
    base: async (w) => ({ id: await subscription(w, 'ACTIVE'), versionRange: '>=1.0.0 <2.0.0' }),
  },
  reportDeployment: {
    caller: operator,
    base: async (w) => ({ subscriptionId: await subscription(w, 'ACTIVE'), version: '1.0.0' }),
  },
  // A query (the spec fuzzes the queries named here too): what openCampaign would create.
  campaignPreview: {
    caller: operator,
    base: () =>
      Promise.resolve({ input: { norm: 'WoGG', provisions: ['§ 22'], effectiveDate: '2027-01-01' } }),
  },
  openCampaign: {
    caller: operator,
    base: () =>
      Promise.resolve({
        input: {
          title: 'Wohngeld-Plus',
          description: 'Neue Einkommensgrenzen',
          norm: 'WoGG',
          provisions: ['§ 22'],
          amendment: 'BGBl. 2026 I Nr. 99',
          effectiveDate: '2027-01-01',
        },
      }),
  },
  addCampaignTarget: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ campaignId: (await openCampaign(w, 'LeerG')).id, serviceId: await ownService(w) }),
  },
  excludeCampaignTarget: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({
      targetId: (await openCampaign(w, 'WoGG')).targetOf(w.wohngeld),
      reason: 'Nicht betroffen',
    }),
  },
  includeCampaignTarget: {
    caller: operator,
    usedUp: true,
    base: async (w) => {
      const targetId = (await openCampaign(w, 'WoGG')).targetOf(w.wohngeld);
      await w.must(`mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "x") { id } }`, {
        id: targetId,
      });
      return { targetId };
    },
  },
  planCampaignTarget: {
    caller: operator,
    base: (w) =>
      Promise.resolve({
        input: {
          targetId: w.bauantragTarget,
          plannedReleaseDate: '2026-12-15',
          estimate: { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 },
          assignee: 'Mia',
        },
      }),
  },
  linkCampaignRelease: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({
      targetId: (await openCampaign(w, 'WoGG')).targetOf(w.bauantrag),
      releaseId: await release(w),
    }),
  },
  completeCampaign: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: (await openCampaign(w, 'LeerG')).id }),
  },
  cancelCampaign: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: (await openCampaign(w, 'LeerG')).id, reason: 'Gesetz gestoppt' }),
  },
  retryCampaignTargetIssue: {
    caller: operator,
    noControl: 'GitHub is not configured in this world: no target has an issue to retry',
    base: (w) => Promise.resolve({ targetId: w.bauantragTarget }),
  },
  replayGithubDelivery: {
    caller: operator,
    noControl: 'GitHub is not configured in this world: there is no delivery to replay',
    base: () => Promise.resolve({ id: '6f1c5d2e-0b3a-4c1d-9e8f-0123456789ab' }),
  },
  markNotificationsRead: {
    caller: operator,
    base: () => Promise.resolve({ input: { organisationKey: KIEL } }),
  },
  addWebhookEndpoint: {
    caller: operator,
    base: () =>
      Promise.resolve({ input: { organisationKey: KIEL, url: FUZZ_WEBHOOK, kinds: ['RELEASE_PUBLISHED'] } }),
  },
  addEmailRecipient: {
    caller: operator,
    base: () =>
      Promise.resolve({
        input: {
          organisationKey: KIEL,
          email: 'fuzz@kiel.de',
          kinds: ['RELEASE_PUBLISHED'],
          mode: 'DAILY_DIGEST',
        },
      }),
  },
  updateNotificationChannel: {
    caller: operator,
    base: async (w) => ({
      input: {
        id: await webhookOfKiel(w),
        kinds: ['RELEASE_PUBLISHED', 'RELEASE_DEPRECATED'],
        enabled: true,
      },
    }),
  },
  rotateWebhookSecret: {
    caller: operator,
    base: async (w) => ({ id: await webhookOfKiel(w) }),
  },
  removeNotificationChannel: {
    caller: operator,
    usedUp: true,
    base: async (w) => ({ id: await webhookOfKiel(w) }),
  },
};

/** A public address literal (example.com's): registering it needs no DNS, and nothing is sent. */
const FUZZ_WEBHOOK = 'https://93.184.215.14/fuzz';

/** A new webhook endpoint of Kiel; its id. */
async function webhookOfKiel(w: FuzzWorld): Promise<string> {
  const data = await w.must(
    `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { channel { id } } }`,
    { input: { organisationKey: KIEL, url: FUZZ_WEBHOOK, kinds: ['RELEASE_PUBLISHED'] } },
    w.operator,
  );
  return data.addWebhookEndpoint.channel.id as string;
}
