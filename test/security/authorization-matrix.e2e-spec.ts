import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import request from 'supertest';
import { isObjectType, type GraphQLSchema } from 'graphql';
import {
  CALLER_IDS,
  CALLERS,
  expectedOutcome,
  FIELDS,
  MUTATIONS,
  QUERIES,
  type CallerId,
  type Expectation,
} from './authorization-expectations';
import { KIEL, MATRIX, useMatrixWorld, type MatrixWorld } from './authorization-world';
import { errorCode, type GqlResult } from '../support/test-app';

/**
 * The authorization matrix (issue 13, part 6): every mutation, every root query and every field
 * whose value depends on the caller, called by every caller of authorization-expectations.ts,
 * against the outcome that table expects. The table is checked against the running app's schema
 * and against the resolvers' sources, so a new mutation, query or viewer-dependent field without
 * an entry fails here, by name.
 */

type Variables = Record<string, unknown>;

interface Probe {
  query: string;
  /**
   * The variables for one caller. A call that changes state gets a fresh target for each caller
   * expected to be allowed; the callers expected to be refused share one, unchanged by them.
   */
  variables?: (w: MatrixWorld, caller: CallerId, allowed: boolean) => Variables | Promise<Variables>;
  /** A read that succeeded: does the answer show the restricted thing (else HIDDEN)? */
  shows?: (data: any, w: MatrixWorld) => boolean;
}

const ids = (connection: any): string[] => (connection?.edges ?? []).map((e: any) => e.node.id as string);
const kebab = (caller: CallerId) => caller.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const REASON = 'Matrix: access check';

/** A channel's choice that the caller may make: a reviewer the gate events of its own kind. */
function choiceOf(caller: CallerId) {
  const kind = /Reviewer(Usability|Security|Interfaces)$/.exec(caller)?.[1];
  return kind
    ? { kinds: ['GATE_AWAITING_REVIEW'], gateKinds: [kind.toUpperCase()] }
    : { kinds: ['RELEASE_PUBLISHED'] };
}
const ESTIMATE = { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 };

