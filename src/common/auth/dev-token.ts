import { SignJWT } from 'jose';
import type { Role } from './role';

export interface DevTokenClaims {
  sub: string;
  name?: string;
  org?: string;
  roles: Role[];
}

export interface DevTokenOptions {
  secret: string;
  rolesClaim?: string;
  issuer?: string;
  audience?: string;
  /** A time span from now such as "12h", or an absolute time in seconds since the epoch. */
  expiresIn?: string | number;
  now?: Date;
}

/** An HS256 token for development and tests, shaped like the identity provider's. */
export async function signDevToken(claims: DevTokenClaims, options: DevTokenOptions): Promise<string> {
  const payload: Record<string, unknown> = { name: claims.name, org: claims.org };
  setPath(payload, options.rolesClaim ?? 'roles', claims.roles);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  let jwt = new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuedAt(iat)
    .setExpirationTime(options.expiresIn ?? '12h');
  if (options.issuer) {
    jwt = jwt.setIssuer(options.issuer);
  }
  if (options.audience) {
    jwt = jwt.setAudience(options.audience);
  }
  return jwt.sign(new TextEncoder().encode(options.secret));
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]] = value;
}
