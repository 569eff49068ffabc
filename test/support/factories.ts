import { Role } from '#src/common/auth/role';
import type { TestApp } from './test-app';

/** Organisation keys the specs share: two service providers, and Kiel and Lübeck (municipalities). */
export const DATAPORT = 'dataport';
export const KOMFIT = 'komfit';
export const KIEL = '010020000000';
export const LUEBECK = '010030000000';

/** Registers an organisation through the API as an operator; returns its key. */
export async function registerOrganisation(
  t: TestApp,
  input: { key: string; name?: string; kind: string; ars?: string; parentKey?: string },
): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { key } }`,
    { input: { name: `Org ${input.key}`, ...input } },
    operator,
  );
  if (result.errors) {
    throw new Error(`registerOrganisation failed: ${JSON.stringify(result.errors)}`);
  }
  return input.key;
}

/** Maps a forge namespace to an organisation as an operator (its services may then link repositories in it). */
export async function mapNamespace(
  t: TestApp,
  namespace: string,
  organisationKey: string,
  forge: 'GITHUB' | 'GITLAB' = 'GITHUB',
): Promise<void> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: ForgeNamespaceInput!) { mapForgeNamespace(input: $input) { namespace } }`,
    { input: { forge, namespace, organisationKey } },
    operator,
  );
  if (result.errors) {
    throw new Error(`mapForgeNamespace failed: ${JSON.stringify(result.errors)}`);
  }
}

export async function registerStandard(t: TestApp, key: string, kind = 'XOEV_STANDARD'): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: InterfaceStandardInput!) { registerInterfaceStandard(input: $input) { key } }`,
    { input: { key, name: key.toUpperCase(), kind } },
    operator,
  );
  if (result.errors) {
    throw new Error(`registerInterfaceStandard failed: ${JSON.stringify(result.errors)}`);
  }
  return key;
}

export async function registerNorm(
  t: TestApp,
  abbreviation: string,
  options: { jurisdiction?: string; title?: string; url?: string } = {},
): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: RegisterLegalNormInput!) { registerLegalNorm(input: $input) { id } }`,
    {
      input: {
        abbreviation,
        title: options.title ?? `Gesetz ${abbreviation}`,
        jurisdiction: options.jurisdiction ?? 'DE',
        ...(options.url ? { url: options.url } : {}),
      },
    },
    operator,
  );
  if (result.errors) {
    throw new Error(`registerLegalNorm failed: ${JSON.stringify(result.errors)}`);
  }
  return abbreviation;
}

/** Registers a service as an OPERATOR for `ownerKey`; returns its id. */
export async function registerService(
  t: TestApp,
  input: { slug: string; ownerKey: string; name?: string; summary?: string } & Record<string, unknown>,
): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }`,
    {
      input: { name: `Service ${input.slug}`, summary: 'Eine Leistung', reuseModel: 'EFA_CENTRAL', ...input },
    },
    operator,
  );
  if (result.errors) {
    throw new Error(`registerService failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data!.registerService.id as string;
}

/** Creates, reviews (three distinct reviewers) and publishes a release as an OPERATOR; returns its id. */
export async function publishRelease(
  t: TestApp,
  serviceId: string,
  version: string,
  extra: { interfaces?: { standard: string; version: string; direction: string }[] } = {},
  reviewerOrg = 'dataport',
): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR], sub: 'release-operator' });
  const created = await t.gql(
    `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
    { input: { serviceId, version, artifactDigest: `sha256:${'c'.repeat(64)}`, ...extra } },
    operator,
  );
  if (created.errors) {
    throw new Error(`createRelease failed: ${JSON.stringify(created.errors)}`);
  }
  const id = created.data!.createRelease.id as string;
  await t.gql(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id }, operator);
  await approveGates(t, id, reviewerOrg);
  const published = await t.gql(`mutation($id: ID!) { publishRelease(id: $id) { state } }`, { id }, operator);
  if (published.errors) {
    throw new Error(`publishRelease failed: ${JSON.stringify(published.errors)}`);
  }
  return id;
}

/** Approves the three default gates of a release IN_REVIEW, each by its own reviewer from `reviewerOrg`. */
export async function approveGates(t: TestApp, releaseId: string, reviewerOrg = 'dataport'): Promise<void> {
  for (const [kind, role] of [
    ['USABILITY', Role.REVIEWER_USABILITY],
    ['SECURITY', Role.REVIEWER_SECURITY],
    ['INTERFACES', Role.REVIEWER_INTERFACES],
  ] as const) {
    const reviewer = await t.token({ roles: [role], org: reviewerOrg, sub: `factory-${kind.toLowerCase()}` });
    await t.gql(
      `mutation($input: SignOffInput!) { signOff(input: $input) { status } }`,
      { input: { releaseId, kind, verdict: 'APPROVE' } },
      reviewer,
    );
  }
}