const MUTATION_PROBES: Record<keyof typeof MUTATIONS, Probe> = {
  registerOrganisation: {
    query: `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { key } }`,
    variables: (_w, caller) => ({ input: { key: `m-org${kebab(caller)}`, name: 'Matrix', kind: 'OTHER' } }),
  },
  registerInterfaceStandard: {
    query: `mutation($input: InterfaceStandardInput!) { registerInterfaceStandard(input: $input) { key } }`,
    variables: (_w, caller) => ({ input: { key: `m-std${kebab(caller)}`, name: 'Matrix', kind: 'OTHER' } }),
  },
  mapForgeNamespace: {
    query: `mutation($input: ForgeNamespaceInput!) { mapForgeNamespace(input: $input) { namespace } }`,
    variables: (_w, caller) => ({
      input: { forge: 'GITHUB', namespace: `m-ns${kebab(caller)}`, organisationKey: MATRIX.owner },
    }),
  },
  unmapForgeNamespace: {
    query: `mutation($input: ForgeNamespaceInput!) { unmapForgeNamespace(input: $input) { namespace } }`,
    // Each allowed caller removes a mapping of its own, made for it here.
    variables: async (w, caller, allowed) => {
      const namespace = `m-unmap${allowed ? kebab(caller) : ''}`;
      await w.t.db.query(
        `INSERT INTO forge_namespace (forge, namespace, organisation_id, created_at)
         SELECT 'GITHUB', $1, id, now() FROM organisation WHERE key = $2 ON CONFLICT DO NOTHING`,
        [namespace, MATRIX.owner],
      );
      return { input: { forge: 'GITHUB', namespace, organisationKey: MATRIX.owner } };
    },
  },
  setCapabilities: {
    query: `mutation($key: String!, $capabilities: [InterfaceCapabilityInput!]!) {
      setCapabilities(organisationKey: $key, capabilities: $capabilities) { key } }`,
    // The same set the fixtures declared: affectedSubscriptions keeps its answer.
    variables: () => ({ key: KIEL, capabilities: MATRIX.capabilities }),
  },
  registerLegalNorm: {
    query: `mutation($input: RegisterLegalNormInput!) { registerLegalNorm(input: $input) { id } }`,
    variables: (_w, caller) => ({
      input: { abbreviation: `MX ${caller}`, title: 'Matrixgesetz', jurisdiction: 'DE' },
    }),
  },
  registerService: {
    query: `mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }`,
    variables: (_w, caller) => ({
      input: {
        slug: `m-new${kebab(caller)}`,
        name: 'Matrix',
        summary: 'Eine Leistung',
        reuseModel: 'EFA_CENTRAL',
        ownerKey: MATRIX.owner,
      },
    }),
  },
  updateService: {
    query: `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }`,
    variables: (w, caller) => ({ id: w.services.catalogue, input: { summary: `Geändert: ${caller}` } }),
  },
  importPubliccode: {
    // A dry run of the service's own file: allowed, it changes nothing; refused, it reads nothing.
    query: `mutation($id: ID!, $text: String) { importPubliccode(serviceId: $id, text: $text, dryRun: true) { applied } }`,
    variables: async (w) => ({
      id: w.services.catalogue,
      text: (
        await request(w.t.app.getHttpServer()).get(`/services/${MATRIX.catalogueServiceSlug}/publiccode.yml`)
      ).text,
    }),
  },
  setQaPolicy: {
    query: `mutation($id: ID!, $rules: [QaGateRuleInput!]!) { setQaPolicy(serviceId: $id, rules: $rules) { id } }`,
    variables: (w) => ({ id: w.services.policy, rules: [{ kind: 'USABILITY', requiredApprovals: 1 }] }),
  },
  setMaintenanceBaseline: {
    query: `mutation($id: ID!, $estimate: ThreePointInput!) { setMaintenanceBaseline(serviceId: $id, estimate: $estimate) { id } }`,
    variables: (w) => ({ id: w.services.catalogue, estimate: ESTIMATE }),
  },
  recordEffort: {
    query: `mutation($input: RecordEffortInput!) { recordEffort(input: $input) { id } }`,
    variables: (w) => ({ input: { serviceId: w.services.catalogue, date: '2026-11-27', hours: 1.5 } }),
  },

  createRelease: {
    query: `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
    variables: (w) => ({
      input: { serviceId: w.services.releases, version: w.nextVersion(), artifactDigest: MATRIX.digest },
    }),
  },
  updateRelease: {
    query: `mutation($id: ID!, $input: UpdateReleaseInput!) { updateRelease(id: $id, input: $input) { id } }`,
    variables: (w, caller) => ({ id: w.releases.draft, input: { notes: `Notiz: ${caller}` } }),
  },
  updateReleaseArtifact: {
    query: `mutation($id: ID!, $digest: String!) { updateReleaseArtifact(id: $id, artifactDigest: $digest) { id } }`,
    variables: (w) => ({ id: w.releases.draft, digest: MATRIX.otherDigest }),
  },
  submitRelease: {
    query: `mutation($id: ID!) { submitRelease(id: $id) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.release('DRAFT') : w.releases.draft,
    }),
  },
  publishRelease: {
    query: `mutation($id: ID!) { publishRelease(id: $id) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.release('APPROVED') : w.releases.approved,
    }),
  },
  withdrawRelease: {
    query: `mutation($id: ID!, $reason: String!) { withdrawRelease(id: $id, reason: $reason) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.release('DRAFT') : w.releases.draft,
      reason: REASON,
    }),
  },
  deprecateRelease: {
    query: `mutation($id: ID!, $reason: String!) { deprecateRelease(id: $id, reason: $reason) { id } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.release('PUBLISHED') : w.releases.published,
      reason: REASON,
    }),
  },
  signOff: {
    query: `mutation($input: SignOffInput!) { signOff(input: $input) { status } }`,
    variables: (w) => ({ input: { releaseId: w.releases.toSign, kind: 'USABILITY', verdict: 'APPROVE' } }),
  },
  waiveGate: {
    query: `mutation($input: WaiveGateInput!) { waiveGate(input: $input) { status } }`,
    variables: (w) => ({
      input: {
        releaseId: w.releases.toWaive,
        kind: 'SECURITY',
        reason: REASON,
        ticket: 'OPS-13',
        expiresAt: '2027-01-31T00:00:00.000Z',
      },
    }),
  },

  requestSubscription: {
    query: `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { state } }`,
    variables: async (w, _c, allowed) => ({
      input: {
        serviceId: allowed ? await w.fresh.publishedService() : w.services.unsubscribed,
        versionRange: '^1.0.0',
        organisationKey: KIEL,
      },
    }),
  },
  changeSubscriptionRange: {
    query: `mutation($id: ID!) { changeSubscriptionRange(id: $id, versionRange: "^1.0.0") { state } }`,
    variables: (w) => ({ id: w.subscriptions.active }),
  },
  reportDeployment: {
    query: `mutation($id: ID!) { reportDeployment(subscriptionId: $id, version: "1.0.0") { state } }`,
    variables: (w) => ({ id: w.subscriptions.active }),
  },
  approveSubscription: {
    query: `mutation($id: ID!) { approveSubscription(id: $id) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.subscription('REQUESTED') : w.subscriptions.requested,
    }),
  },
  rejectSubscription: {
    query: `mutation($id: ID!, $reason: String!) { rejectSubscription(id: $id, reason: $reason) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.subscription('REQUESTED') : w.subscriptions.requested,
      reason: REASON,
    }),
  },
  suspendSubscription: {
    query: `mutation($id: ID!, $reason: String!) { suspendSubscription(id: $id, reason: $reason) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.subscription('ACTIVE') : w.subscriptions.active,
      reason: REASON,
    }),
  },
  resumeSubscription: {
    query: `mutation($id: ID!) { resumeSubscription(id: $id) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.subscription('SUSPENDED') : w.subscriptions.suspended,
    }),
  },
  terminateSubscription: {
    query: `mutation($id: ID!, $reason: String!) { terminateSubscription(id: $id, reason: $reason) { state } }`,
    // The subscriber's admin terminates a subscription of its own (Kiel's); the others one of a fresh organisation.
    variables: async (w, caller, allowed) => ({
      id: !allowed
        ? w.subscriptions.active
        : caller === 'subscriberMunicipalityAdmin'
          ? await w.fresh.subscriberSubscription()
          : await w.fresh.subscription('ACTIVE'),
      reason: REASON,
    }),
  },

  openCampaign: {
    query: `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
    variables: (_w, caller) => ({
      input: { title: `Matrix ${caller}`, norm: MATRIX.norm, effectiveDate: '2027-06-30' },
    }),
  },
  addCampaignTarget: {
    query: `mutation($campaign: ID!, $service: ID!) { addCampaignTarget(campaignId: $campaign, serviceId: $service) { id } }`,
    variables: async (w, _c, allowed) => ({
      campaign: w.campaigns.active,
      service: allowed ? await w.fresh.service() : w.services.notATarget,
    }),
  },
  excludeCampaignTarget: {
    query: `mutation($id: ID!, $reason: String!) { excludeCampaignTarget(targetId: $id, reason: $reason) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.target(false) : w.targets.included,
      reason: REASON,
    }),
  },
  includeCampaignTarget: {
    query: `mutation($id: ID!) { includeCampaignTarget(targetId: $id) { state } }`,
    variables: async (w, _c, allowed) => ({ id: allowed ? await w.fresh.target(true) : w.targets.excluded }),
  },
  completeCampaign: {
    query: `mutation($id: ID!) { completeCampaign(id: $id) { state } }`,
    variables: async (w, _c, allowed) => ({ id: allowed ? await w.fresh.campaign() : w.campaigns.toClose }),
  },
  cancelCampaign: {
    query: `mutation($id: ID!, $reason: String!) { cancelCampaign(id: $id, reason: $reason) { state } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.campaign() : w.campaigns.toClose,
      reason: REASON,
    }),
  },
  planCampaignTarget: {
    query: `mutation($input: PlanCampaignTargetInput!) { planCampaignTarget(input: $input) { state } }`,
    variables: (w) => ({
      input: { targetId: w.targets.toPlan, plannedReleaseDate: '2027-03-01', estimate: ESTIMATE },
    }),
  },
  linkCampaignRelease: {
    query: `mutation($target: ID!, $release: ID!) { linkCampaignRelease(targetId: $target, releaseId: $release) { id } }`,
    variables: (w) => ({ target: w.targets.toLink, release: w.releases.toLink }),
  },
  retryCampaignTargetIssue: {
    query: `mutation($id: ID!) { retryCampaignTargetIssue(targetId: $id) { id } }`,
    variables: (w) => ({ id: w.targets.toPlan }),
  },

  markNotificationsRead: {
    query: `mutation { markNotificationsRead(input: { organisationKey: "${KIEL}" }) }`,
  },
  addWebhookEndpoint: {
    query: `mutation($input: AddWebhookEndpointInput!) { addWebhookEndpoint(input: $input) { secret } }`,
    variables: (_w, caller) => ({
      input: { organisationKey: KIEL, url: MATRIX.webhookUrl, ...choiceOf(caller) },
    }),
  },
  addEmailRecipient: {
    query: `mutation($input: AddEmailRecipientInput!) { addEmailRecipient(input: $input) { id } }`,
    variables: (_w, caller) => ({
      input: { organisationKey: KIEL, email: `${kebab(caller).slice(1)}@kiel.de`, ...choiceOf(caller) },
    }),
  },
  updateNotificationChannel: {
    query: `mutation($id: ID!) { updateNotificationChannel(input: { id: $id, kinds: [RELEASE_PUBLISHED, RELEASE_DEPRECATED] }) { id } }`,
    variables: (w) => ({ id: w.channels.kiel }),
  },
  rotateWebhookSecret: {
    query: `mutation($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
    variables: (w) => ({ id: w.channels.kiel }),
  },
  removeNotificationChannel: {
    query: `mutation($id: ID!) { removeNotificationChannel(id: $id) }`,
    variables: async (w, _c, allowed) => ({ id: allowed ? await w.fresh.channel() : w.channels.kiel }),
  },

  replayGithubDelivery: {
    query: `mutation($id: ID!) { replayGithubDelivery(id: $id) { outcome } }`,
    variables: async (w, _c, allowed) => ({
      id: allowed ? await w.fresh.skippedDelivery() : w.deliveries.skipped,
    }),
  },
};

const QUERY_PROBES: Record<keyof typeof QUERIES, Probe> = {
  notifications: {
    query: `query($key: String) { notifications(organisationKey: $key) { totalCount } }`,
    variables: () => ({ key: KIEL }),
  },
  notificationSettings: {
    query: `query($key: String) { notificationSettings(organisationKey: $key) { organisation { key } } }`,
    variables: () => ({ key: KIEL }),
    shows: (data) => data.notificationSettings.organisation.key === KIEL,
  },
  auditTrail: {
    query: `query($id: ID!) { auditTrail(entityId: $id) { action } }`,
    variables: (w) => ({ id: w.services.catalogue }),
    shows: (data) => data.auditTrail.length > 0,
  },
  verifyAuditChain: {
    query: `{ verifyAuditChain { ok verifiedEvents } }`,
    // The matrix world's chain is intact: an allowed caller sees it recomputed.
    shows: (data) => data.verifyAuditChain.ok === true && data.verifyAuditChain.verifiedEvents > 0,
  },
  githubDeliveries: {
    query: `{ githubDeliveries { totalCount } }`,
    shows: (data) => data.githubDeliveries.totalCount > 0,
  },
  effortEntries: {
    query: `query($id: ID!) { effortEntries(serviceId: $id) { totalCount } }`,
    variables: (w) => ({ id: w.services.catalogue }),
    shows: (data) => data.effortEntries.totalCount > 0,
  },
  maintenancePlan: {
    query: `query($owner: String!) { maintenancePlan(ownerKey: $owner, from: "2027-01-01", to: "2027-12-31") { items { kind } } }`,
    variables: () => ({ owner: MATRIX.owner }),
    shows: (data) => data.maintenancePlan.items.length > 0,
  },
  campaign: {
    query: `query($id: ID!) { campaign(id: $id) { id } }`,
    variables: (w) => ({ id: w.campaigns.active }),
    shows: (data) => data.campaign !== null,
  },
  campaigns: {
    query: `{ campaigns(first: 100) { edges { node { id } } } }`,
    shows: (data, w) => ids(data.campaigns).includes(w.campaigns.active),
  },
  reviewQueue: {
    query: `{ reviewQueue { release { id } } }`,
    shows: (data, w) => data.reviewQueue.some((gate: any) => gate.release.id === w.releases.inQueue),
  },
  subscriptions: {
    query: `query($slug: String!) { subscriptions(serviceSlug: $slug, first: 100) { edges { node { id } } } }`,
    variables: () => ({ slug: MATRIX.activeServiceSlug }),
    shows: (data, w) => ids(data.subscriptions).includes(w.subscriptions.active),
  },
  campaignTargetsAffecting: {
    query: `query($key: String) { campaignTargetsAffecting(organisationKey: $key) { target { id } subscription { id } } }`,
    variables: () => ({ key: KIEL }),
    shows: (data, w) =>
      data.campaignTargetsAffecting.some(
        (item: any) =>
          item.target.id === w.targets.onSubscribed && item.subscription.id === w.subscriptions.active,
      ),
  },
  resolveVersionRange: {
    query: `query($slug: String!) { resolveVersionRange(serviceSlug: $slug, range: "^1.0.0") { version } }`,
    variables: () => ({ slug: MATRIX.activeServiceSlug }),
    shows: (data) => data.resolveVersionRange?.version === '1.0.0',
  },
  activeSubscriptionCount: {
    query: `{ activeSubscriptionCount }`,
    shows: (data) => data.activeSubscriptionCount > 0,
  },
  release: {
    query: `query($id: ID!) { release(id: $id) { id } }`,
    variables: (w) => ({ id: w.releases.listed }),
    shows: (data) => data.release !== null,
  },
  interfaceStandards: {
    query: `{ interfaceStandards { key } }`,
    shows: (data) => data.interfaceStandards.some((s: any) => s.key === MATRIX.standard),
  },
  legalNorms: {
    query: `{ legalNorms { abbreviation } }`,
    shows: (data) => data.legalNorms.some((n: any) => n.abbreviation === MATRIX.norm),
  },
  organisation: {
    query: `query($key: String!) { organisation(key: $key) { key } }`,
    variables: () => ({ key: KIEL }),
    shows: (data) => data.organisation?.key === KIEL,
  },
  organisations: {
    query: `{ organisations(first: 5) { totalCount } }`,
    shows: (data) => data.organisations.totalCount > 0,
  },
  service: {
    query: `query($slug: String!) { service(slug: $slug) { id } }`,
    variables: () => ({ slug: MATRIX.catalogueServiceSlug }),
    shows: (data) => data.service !== null,
  },
  serviceSuggestions: {
    query: `query($prefix: String!) { serviceSuggestions(prefix: $prefix) { slug } }`,
    variables: () => ({ prefix: `Service ${MATRIX.catalogueServiceSlug}` }),
    shows: (data) => data.serviceSuggestions.some((s: any) => s.slug === MATRIX.catalogueServiceSlug),
  },
  campaignPreview: {
    query: `query($norm: String!) { campaignPreview(input: { norm: $norm }) { warnings } }`,
    variables: () => ({ norm: MATRIX.norm }),
  },
  releaseImpactPreview: {
    query: `query($input: ReleaseImpactPreviewInput!) { releaseImpactPreview(input: $input) { suggestedVersion } }`,
    variables: (w) => ({ input: { serviceId: w.services.releases, version: '9.0.0' } }),
  },
  services: {
    query: `{ services(first: 5) { totalCount } }`,
    shows: (data) => data.services.totalCount > 0,
  },
  viewer: {
    query: `{ viewer { subject } }`,
    // Anonymous: null is the answer; a token: its own subject.
    shows: (data) => data.viewer === null || typeof data.viewer.subject === 'string',
  },
};

const FIELD_PROBES: Record<keyof typeof FIELDS, Probe> = {
  'Release.gates': {
    query: `query($id: ID!) { release(id: $id) { gates { kind } } }`,
    variables: (w) => ({ id: w.releases.published }),
    shows: (data) => data.release.gates.length > 0,
  },
  'Release.fulfils': {
    query: `query($id: ID!) { release(id: $id) { fulfils { id } } }`,
    variables: (w) => ({ id: w.releases.fulfilling }),
    shows: (data, w) => data.release.fulfils.some((c: any) => c.id === w.campaigns.active),
  },
  'OnlineService.releases': {
    query: `query($slug: String!) { service(slug: $slug) { releases(first: 100) { edges { node { id } } } } }`,
    variables: () => ({ slug: MATRIX.releaseServiceSlug }),
    shows: (data, w) => ids(data.service.releases).includes(w.releases.listed),
  },
  'OnlineService.release': {
    // 2.1.0 is w.releases.draft, the first of the world's 2.x releases.
    query: `query($slug: String!) { service(slug: $slug) { release(version: "2.1.0") { id } } }`,
    variables: () => ({ slug: MATRIX.releaseServiceSlug }),
    shows: (data, w) => data.service.release?.id === w.releases.draft,
  },
  'Release.actions': {
    query: `query($id: ID!) { release(id: $id) { actions { action allowed } } }`,
    variables: (w) => ({ id: w.releases.published }),
    shows: (data) => data.release.actions.some((a: any) => a.action === 'DEPRECATE' && a.allowed),
  },
  'QaGate.viewerMaySignOff': {
    query: `query($id: ID!) { release(id: $id) { gates { viewerMaySignOff } } }`,
    variables: (w) => ({ id: w.releases.inQueue }),
    shows: (data) => Boolean(data.release?.gates.some((g: any) => g.viewerMaySignOff)),
  },
  'QaGate.signOffRefusal': {
    query: `query($id: ID!) { release(id: $id) { gates { signOffRefusal } } }`,
    variables: (w) => ({ id: w.releases.inQueue }),
    shows: (data) => Boolean(data.release?.gates.some((g: any) => g.signOffRefusal === null)),
  },
  'QaGate.signOffRefusalMessage': {
    query: `query($id: ID!) { release(id: $id) { gates { signOffRefusalMessage } } }`,
    variables: (w) => ({ id: w.releases.inQueue }),
    shows: (data) => Boolean(data.release?.gates.some((g: any) => g.signOffRefusalMessage === null)),
  },
  'OnlineService.fleet': {
    query: `query($slug: String!) { service(slug: $slug) { fleet { active } } }`,
    variables: () => ({ slug: MATRIX.activeServiceSlug }),
    shows: (data) => data.service.fleet !== null,
  },
  'OnlineService.maintenanceBaseline': {
    query: `query($slug: String!) { service(slug: $slug) { maintenanceBaseline { likelyHours } } }`,
    variables: () => ({ slug: MATRIX.catalogueServiceSlug }),
    shows: (data) => data.service.maintenanceBaseline !== null,
  },
  'Organisation.subscriptions': {
    query: `query($key: String!) { organisation(key: $key) { subscriptions(first: 100) { edges { node { id } } } } }`,
    variables: () => ({ key: KIEL }),
    shows: (data, w) => ids(data.organisation.subscriptions).includes(w.subscriptions.active),
  },
  'Campaign.viewerActions': {
    query: `query($id: ID!) { campaign(id: $id) { viewerActions } }`,
    variables: (w) => ({ id: w.campaigns.active }),
    shows: (data) => data.campaign.viewerActions.includes('CANCEL'),
  },
  'CampaignTarget.viewerActions': {
    query: `query($id: ID!) { campaign(id: $id) { targets { id viewerActions } } }`,
    variables: (w) => ({ id: w.campaigns.active }),
    shows: (data, w) =>
      data.campaign.targets.some((x: any) => x.id === w.targets.toPlan && x.viewerActions.includes('PLAN')),
  },
  'CampaignTarget.rollout': {
    query: `query($id: ID!) { campaign(id: $id) { targets { id rollout { subscription { id } } } } }`,
    variables: (w) => ({ id: w.campaigns.active }),
    shows: (data, w) =>
      data.campaign.targets.some(
        (x: any) =>
          x.id === w.targets.onSubscribed &&
          x.rollout.some((r: any) => r.subscription.id === w.subscriptions.active),
      ),
  },
  'InterfaceImpact.affectedSubscriptions': {
    query: `query($id: ID!) { release(id: $id) { impact { affectedSubscriptions { id } } } }`,
    variables: (w) => ({ id: w.releases.affecting }),
    shows: (data, w) =>
      data.release.impact.affectedSubscriptions.some((s: any) => s.id === w.subscriptions.active),
  },
};

type Entry = [name: string, entry: Expectation, probe: Probe];

const ENTRIES: Entry[] = [
  ...Object.entries(MUTATIONS).map(([name, entry]): Entry => [
    `Mutation.${name}`,
    entry,
    MUTATION_PROBES[name as keyof typeof MUTATIONS],
  ]),
  ...Object.entries(QUERIES).map(([name, entry]): Entry => [
    `Query.${name}`,
    entry,
    QUERY_PROBES[name as keyof typeof QUERIES],
  ]),
  ...Object.entries(FIELDS).map(([name, entry]): Entry => [
    name,
    entry,
    FIELD_PROBES[name as keyof typeof FIELDS],
  ]),
];

const ACCESS_CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND'];

/** The outcome of one call, in the table's words (an `Outcome`); any other error is reported by its code. */
function outcomeOf(result: GqlResult, entry: Expectation, probe: Probe, w: MatrixWorld): string {
  const code = errorCode(result);
  if (code !== undefined) {
    return ACCESS_CODES.includes(code) || !entry.tolerate.includes(code) ? code : 'ALLOWED';
  }
  if (probe.shows) {
    return probe.shows(result.data, w) ? 'ALLOWED' : 'HIDDEN';
  }
  return 'ALLOWED';
}

// ------------------------------------------------------------------ completeness

const root = join(__dirname, '..', '..');

function resolverFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? resolverFiles(path) : entry.name.endsWith('.resolver.ts') ? [path] : [];
  });
}

/**
 * The object fields whose resolvers read the caller (`@CurrentViewer()` on a `@ResolveField`),
 * as "Type.field", with the file that declares them: the fields whose answer depends on who asks.
 */
function viewerDependentFields(): { field: string; file: string }[] {
  return resolverFiles(join(root, 'src')).flatMap((path) => {
    const file = relative(root, path);
    return readFileSync(path, 'utf8')
      .split('@Resolver(')
      .slice(1)
      .flatMap((resolver) => {
        const type = /^\s*\(\)\s*=>\s*(\w+)/.exec(resolver)?.[1];
        if (!type) {
          return [];
        }
        return resolver
          .split(/(?=@ResolveField\(|@Query\(|@Mutation\()/)
          .filter((member) => member.startsWith('@ResolveField(') && member.includes('@CurrentViewer()'))
          .map((member) => {
            const named =
              /^@ResolveField\(\s*'(\w+)'/.exec(member)?.[1] ?? /\bname:\s*'(\w+)'/.exec(member)?.[1];
            const method = /\n\s*(?:async\s+)?([a-z]\w*)\(/.exec(member)?.[1];
            return { field: `${type}.${named ?? method}`, file };
          });
      });
  });
}

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  return isObjectType(type) ? Object.keys(type.getFields()) : [];
}

describe('the authorization matrix', () => {
  const w = useMatrixWorld();
  let calls = 0;

  async function call(probe: Probe, caller: CallerId, allowed: boolean): Promise<GqlResult> {
    const variables = probe.variables ? await probe.variables(w, caller, allowed) : {};
    calls++;
    return w.t.gql(probe.query, variables, w.tokens[caller]);
  }

  describe('covers the schema', () => {
    let schema: GraphQLSchema;
    beforeAll(() => {
      schema = w.t.app.get(GraphQLSchemaHost).schema;
    });

    it('has an entry for every mutation, and none for a mutation the schema lacks', () => {
      const inSchema = fieldsOf(schema, 'Mutation').sort();
      const inTable = Object.keys(MUTATIONS).sort();
      expect({ withoutEntry: inSchema.filter((f) => !inTable.includes(f)) }).toEqual({ withoutEntry: [] });
      expect({ notInSchema: inTable.filter((f) => !inSchema.includes(f)) }).toEqual({ notInSchema: [] });
      expect(inSchema.length).toBeGreaterThanOrEqual(36);
    });

    it('has an entry for every query, and none for a query the schema lacks', () => {
      const inSchema = fieldsOf(schema, 'Query').sort();
      const inTable = Object.keys(QUERIES).sort();
      expect({ withoutEntry: inSchema.filter((f) => !inTable.includes(f)) }).toEqual({ withoutEntry: [] });
      expect({ notInSchema: inTable.filter((f) => !inSchema.includes(f)) }).toEqual({ notInSchema: [] });
    });

    it('has an entry for every field whose resolver reads the caller, and each field entry is in the schema', () => {
      const found = viewerDependentFields();
      expect(found.length).toBeGreaterThanOrEqual(7);
      const inTable = Object.keys(FIELDS);
      expect({ withoutEntry: found.filter(({ field }) => !inTable.includes(field)) }).toEqual({
        withoutEntry: [],
      });
      const notInSchema = inTable.filter((entry) => {
        const [type, field] = entry.split('.');
        return !fieldsOf(schema, type).includes(field);
      });
      expect({ notInSchema }).toEqual({ notInSchema: [] });
    });

    it('names only callers it knows', () => {
      const unknown = ENTRIES.flatMap(([name, entry]) =>
        [...entry.allowed, ...Object.keys(entry.deniedAs)]
          .filter((caller) => !(caller in CALLERS))
          .map((caller) => `${name}: ${caller}`),
      );
      expect(unknown).toEqual([]);
    });
  });

  describe.each(ENTRIES)('%s', (_name, entry, probe) => {
    it.each(CALLER_IDS)('as %s', async (caller) => {
      const expected = expectedOutcome(entry, caller);
      const result = await call(probe, caller, expected === 'ALLOWED');
      const outcome = outcomeOf(result, entry, probe, w);
      expect({ outcome, error: outcome === expected ? undefined : result.errors?.[0]?.message }).toEqual({
        outcome: expected,
        error: undefined,
      });
    });
  });

  it('counts its calls', () => {
    const expected = ENTRIES.length * CALLER_IDS.length;
    console.log(
      `authorization matrix: ${calls} calls (${Object.keys(MUTATIONS).length} mutations, ${Object.keys(QUERIES).length} queries, ${Object.keys(FIELDS).length} fields; ${CALLER_IDS.length} callers)`,
    );
    expect(calls).toBe(expected);
  });
});
