import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Role } from './role';
import type { Viewer } from './viewer';

export const PUBLIC_KEY = 'auth:public';
export const ROLES_KEY = 'auth:roles';
export const VIEWER = Symbol('viewer');

/** Opts an operation out of the global "signed in" requirement (an invalid token is still refused). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** Only callers with at least one of these roles; ownership is checked in the service. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export type RequestWithViewer = {
  [VIEWER]?: Viewer | null;
  headers: Record<string, string | string[] | undefined>;
};

export function requestOf(context: ExecutionContext): RequestWithViewer {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithViewer }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithViewer>();
}

/** The caller, as the global guard authenticated it: null for anonymous. */
export const CurrentViewer = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Viewer | null => requestOf(context)[VIEWER] ?? null,
);
