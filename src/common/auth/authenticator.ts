import { Injectable } from '@nestjs/common';
import { DomainError } from '#src/common/errors/domain-error';
import { VIEWER, type RequestWithViewer } from './decorators';
import { TokenVerifier } from './token-verifier';
import type { Viewer } from './viewer';

const PENDING = Symbol('viewer-pending');

type AuthenticatedRequest = RequestWithViewer & { [PENDING]?: Promise<Viewer | null> };

/**
 * Verifies the bearer token once per request, before any GraphQL execution (a pre-execution hook)
 * and for REST routes (the guard): an invalid token is refused whatever the operation asks for,
 * `{ __typename }` included. The outcome, success or failure, is kept on the request.
 */
@Injectable()
export class Authenticator {
  constructor(private readonly tokens: TokenVerifier) {}

  viewerFor(req: AuthenticatedRequest): Promise<Viewer | null> {
    req[PENDING] ??= this.authenticate(req).then((viewer) => {
      req[VIEWER] = viewer;
      return viewer;
    });
    return req[PENDING];
  }

  private async authenticate(req: RequestWithViewer): Promise<Viewer | null> {
    const header = req.headers.authorization;
    const value = Array.isArray(header) ? header[0] : header;
    if (!value) {
      return null;
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(value);
    if (!match) {
      throw DomainError.unauthenticated('TOKEN_INVALID', { bearer: true });
    }
    return this.tokens.verify(match[1]);
  }
}
