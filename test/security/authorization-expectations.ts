import { Role } from '#src/common/auth/role';

/**
 * The authorization matrix's expectations: who may call each mutation and read each restricted
 * field, mirroring docs/domain.md ("Who may do what", "Signed in without rights", "Errors").
 * test/security/authorization-matrix.e2e-spec.ts calls every entry as every caller below, and
 * fails when the schema has a mutation, a query or a viewer-dependent field without an entry
 * here, or an entry names a field the schema no longer has.
 *
 * The organisations: "owner" (Dataport) owns every service of the fixtures; "subscriber" (Kiel)
 * subscribes to them and declares capabilities; "other" (komfit) is neither.
 */

export const ORGANISATIONS = { owner: 'dataport', subscriber: '010020000000', other: 'komfit' } as const;
export type OrganisationSide = keyof typeof ORGANISATIONS;

/** Every role but OPERATOR, which names no organisation. */
const STAFF_ROLES = [
  ['Maintainer', Role.MAINTAINER],
  ['ReviewerUsability', Role.REVIEWER_USABILITY],
  ['ReviewerSecurity', Role.REVIEWER_SECURITY],
  ['ReviewerInterfaces', Role.REVIEWER_INTERFACES],
  ['MunicipalityAdmin', Role.MUNICIPALITY_ADMIN],
] as const;

type StaffCaller<S extends string> = `${S}${(typeof STAFF_ROLES)[number][0]}`;

export type CallerId =
  | 'anonymous'
  | 'ownerNoRights'
  | StaffCaller<'owner'>
  | 'subscriberNoRights'
  | StaffCaller<'subscriber'>
  | StaffCaller<'other'>
  | 'operator';

export interface CallerSpec {
  /** Null: no token at all. */
  token: { org?: OrganisationSide; roles: Role[] } | null;
}

const staff = <S extends OrganisationSide>(side: S) =>
  Object.fromEntries(
    STAFF_ROLES.map(([suffix, role]) => [`${side}${suffix}`, { token: { org: side, roles: [role] } }]),
  ) as unknown as Record<StaffCaller<S>, CallerSpec>;

/** The callers, in the order the matrix calls them. "NoRights": a valid token naming the organisation, without any role. */
export const CALLERS: Record<CallerId, CallerSpec> = {
  anonymous: { token: null },
  ownerNoRights: { token: { org: 'owner', roles: [] } },
  ...staff('owner'),
  subscriberNoRights: { token: { org: 'subscriber', roles: [] } },
  ...staff('subscriber'),
  ...staff('other'),
  operator: { token: { roles: [Role.OPERATOR] } },
};

export const CALLER_IDS = Object.keys(CALLERS) as CallerId[];

/**
 * ALLOWED: no UNAUTHENTICATED, FORBIDDEN or NOT_FOUND (the call succeeds, or ends with a code
 * the entry tolerates for reasons of the workflow), and a restricted field shows its value.
 * HIDDEN: no error, but the field is left out (null, an empty list, or a list without the thing).
 */
export type Outcome = 'ALLOWED' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'HIDDEN';

export interface Expectation {
  /** The row of domain.md's who-may-do-what table (or the section) this entry mirrors. */
  rule: string;
  allowed: readonly CallerId[];
  /** What a signed-in caller who is not allowed gets, unless `deniedAs` says otherwise. */
  denied: Outcome;
  /** What anonymous gets when not allowed. */
  anonymous: Outcome;
  deniedAs: Partial<Record<CallerId, Outcome>>;
  /** Codes an allowed call may still end with: the access check passed, the workflow refused. */
  tolerate: readonly string[];
}

type EntryOptions = Partial<Omit<Expectation, 'rule' | 'allowed'>>;

/** A mutation or a root query that needs a token: anonymous UNAUTHENTICATED, others FORBIDDEN. */
const operation = (rule: string, allowed: readonly CallerId[], options: EntryOptions = {}): Expectation => ({
  rule,
  allowed,
  denied: 'FORBIDDEN',
  anonymous: 'UNAUTHENTICATED',
  deniedAs: {},
  tolerate: [],
  ...options,
});

