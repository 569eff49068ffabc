import { Role } from '#src/common/auth/role';
import { publishRelease, registerOrganisation, registerService, registerStandard } from './factories';
import { startTestApp, useWorld, type GqlResult, type TestApp } from './test-app';

/**
 * The world of the release specs (test/releases/*): the service "bauantrag" of Dataport, the
 * standards xbau and fit-connect, a maintainer of the owner and one of another provider, an
 * operator and one reviewer of each QA gate kind (from komfit), and the calls they make.
 */

export const DIGEST_A = `sha256:${'a'.repeat(64)}`;
export const DIGEST_B = `sha256:${'b'.repeat(64)}`;
export const RELEASE_FIELDS = `id version state notes artifactDigest publishedAt createdBy { id name organisation { key } }
  gates { kind status requiredApprovals approvals blockedReason signOffs { reviewer { id } verdict comment outdated artifactDigest } waiver { reason ticket expiresAt expired grantedBy { id } } }
  impact { bump breaking semverConsistent affectedSubscriptions { id } added { standard { key } version direction } removed { standard { key } version direction } baseline { version } }
  deprecation { reason by { id } } withdrawal { reason by { id } }`;
export const CREATE = `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { ${RELEASE_FIELDS} } }`;
export const SUBMIT = `mutation($id: ID!) { submitRelease(id: $id) { ${RELEASE_FIELDS} } }`;
export const PUBLISH = `mutation($id: ID!) { publishRelease(id: $id) { ${RELEASE_FIELDS} } }`;
export const SIGN = `mutation($input: SignOffInput!) { signOff(input: $input) { kind status approvals blockedReason release { state } } }`;
export const WAIVE = `mutation($input: WaiveGateInput!) { waiveGate(input: $input) { kind status blockedReason waiver { expired } } }`;
export const GET = `query($id: ID!) { release(id: $id) { ${RELEASE_FIELDS} } }`;

export interface ReleaseWorld {
  t: TestApp;
  /** The service "bauantrag", owned by Dataport. */
  serviceId: string;
  /** Mia, MAINTAINER at Dataport. */
  maintainer: string;
  /** Max, MAINTAINER at komfit. */
  otherMaintainer: string;
  /** Olaf, OPERATOR. */
  operator: string;
  /** A reviewer per QA gate kind, all at komfit: Uwe (USABILITY), Sina (SECURITY), Ingo (INTERFACES). */
  reviewer: Record<string, string>;
  /** Creates a release of "bauantrag" (or of extra.serviceId) as `token` (Mia unless given); returns its id. */
  create(version: string, extra?: Record<string, unknown>, token?: string): Promise<string>;
  sign(id: string, kind: string, verdict?: string, token?: string, comment?: string): Promise<GqlResult>;
  /** Approves all three gates, each by its reviewer. */
  approveAll(id: string): Promise<void>;
  /** The release with RELEASE_FIELDS, as the operator (or `token`) sees it. */
  release(id: string, token?: string): Promise<any>;
}

export interface ReleaseWorldOptions {
  /** A release of "bauantrag" published before the tests, consuming this version of xbau. */
  published?: { version: string; consumesXbau: string };
}

async function startReleaseWorld(options: ReleaseWorldOptions): Promise<ReleaseWorld> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: '010020000000', kind: 'MUNICIPALITY' });
  await registerStandard(t, 'xbau');
  await registerStandard(t, 'fit-connect', 'TRANSPORT');
  const serviceId = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport' });
  if (options.published) {
    await publishRelease(t, serviceId, options.published.version, {
      interfaces: [{ standard: 'xbau', version: options.published.consumesXbau, direction: 'CONSUMES' }],
    });
  }
  const maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia', name: 'Mia' });
  const reviewer: Record<string, string> = {};
  for (const [kind, role, sub, name] of [
    ['USABILITY', Role.REVIEWER_USABILITY, 'uwe', 'Uwe'],
    ['SECURITY', Role.REVIEWER_SECURITY, 'sina', 'Sina'],
    ['INTERFACES', Role.REVIEWER_INTERFACES, 'ingo', 'Ingo'],
  ] as const) {
    reviewer[kind] = await t.token({ roles: [role], org: 'komfit', sub, name });
  }
  const operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf', name: 'Olaf' });
  const sign: ReleaseWorld['sign'] = (id, kind, verdict = 'APPROVE', token = reviewer[kind], comment) =>
    t.gql(SIGN, { input: { releaseId: id, kind, verdict, comment } }, token);
  return {
    t,
    serviceId,
    maintainer,
    otherMaintainer: await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max', name: 'Max' }),
    operator,
    reviewer,
    async create(version, extra = {}, token = maintainer) {
      const result = await t.gql(
        CREATE,
        { input: { serviceId, version, artifactDigest: DIGEST_A, ...extra } },
        token,
      );
      if (result.errors) {
        throw new Error(JSON.stringify(result.errors));
      }
      return result.data!.createRelease.id as string;
    },
    sign,
    async approveAll(id) {
      for (const kind of ['USABILITY', 'SECURITY', 'INTERFACES']) {
        expect((await sign(id, kind)).errors).toBeUndefined();
      }
    },
    release: async (id, token = operator) => (await t.gql(GET, { id }, token)).data?.release,
  };
}

/** The world for the calling describe: started before its tests, closed after them. */
export const useReleaseWorld = (options: ReleaseWorldOptions = {}) =>
  useWorld(
    () => startReleaseWorld(options),
    (w) => w.t.close(),
  );
