import request from 'supertest';
import { Role } from '#src/common/auth/role';
import {
  approveGates,
  KIEL,
  registerNorm,
  registerOrganisation,
  registerService,
  registerStandard,
} from '../support/factories';
import { signature } from '../support/fake-github';
import { startTestApp, useWorld, type TestApp } from '../support/test-app';
// After the app: its modules load in the order the application loads them.
import { GithubWorker } from '#src/github/github-worker';
import { CALLER_IDS, CALLERS, ORGANISATIONS, type CallerId } from './authorization-expectations';

export { KIEL };

/**
 * The world of the authorization matrix: Dataport owns every service, Kiel subscribes, komfit is
 * neither. Each mutation's probe has a target here in the state its action needs, shared by the
 * callers the table refuses; `fresh` makes a new one for each caller the table allows, so an
 * allowed call can succeed without changing what the next caller finds.
 */

const WEBHOOK_SECRET = 'matrix-webhook-secret-0001';

export const MATRIX = {
  owner: ORGANISATIONS.owner,
  norm: 'MATRIXG',
  standard: 'xmatrix',
  /** Kiel's capabilities: xmatrix 1.0 only, so a release using xmatrix 2.0 affects its subscription. */
  capabilities: [{ standard: 'xmatrix', versions: ['1.0'] }],
  digest: `sha256:${'a'.repeat(64)}`,
  otherDigest: `sha256:${'b'.repeat(64)}`,
  catalogueServiceSlug: 'm-catalogue',
  releaseServiceSlug: 'm-releases',
  activeServiceSlug: 'm-sub-active',
  /** A public address (example.com's), as a literal: registering it needs no DNS. */
  webhookUrl: 'https://93.184.215.14/matrix',
};

type Stage = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'PUBLISHED';
type SubscriptionStage = 'REQUESTED' | 'ACTIVE' | 'SUSPENDED';

export interface MatrixWorld {
  t: TestApp;
  /** Each caller's token; undefined for anonymous. */
  tokens: Record<CallerId, string | undefined>;
  services: {
    /** m-catalogue: with a maintenance baseline and an effort entry. */
    catalogue: string;
    policy: string;
    /** m-releases: the releases below, unless said otherwise. */
    releases: string;
    /** Published, and Kiel has no subscription to it. */
    unsubscribed: string;
    /** Not a target of the active campaign. */
    notATarget: string;
  };
  releases: {
    draft: string;
    approved: string;
    /** 1.0.0 of m-releases. */
    published: string;
    toSign: string;
    toWaive: string;
    /** IN_REVIEW, signed by nobody: in every reviewer's queue. */
    inQueue: string;
    /** A DRAFT that the probes of Query.release and OnlineService.releases look for. */
    listed: string;
    /** PUBLISHED, created with `fulfils` naming the active campaign. */
    fulfilling: string;
    /** PUBLISHED 2.0.0 of m-sub-active, using xmatrix 2.0: it affects Kiel's subscription. */
    affecting: string;
    /** A DRAFT of the service of `targets.toLink`. */
    toLink: string;
  };
  /** Kiel's subscriptions to Dataport's services. */
  subscriptions: { requested: string; active: string; suspended: string };
  campaigns: { active: string; toClose: string };
  /** Targets of the active campaign. */
  /** Targets of the active campaign; `onSubscribed` is on m-sub-active, which Kiel subscribes to. */
  targets: { included: string; excluded: string; toPlan: string; toLink: string; onSubscribed: string };
  deliveries: { skipped: string };
  /** A version of m-releases no release has yet. */
  nextVersion(): string;
  fresh: {
    release(stage: Stage): Promise<string>;
    /** A service of Dataport with 1.0.0 published. */
    publishedService(): Promise<string>;
    /** A subscription of a new organisation, in this state. */
    subscription(stage: SubscriptionStage): Promise<string>;
    /** An ACTIVE subscription of Kiel, to a new service. */
    subscriberSubscription(): Promise<string>;
    service(): Promise<string>;
    /** A target of the active campaign. */
    target(excluded: boolean): Promise<string>;
    /** An ACTIVE campaign without targets. */
    campaign(): Promise<string>;
    skippedDelivery(): Promise<string>;
    /** A webhook endpoint of Kiel for release notices. */
    channel(): Promise<string>;
  };
  /** Kiel's webhook endpoint for release notices. */
  channels: { kiel: string };
}