/** A field (or a public root lookup) that is left out for those who may not see it. */
const field = (rule: string, allowed: readonly CallerId[], options: EntryOptions = {}): Expectation =>
  operation(rule, allowed, { denied: 'HIDDEN', anonymous: 'HIDDEN', ...options });

/** The same outcome for each of these callers. */
const each = (callers: readonly CallerId[], outcome: Outcome): Partial<Record<CallerId, Outcome>> =>
  Object.fromEntries(callers.map((caller) => [caller, outcome]));

/** Every caller but these. */
const allBut = (callers: readonly CallerId[]): CallerId[] => CALLER_IDS.filter((c) => !callers.includes(c));

// ------------------------------------------------------------------ the groups of the table

const EVERYONE = CALLER_IDS;
const NO_RIGHTS: CallerId[] = ['ownerNoRights', 'subscriberNoRights'];
/** "Anyone signed in": a valid token with at least one role (domain.md, "Signed in without rights"). */
const WITH_A_ROLE = allBut(['anonymous', ...NO_RIGHTS]);
const OPERATOR: CallerId[] = ['operator'];
/** "The owner's MAINTAINER, OPERATOR." */
const OWNER: CallerId[] = ['ownerMaintainer', 'operator'];
/** "Any MAINTAINER, OPERATOR." */
const ANY_MAINTAINER: CallerId[] = ['ownerMaintainer', 'subscriberMaintainer', 'otherMaintainer', 'operator'];
/** "The subscriber's MUNICIPALITY_ADMIN, OPERATOR." */
const SUBSCRIBER: CallerId[] = ['subscriberMunicipalityAdmin', 'operator'];
const REVIEWERS = CALLER_IDS.filter((c) => c.includes('Reviewer'));
const USABILITY_REVIEWERS = CALLER_IDS.filter((c) => c.endsWith('ReviewerUsability'));
/** "The owner's MAINTAINER, any reviewer, OPERATOR": releases that are not PUBLISHED, gates, sign-offs. */
const REVIEW_READERS: CallerId[] = ['ownerMaintainer', ...REVIEWERS, 'operator'];
/** "Staff of the subscribing organisation; the owner's MAINTAINER; OPERATOR" (staff: with a role). */
const SUBSCRIPTION_READERS: CallerId[] = [
  ...CALLER_IDS.filter((c) => c.startsWith('subscriber') && c !== 'subscriberNoRights'),
  'ownerMaintainer',
  'operator',
];
/** "An organisation's MUNICIPALITY_ADMIN, MAINTAINER or reviewers, OPERATOR": Kiel's notifications. */
const NOTIFICATION_READERS: CallerId[] = [
  ...CALLER_IDS.filter((c) => c.startsWith('subscriber') && c !== 'subscriberNoRights'),
  'operator',
];
const NOTIFICATIONS_RULE =
  "choose and read an organisation's notifications: its MUNICIPALITY_ADMIN, MAINTAINER or reviewers (gate events of their kinds), OPERATOR";
/** Kiel's channel for release notices: its MUNICIPALITY_ADMIN and MAINTAINER, OPERATOR; for anyone else it does not exist. */
const CHANNEL_STAFF: CallerId[] = ['subscriberMunicipalityAdmin', 'subscriberMaintainer', 'operator'];
const CHANNEL_UNSEEN = {
  ...each(allBut(['anonymous', ...CHANNEL_STAFF, ...NO_RIGHTS]), 'NOT_FOUND'),
  ...each(NO_RIGHTS, 'FORBIDDEN'),
} as const;

/** A MAINTAINER of another organisation does not see a release that is not PUBLISHED (domain.md, "Errors"). */
const FOREIGN_MAINTAINERS: CallerId[] = ['subscriberMaintainer', 'otherMaintainer'];
/**
 * Who does not see the subscriber's subscription: for them it does not exist. A token without
 * rights is refused before that, by the guard ("anyone signed in" needs a role): FORBIDDEN.
 */
const SUBSCRIPTION_UNSEEN = {
  ...each(allBut(['anonymous', ...SUBSCRIPTION_READERS, ...NO_RIGHTS]), 'NOT_FOUND'),
  ...each(NO_RIGHTS, 'FORBIDDEN'),
};

