import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '#src/common/errors/domain-error';
import { Authenticator } from './authenticator';
import { PUBLIC_KEY, requestOf, ROLES_KEY } from './decorators';
import type { Role } from './role';
import { hasRights, hasRole } from './viewer';

/**
 * Deny by default: every GraphQL operation and REST route needs a signed-in caller with at least
 * one of the registry's roles unless marked @Public(), and one of its @Roles() where it names them.
 * A token that is present but invalid is refused even on public operations.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const viewer = await this.authenticator.viewerFor(requestOf(context));
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    if (!viewer) {
      throw DomainError.unauthenticated('AUTHENTICATION_REQUIRED');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(viewer, ...roles)) {
      throw DomainError.forbidden('ROLE_REQUIRED', { roles });
    }
    if (!hasRights(viewer)) {
      throw DomainError.forbidden('NO_REGISTRY_ROLE');
    }
    return true;
  }
}