async function startMatrixWorld(): Promise<MatrixWorld> {
  const t = await startTestApp({ GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET, GITHUB_POLL_INTERVAL_MS: '0' });
  const operator = await t.token({ roles: [Role.OPERATOR], sub: 'matrix-fixtures', name: 'Fixtures' });
  let counter = 0;
  const next = () => ++counter;

  /** A fixture call: it must succeed. */
  async function must(query: string, variables: Record<string, unknown>): Promise<any> {
    const result = await t.gql(query, variables, operator);
    if (result.errors) {
      throw new Error(`fixture ${query.slice(0, 60)}: ${JSON.stringify(result.errors)}`);
    }
    return result.data;
  }

  await registerOrganisation(t, { key: ORGANISATIONS.owner, kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: ORGANISATIONS.other, kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerStandard(t, MATRIX.standard);
  await registerNorm(t, MATRIX.norm);
  await must(
    `mutation($key: String!, $capabilities: [InterfaceCapabilityInput!]!) { setCapabilities(organisationKey: $key, capabilities: $capabilities) { key } }`,
    { key: KIEL, capabilities: MATRIX.capabilities },
  );

  const service = (slug = `m-service-${next()}`) => registerService(t, { slug, ownerKey: MATRIX.owner });

  async function release(
    serviceId: string,
    version: string,
    stage: Stage,
    extra: Record<string, unknown> = {},
  ) {
    const created = await must(
      `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
      {
        input: { serviceId, version, artifactDigest: MATRIX.digest, ...extra },
      },
    );
    const id = created.createRelease.id as string;
    if (stage === 'DRAFT') {
      return id;
    }
    await must(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id });
    if (stage === 'IN_REVIEW') {
      return id;
    }
    await approveGates(t, id, ORGANISATIONS.other);
    if (stage === 'APPROVED') {
      return id;
    }
    await must(`mutation($id: ID!) { publishRelease(id: $id) { id } }`, { id });
    return id;
  }

  async function publishedService(slug?: string) {
    const id = await service(slug);
    await release(id, '1.0.0', 'PUBLISHED');
    return id;
  }

  async function subscription(organisationKey: string, serviceId: string, stage: SubscriptionStage) {
    const requested = await must(
      `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { id } }`,
      { input: { serviceId, versionRange: '^1.0.0', organisationKey } },
    );
    const id = requested.requestSubscription.id as string;
    if (stage !== 'REQUESTED') {
      await must(`mutation($id: ID!) { approveSubscription(id: $id) { id } }`, { id });
    }
    if (stage === 'SUSPENDED') {
      await must(`mutation($id: ID!) { suspendSubscription(id: $id, reason: "fixture") { id } }`, { id });
    }
    return id;
  }

  const openCampaign = async () =>
    (
      await must(`mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`, {
        input: { title: `Matrix fixture ${next()}`, norm: MATRIX.norm, effectiveDate: '2027-06-30' },
      })
    ).openCampaign.id as string;

  async function addTarget(campaignId: string, serviceId: string, excluded = false) {
    const added = await must(
      `mutation($c: ID!, $s: ID!) { addCampaignTarget(campaignId: $c, serviceId: $s) { id } }`,
      { c: campaignId, s: serviceId },
    );
    const id = added.addCampaignTarget.id as string;
    if (excluded) {
      await must(`mutation($id: ID!) { excludeCampaignTarget(targetId: $id, reason: "fixture") { id } }`, {
        id,
      });
    }
    return id;
  }

  async function skippedDelivery() {
    const id = `matrix-delivery-${next()}`;
    const raw = JSON.stringify({ action: 'created', repository: { full_name: 'Dataport/Matrix' } });
    const response = await request(t.app.getHttpServer())
      .post('/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', 'star')
      .set('x-github-delivery', id)
      .set('x-hub-signature-256', signature(WEBHOOK_SECRET, raw))
      .send(raw);
    if (response.status !== 202) {
      throw new Error(`fixture delivery: ${response.status} ${JSON.stringify(response.body)}`);
    }
    await t.app.get(GithubWorker).drain();
    return id;
  }

  // The catalogue.
  const catalogue = await service(MATRIX.catalogueServiceSlug);
  await must(
    `mutation($id: ID!, $e: ThreePointInput!) { setMaintenanceBaseline(serviceId: $id, estimate: $e) { id } }`,
    { id: catalogue, e: { optimisticHours: 40, likelyHours: 80, pessimisticHours: 160 } },
  );
  await must(`mutation($input: RecordEffortInput!) { recordEffort(input: $input) { id } }`, {
    input: { serviceId: catalogue, date: '2026-11-20', hours: 2 },
  });

  // Releases of m-releases.
  const releases = await service(MATRIX.releaseServiceSlug);
  let minor = 0;
  const nextVersion = () => `2.${++minor}.0`;
  const published = await release(releases, '1.0.0', 'PUBLISHED');
  const releaseIds = {
    published,
    draft: await release(releases, nextVersion(), 'DRAFT'),
    approved: await release(releases, nextVersion(), 'APPROVED'),
    toSign: await release(releases, nextVersion(), 'IN_REVIEW'),
    toWaive: await release(releases, nextVersion(), 'IN_REVIEW'),
    inQueue: await release(releases, nextVersion(), 'IN_REVIEW'),
    listed: await release(releases, nextVersion(), 'DRAFT'),
  };

  // Kiel's subscriptions, one per state, each to its own service (one open subscription per service).
  const requestedService = await publishedService('m-sub-requested');
  const activeService = await service(MATRIX.activeServiceSlug);
  await release(activeService, '1.0.0', 'PUBLISHED', {
    interfaces: [{ standard: MATRIX.standard, version: '1.0', direction: 'CONSUMES' }],
  });
  const suspendedService = await publishedService('m-sub-suspended');
  const subscriptions = {
    requested: await subscription(KIEL, requestedService, 'REQUESTED'),
    active: await subscription(KIEL, activeService, 'ACTIVE'),
    suspended: await subscription(KIEL, suspendedService, 'SUSPENDED'),
  };
  const affecting = await release(activeService, '2.0.0', 'PUBLISHED', {
    interfaces: [{ standard: MATRIX.standard, version: '2.0', direction: 'CONSUMES' }],
  });
  const stageService: Record<SubscriptionStage, string> = {
    REQUESTED: requestedService,
    ACTIVE: activeService,
    SUSPENDED: suspendedService,
  };

  // The campaign and its targets.
  const active = await openCampaign();
  const linkService = await service();
  const targets = {
    included: await addTarget(active, await service()),
    excluded: await addTarget(active, await service(), true),
    toPlan: await addTarget(active, await service()),
    toLink: await addTarget(active, linkService),
    onSubscribed: await addTarget(active, activeService),
  };
  const fulfilling = await release(linkService, '1.0.0', 'PUBLISHED', { fulfils: [active] });
  const toLink = await release(linkService, '1.1.0', 'DRAFT');

  const tokens = {} as Record<CallerId, string | undefined>;
  for (const caller of CALLER_IDS) {
    const spec = CALLERS[caller].token;
    tokens[caller] = spec
      ? await t.token({
          roles: spec.roles,
          org: spec.org && ORGANISATIONS[spec.org],
          sub: `matrix-${caller}`,
          name: caller,
        })
      : undefined;
  }

  /** A webhook endpoint of Kiel (a public address literal: nothing resolves or is sent here). */
  async function channel(): Promise<string> {
    const data = await must(
      `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { channel { id } } }`,
      { input: { organisationKey: KIEL, url: MATRIX.webhookUrl, kinds: ['RELEASE_PUBLISHED'] } },
    );
    return data.addWebhookEndpoint.channel.id as string;
  }
  return {
    t,
    tokens,
    services: {
      catalogue,
      policy: await service(),
      releases,
      unsubscribed: await publishedService(),
      notATarget: await service(),
    },
    releases: { ...releaseIds, fulfilling, affecting, toLink },
    subscriptions,
    campaigns: { active, toClose: await openCampaign() },
    targets,
    deliveries: { skipped: await skippedDelivery() },
    channels: { kiel: await channel() },
    nextVersion,
    fresh: {
      release: (stage) => release(releases, nextVersion(), stage),
      publishedService: () => publishedService(),
      async subscription(stage) {
        const organisation = await registerOrganisation(t, { key: `m-subscriber-${next()}`, kind: 'OTHER' });
        return subscription(organisation, stageService[stage], stage);
      },
      subscriberSubscription: async () => subscription(KIEL, await publishedService(), 'ACTIVE'),
      service: () => service(),
      target: async (excluded) => addTarget(active, await service(), excluded),
      campaign: openCampaign,
      skippedDelivery,
      channel,
    },
  };
}

/** The world for the calling describe: started before its tests, closed after them. */
export const useMatrixWorld = () => useWorld(startMatrixWorld, (w) => w.t.close());