const RELEASE_RULE =
  'create a release; edit it; submit it; change its artifact; publish, withdraw or deprecate it';
const NOT_PUBLISHED = { deniedAs: each(FOREIGN_MAINTAINERS, 'NOT_FOUND') };
const CAMPAIGN_RULE =
  'open a campaign; add, exclude or re-include targets; complete or cancel a campaign: any MAINTAINER, OPERATOR';
const TARGET_RULE =
  "plan a target; link a release to it; queue its GitHub issue again: a MAINTAINER of the target service's owner, OPERATOR";
/** A field of a campaign or its targets, read through campaign(id), which needs a token with a role. */
const CAMPAIGN_FIELD: EntryOptions = { anonymous: 'UNAUTHENTICATED', deniedAs: each(NO_RIGHTS, 'FORBIDDEN') };
const OWNER_ACTS_RULE = "approve, reject, suspend or resume a subscription: the owner's MAINTAINER, OPERATOR";
const SUBSCRIBER_ACTS_RULE =
  "request a subscription; change its range; report a deployment: the subscriber's MUNICIPALITY_ADMIN, OPERATOR";
const SIGN_OFF_RULE =
  "sign off a gate: a reviewer with the role of that gate's kind who did not create the release; never an OPERATOR";
const READ_SUBSCRIPTIONS_RULE =
  "read subscriptions: staff of the subscribing organisation; the owner's MAINTAINER; OPERATOR";

