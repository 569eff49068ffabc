import { Role } from '../../src/common/auth/role';
import type { TestApp } from './test-app';

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
  if (result.errors) throw new Error(`registerOrganisation failed: ${JSON.stringify(result.errors)}`);
  return input.key;
}

export async function registerStandard(t: TestApp, key: string, kind = 'XOEV_STANDARD'): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: InterfaceStandardInput!) { registerInterfaceStandard(input: $input) { key } }`,
    { input: { key, name: key.toUpperCase(), kind } },
    operator,
  );
  if (result.errors) throw new Error(`registerInterfaceStandard failed: ${JSON.stringify(result.errors)}`);
  return key;
}

export async function registerNorm(
  t: TestApp,
  abbreviation: string,
  options: { jurisdiction?: string; title?: string } = {},
): Promise<string> {
  const operator = await t.token({ roles: [Role.OPERATOR] });
  const result = await t.gql(
    `mutation($input: RegisterLegalNormInput!) { registerLegalNorm(input: $input) { id } }`,
    {
      input: {
        abbreviation,
        title: options.title ?? `Gesetz ${abbreviation}`,
        jurisdiction: options.jurisdiction ?? 'DE',
      },
    },
    operator,
  );
  if (result.errors) throw new Error(`registerLegalNorm failed: ${JSON.stringify(result.errors)}`);
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
  if (result.errors) throw new Error(`registerService failed: ${JSON.stringify(result.errors)}`);
  return result.data!.registerService.id as string;
}
