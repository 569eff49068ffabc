import { signDevToken } from '#src/common/auth/dev-token';
import type { Role } from '#src/common/auth/role';
import type { AppConfig } from '#src/config/config';
import { DEMO_PERSONAS, demoOrganisationName, type DemoPersona } from '#src/seed/demo-data';

/** A demo persona as GET /auth/dev/personas lists it. */
export interface PersonaView {
  id: string;
  name: string;
  organisationKey: string;
  organisationName: string;
  roles: Role[];
  label: string;
}

export function personaViews(): PersonaView[] {
  return DEMO_PERSONAS.map((persona) => ({
    id: persona.id,
    name: persona.name,
    organisationKey: persona.organisationKey,
    organisationName: demoOrganisationName(persona.organisationKey),
    roles: [...persona.roles],
    label: persona.label,
  }));
}

export function findPersona(id: string): DemoPersona | undefined {
  return DEMO_PERSONAS.find((persona) => persona.id === id);
}

/** Longest and default lifetime of a development token: a working day, as `npm run token` gives. */
export const MAX_DEV_TOKEN_SECONDS = 43_200;

/**
 * A development token for the persona, signed as `npm run token` and the tests sign them (the
 * configured roles claim, issuer and audience). `now` is the wall clock: the verifier checks
 * `exp` against it, whatever clock the domain runs on.
 */
export async function personaToken(
  persona: DemoPersona,
  config: AppConfig,
  secret: string,
  expiresInSeconds = MAX_DEV_TOKEN_SECONDS,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expiresAt = issuedAt + expiresInSeconds;
  const token = await signDevToken(
    { sub: persona.id, name: persona.name, org: persona.organisationKey, roles: [...persona.roles] },
    {
      secret,
      rolesClaim: config.auth.rolesClaim,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      expiresIn: expiresAt,
      now,
    },
  );
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