/** Mutations: one entry per field of Mutation. */
export const MUTATIONS = {
  registerOrganisation: operation('register organisations: OPERATOR', OPERATOR),
  registerInterfaceStandard: operation('register interface standards: OPERATOR', OPERATOR),
  mapForgeNamespace: operation('map a forge namespace to an organisation: OPERATOR', OPERATOR),
  unmapForgeNamespace: operation('unmap a forge namespace: OPERATOR', OPERATOR),
  setCapabilities: operation(
    "set an organisation's capabilities: its MUNICIPALITY_ADMIN, OPERATOR",
    SUBSCRIBER,
  ),
  registerLegalNorm: operation('register a legal norm: any MAINTAINER, OPERATOR', ANY_MAINTAINER),
  registerService: operation(
    'register a service: a MAINTAINER, for its own organisation only; an OPERATOR, for any owner',
    OWNER,
  ),
  updateService: operation("update a service: the owner's MAINTAINER, OPERATOR", OWNER),
  importPubliccode: operation(
    "update a service (also from its publiccode.yml, importPubliccode): the owner's MAINTAINER, OPERATOR",
    OWNER,
  ),
  setQaPolicy: operation("set a service's QA policy: OPERATOR", OPERATOR),
  setMaintenanceBaseline: operation(
    "set a service's maintenance baseline: the owner's MAINTAINER, OPERATOR",
    OWNER,
  ),
  recordEffort: operation("record effort on a service: the owner's MAINTAINER, OPERATOR", OWNER),

  createRelease: operation(RELEASE_RULE, OWNER),
  updateRelease: operation(RELEASE_RULE, OWNER, NOT_PUBLISHED),
  updateReleaseArtifact: operation(RELEASE_RULE, OWNER, NOT_PUBLISHED),
  submitRelease: operation(RELEASE_RULE, OWNER, NOT_PUBLISHED),
  publishRelease: operation(RELEASE_RULE, OWNER, NOT_PUBLISHED),
  withdrawRelease: operation(RELEASE_RULE, OWNER, NOT_PUBLISHED),
  // A PUBLISHED release is seen by everyone: changing it is FORBIDDEN, not NOT_FOUND.
  deprecateRelease: operation(RELEASE_RULE, OWNER),
  // The probe signs a USABILITY gate: only the USABILITY reviewers (of any organisation) may.
  signOff: operation(SIGN_OFF_RULE, USABILITY_REVIEWERS),
  waiveGate: operation('waive a gate: OPERATOR', OPERATOR),

  requestSubscription: operation(SUBSCRIBER_ACTS_RULE, SUBSCRIBER),
  changeSubscriptionRange: operation(SUBSCRIBER_ACTS_RULE, SUBSCRIBER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  reportDeployment: operation(SUBSCRIBER_ACTS_RULE, SUBSCRIBER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  approveSubscription: operation(OWNER_ACTS_RULE, OWNER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  rejectSubscription: operation(OWNER_ACTS_RULE, OWNER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  suspendSubscription: operation(OWNER_ACTS_RULE, OWNER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  resumeSubscription: operation(OWNER_ACTS_RULE, OWNER, { deniedAs: SUBSCRIPTION_UNSEEN }),
  terminateSubscription: operation(
    "terminate a subscription: the subscriber's MUNICIPALITY_ADMIN, the owner's MAINTAINER, OPERATOR",
    ['subscriberMunicipalityAdmin', 'ownerMaintainer', 'operator'],
    { deniedAs: SUBSCRIPTION_UNSEEN },
  ),

  openCampaign: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  addCampaignTarget: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  excludeCampaignTarget: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  includeCampaignTarget: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  completeCampaign: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  cancelCampaign: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  planCampaignTarget: operation(TARGET_RULE, OWNER),
  linkCampaignRelease: operation(TARGET_RULE, OWNER),
  // GitHub is not configured in the matrix's app: an allowed retry is refused as CONFLICT, after the access check.
  retryCampaignTargetIssue: operation(TARGET_RULE, OWNER, { tolerate: ['CONFLICT'] }),

  replayGithubDelivery: operation('read and replay GitHub webhook deliveries: OPERATOR', OPERATOR),

  markNotificationsRead: operation(NOTIFICATIONS_RULE, NOTIFICATION_READERS),
  addWebhookEndpoint: operation(NOTIFICATIONS_RULE, NOTIFICATION_READERS),
  addEmailRecipient: operation(NOTIFICATIONS_RULE, NOTIFICATION_READERS),
  updateNotificationChannel: operation(NOTIFICATIONS_RULE, CHANNEL_STAFF, { deniedAs: CHANNEL_UNSEEN }),
  rotateWebhookSecret: operation(NOTIFICATIONS_RULE, CHANNEL_STAFF, { deniedAs: CHANNEL_UNSEEN }),
  removeNotificationChannel: operation(NOTIFICATIONS_RULE, CHANNEL_STAFF, { deniedAs: CHANNEL_UNSEEN }),
} satisfies Record<string, Expectation>;

/** Root queries: one entry per field of Query. */
export const QUERIES = {
  auditTrail: operation('read an audit trail: OPERATOR', OPERATOR),
  verifyAuditChain: operation('verify the audit chain: OPERATOR', OPERATOR),
  githubDeliveries: operation('read and replay GitHub webhook deliveries: OPERATOR', OPERATOR),
  effortEntries: operation("read a service's effort entries: the owner's MAINTAINER, OPERATOR", OWNER),
  maintenancePlan: operation("read a maintenance plan: the owner's MAINTAINER, OPERATOR", OWNER),
  notifications: operation(NOTIFICATIONS_RULE, NOTIFICATION_READERS),
  notificationSettings: operation(NOTIFICATIONS_RULE, NOTIFICATION_READERS),
  // Signed in without rights: "it may read what anonymous callers may, plus viewer".
  campaign: operation('read campaigns and their targets: anyone signed in (with a role)', WITH_A_ROLE),
  campaigns: operation('read campaigns and their targets: anyone signed in (with a role)', WITH_A_ROLE),
  reviewQueue: operation(
    'reviewQueue: anyone signed in (with a role); it lists gates only for reviewers',
    REVIEWERS,
    { denied: 'HIDDEN', deniedAs: each(NO_RIGHTS, 'FORBIDDEN') },
  ),
  subscriptions: operation(READ_SUBSCRIPTIONS_RULE, SUBSCRIPTION_READERS, {
    denied: 'HIDDEN',
    deniedAs: each(NO_RIGHTS, 'FORBIDDEN'),
  }),
  // Campaign targets on Kiel's subscriptions: as far as the caller may read those subscriptions.
  campaignTargetsAffecting: operation(
    `${READ_SUBSCRIPTIONS_RULE}; read campaigns and their targets: anyone signed in (with a role)`,
    SUBSCRIPTION_READERS,
    { denied: 'HIDDEN', deniedAs: each(NO_RIGHTS, 'FORBIDDEN') },
  ),
  releaseImpactPreview: operation(RELEASE_RULE, OWNER),
  // "Whoever may open a campaign": nothing is written, but it answers what openCampaign would do.
  campaignPreview: operation(CAMPAIGN_RULE, ANY_MAINTAINER),
  resolveVersionRange: field('read PUBLISHED releases: anyone', EVERYONE),
  activeSubscriptionCount: field('count ACTIVE subscriptions (a number, no names): anyone', EVERYONE),
  // The probe reads a DRAFT: a release that is not PUBLISHED is null for those who may not see it.
  release: field(
    "read releases that are not PUBLISHED: the owner's MAINTAINER, any reviewer, OPERATOR",
    REVIEW_READERS,
  ),

  interfaceStandards: field('read interface standards: anyone', EVERYONE),
  legalNorms: field('read legal norms: anyone', EVERYONE),
  organisation: field('read organisations: anyone', EVERYONE),
  organisations: field('read organisations: anyone', EVERYONE),
  service: field('read services: anyone', EVERYONE),
  services: field('read services: anyone', EVERYONE),
  serviceSuggestions: field('read services: anyone', EVERYONE),
  viewer: field('viewer: anyone', EVERYONE),
} satisfies Record<string, Expectation>;

/** Fields of objects whose value depends on the caller (their resolvers read the viewer). */
export const FIELDS = {
  'Release.gates': field('read the QA gates and sign-offs of any release', REVIEW_READERS),
  'Release.fulfils': field("read a release's fulfils: anyone signed in (with a role)", WITH_A_ROLE),
  'OnlineService.releases': field('read releases that are not PUBLISHED', REVIEW_READERS),
  'OnlineService.release': field('read releases that are not PUBLISHED', REVIEW_READERS),
  // The actions a viewer may take: only those it holds the capacity for, so the owner's and the operator's.
  'Release.actions': field(RELEASE_RULE, OWNER),
  // A gate of a release in review that nobody signed: each reviewer may sign the gate of its kind.
  'QaGate.viewerMaySignOff': field(SIGN_OFF_RULE, REVIEWERS),
  'QaGate.signOffRefusal': field(SIGN_OFF_RULE, REVIEWERS),
  'QaGate.signOffRefusalMessage': field(SIGN_OFF_RULE, REVIEWERS),
  'OnlineService.fleet': field("read a service's fleet: the owner's MAINTAINER, OPERATOR", OWNER),
  'OnlineService.maintenanceBaseline': field(
    "read a service's maintenanceBaseline: the owner's MAINTAINER, OPERATOR",
    OWNER,
  ),
  'Organisation.subscriptions': field(READ_SUBSCRIPTIONS_RULE, SUBSCRIPTION_READERS),
  // Read through campaign(id): a token without rights is refused by that query ("anyone signed in").
  // A campaign's actions (CANCEL, ADD_TARGET on the active campaign): any MAINTAINER, OPERATOR.
  'Campaign.viewerActions': field(CAMPAIGN_RULE, ANY_MAINTAINER, CAMPAIGN_FIELD),
  // The probe looks for PLAN on a target of Dataport's service: its MAINTAINER, OPERATOR.
  'CampaignTarget.viewerActions': field(TARGET_RULE, OWNER, CAMPAIGN_FIELD),
  // Kiel's ACTIVE subscription in the roll-out of a target on its service: whoever may read it.
  'CampaignTarget.rollout': field(READ_SUBSCRIPTIONS_RULE, SUBSCRIPTION_READERS, CAMPAIGN_FIELD),
  'InterfaceImpact.affectedSubscriptions': field(READ_SUBSCRIPTIONS_RULE, SUBSCRIPTION_READERS),
} satisfies Record<string, Expectation>;

/** What the caller should get from the entry. */
export function expectedOutcome(entry: Expectation, caller: CallerId): Outcome {
  if (entry.allowed.includes(caller)) {
    return 'ALLOWED';
  }
  return entry.deniedAs[caller] ?? (caller === 'anonymous' ? entry.anonymous : entry.denied);
}
