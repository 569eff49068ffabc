import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
import { LRUCache } from 'lru-cache';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { DomainError } from '#src/common/errors/domain-error';
import { UNSTORABLE_TEXT } from '#src/common/graphql/unstorable-text';
import { isRole, Role } from './role';
import type { Viewer } from './viewer';
import { DevSecret } from './dev-secret';

type OrganisationRef = { id: string; key: string };

/**
 * The port through which tokens name their organisation: the organisations module (above
 * common/) provides the lookup when the application starts (see OrganisationsService).
 */
export type OrganisationLookup = (key: string) => Promise<OrganisationRef | null>;

/**
 * Verifies bearer tokens: OIDC (RS256/ES256 against the identity provider's JWKS, keys cached by
 * jose) and, outside production, HS256 with a shared secret. Every failure is UNAUTHENTICATED,
 * whatever the operation: an invalid token never silently degrades to anonymous. The caller learns
 * only that the token expired or is invalid; which claim failed, or which organisation is unknown,
 * goes to the log (a forger learns nothing from the answer).
 */
@Injectable()
export class TokenVerifier {
  private readonly logger = new Logger(TokenVerifier.name);
  private readonly jwks: JWTVerifyGetKey | undefined;
  private readonly secret: Uint8Array | undefined;
  // Organisation keys change rarely; a token is checked on every request. Misses are cached briefly
  // and the entry is dropped when an organisation is registered.
  private lookup: OrganisationLookup = () =>
    Promise.reject(new Error('No organisation lookup: the organisations module provides it at start-up'));
  private readonly organisations = new LRUCache<string, OrganisationRef | 'missing'>({
    max: 10_000,
    ttl: 60_000,
  });

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    devSecret: DevSecret,
  ) {
    const { jwksUrl, jwtSecret } = config.auth;
    this.jwks = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : undefined;
    const secret = jwtSecret ?? devSecret.value;
    this.secret = secret && config.nodeEnv !== 'production' ? new TextEncoder().encode(secret) : undefined;
  }

  useOrganisationLookup(lookup: OrganisationLookup): void {
    this.lookup = lookup;
  }

  async verify(token: string): Promise<Viewer> {
    try {
      return await this.viewerOf(token);
    } catch (error) {
      if (error instanceof TokenRefused) {
        this.logger.log({ reason: error.reason }, 'token refused');
        return Promise.reject(error.toClient());
      }
      throw error;
    }
  }

  private async viewerOf(token: string): Promise<Viewer> {
    const payload = await this.verifySignature(token);
    const { tokenType, authorizedParty } = this.config.auth;
    if (tokenType !== undefined && payload.typ !== tokenType) {
      throw invalid(`typ ${JSON.stringify(payload.typ)} is not ${tokenType}`);
    }
    if (authorizedParty !== undefined && payload.azp !== authorizedParty) {
      throw invalid(`azp ${JSON.stringify(payload.azp)} is not ${authorizedParty}`);
    }
    for (const claim of ['sub', 'name', 'org'] as const) {
      if (typeof payload[claim] === 'string' && UNSTORABLE_TEXT.test(payload[claim])) {
        throw invalid(`${claim} holds a NUL character or an unpaired surrogate`);
      }
    }
    const subject = payload.sub;
    if (typeof subject !== 'string' || subject === '') {
      throw invalid('no subject');
    }
    const roles = readPath(payload, this.config.auth.rolesClaim);
    const viewerRoles = Array.isArray(roles) ? [...new Set(roles.filter(isRole))] : [];
    if (payload.org !== undefined && payload.org !== null && typeof payload.org !== 'string') {
      throw invalid('org must be a string');
    }
    const orgKey = typeof payload.org === 'string' && payload.org !== '' ? payload.org : null;
    let organisation: OrganisationRef | null = null;
    if (orgKey) {
      organisation = await this.findOrganisation(orgKey);
      if (!organisation) {
        throw invalid(`unknown organisation ${orgKey}`);
      }
    } else if (!viewerRoles.includes(Role.OPERATOR)) {
      throw invalid('no organisation (only OPERATOR tokens may omit org)');
    }
    return {
      subject,
      name: typeof payload.name === 'string' ? payload.name : null,
      roles: viewerRoles,
      organisation,
    };
  }

  forgetOrganisation(key: string): void {
    this.organisations.delete(key);
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw invalid('malformed');
    }
    const options = {
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      requiredClaims: ['exp', 'sub'],
    };
    try {
      if (alg === 'HS256') {
        if (!this.secret) {
          throw invalid('HS256 tokens are not accepted here');
        }
        return (await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] })).payload;
      }
      if (!this.jwks) {
        throw invalid(`${alg ?? 'unsigned'} tokens are not accepted here (no JWKS configured)`);
      }
      return (await jwtVerify(token, this.jwks, { ...options, algorithms: ['RS256', 'ES256'] })).payload;
    } catch (error) {
      if (error instanceof TokenRefused) {
        throw error;
      }
      if (error instanceof joseErrors.JWTExpired) {
        throw new TokenRefused('expired', 'TOKEN_EXPIRED');
      }
      if (error instanceof joseErrors.JWTClaimValidationFailed) {
        throw invalid(`claim ${error.claim} rejected`);
      }
      if (error instanceof joseErrors.JWSSignatureVerificationFailed) {
        throw invalid('bad signature');
      }
      if (error instanceof joseErrors.JOSEError) {
        throw invalid(error.code.replace(/^ERR_/, '').toLowerCase());
      }
      // The identity provider's JWKS endpoint is unreachable: still the token cannot be trusted.
      this.logger.warn({ err: error }, 'token verification failed');
      throw new TokenRefused('cannot be verified', 'TOKEN_INVALID', false);
    }
  }

  private async findOrganisation(key: string): Promise<OrganisationRef | null> {
    const cached = this.organisations.get(key);
    if (cached !== undefined) {
      return cached === 'missing' ? null : cached;
    }
    const organisation = await this.lookup(key);
    const found = organisation ? { id: organisation.id, key: organisation.key } : null;
    this.organisations.set(key, found ?? 'missing', found ? undefined : { ttl: 5_000 });
    return found;
  }
}

/** Refusals that may be someone guessing (not an expired token, not an unreachable JWKS). */
const guesses = new WeakSet<DomainError>();

/** Whether the refusal counts against the failed sign-ins of the caller's address. */
export function isGuess(error: DomainError): boolean {
  return guesses.has(error);
}

/** Why a token was refused (for the log), and what the caller is told. */
class TokenRefused extends Error {
  constructor(
    readonly reason: string,
    readonly kind: 'TOKEN_EXPIRED' | 'TOKEN_INVALID' = 'TOKEN_INVALID',
    /** False where the token may well be right: the identity provider could not be asked. */
    readonly guess = kind === 'TOKEN_INVALID',
  ) {
    super(reason);
  }

  toClient(): DomainError {
    const error = DomainError.unauthenticated(this.kind);
    if (this.guess) {
      guesses.add(error);
    }
    return error;
  }
}

function invalid(reason: string): TokenRefused {
  return new TokenRefused(reason);
}

function readPath(payload: JWTPayload, path: string): unknown {
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object') {
      return undefined;
    }
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
