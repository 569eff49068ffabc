import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { PUBLIC_KEY, requestOf, ROLES_KEY, VIEWER, type RequestWithViewer } from './decorators';
import type { Role } from './role';
import { TokenVerifier } from './token-verifier';
import { hasRole, type Viewer } from './viewer';

/**
 * Deny by default: every GraphQL operation and REST route needs a signed-in caller unless marked
 * @Public(). A token that is present but invalid is refused even on public operations.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = requestOf(context);
    const viewer = await this.authenticate(req);
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    if (!viewer) throw DomainError.unauthenticated();
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(viewer, ...roles)) {
      throw DomainError.forbidden(`Requires one of the roles ${roles.join(', ')}`);
    }
    return true;
  }

  /** Verifies the bearer token once per request; later root fields reuse the result. */
  private async authenticate(req: RequestWithViewer): Promise<Viewer | null> {
    if (req[VIEWER] !== undefined) return req[VIEWER];
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) {
      req[VIEWER] = null;
      return null;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (!match) throw DomainError.unauthenticated('Invalid token: expected "Authorization: Bearer <token>"');
    const viewer = await this.tokens.verify(match[1]);
    req[VIEWER] = viewer;
    return viewer;
  }
}
