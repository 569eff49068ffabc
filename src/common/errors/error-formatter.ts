import { HttpException, type LoggerService } from '@nestjs/common';
import { GraphQLError, type ExecutionResult } from 'graphql';
import { DomainError, type ErrorCode } from './domain-error';

export interface ClientError {
  message: string;
  locations?: readonly { line: number; column: number }[];
  path?: readonly (string | number)[];
  extensions: { code: ErrorCode } & Record<string, unknown>;
}

const HTTP_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};

export const STATUS_OF: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

/**
 * What a failure may tell a client: its code and a message written for people. Anything the domain
 * did not anticipate (a driver error, a bug) is logged with the request id and answered with a
 * generic message, so no SQL, stack or driver text ever leaves the service.
 */
export function toClientError(
  error: Error,
  options: { requestId: string; logger: LoggerService; fieldSuggestions: boolean },
): ClientError {
  const graphqlError = error instanceof GraphQLError ? error : undefined;
  const original = graphqlError ? (graphqlError.originalError ?? undefined) : error;
  const where = { locations: graphqlError?.locations, path: graphqlError?.path };

  if (original instanceof DomainError) {
    // graphql-js prefixes coercion failures with the variable or argument: keep that context.
    const message = graphqlError?.message ?? original.message;
    return { message, ...where, extensions: { ...original.details, code: original.code } };
  }
  if (original instanceof HttpException && HTTP_CODES[original.getStatus()]) {
    return { message: original.message, ...where, extensions: { code: HTTP_CODES[original.getStatus()] } };
  }
  if (graphqlError && (original === undefined || original instanceof GraphQLError) && !graphqlError.path) {
    // Parse, validation and variable coercion errors (before execution, so no path): the request is wrong.
    // During execution (with a path) the same kind of error, e.g. a value that does not serialise, is ours.
    let message = graphqlError.message;
    if (!options.fieldSuggestions) {
      message = message.replace(/\s*Did you mean .*\?$/s, '');
    }
    return { message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const statusCode = (original as { statusCode?: unknown } | undefined)?.statusCode;
  const code = (original as { code?: unknown } | undefined)?.code;
  if (statusCode === 400 && typeof code === 'string' && code.startsWith('MER_ERR_')) {
    return { message: original!.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  }
  options.logger.error(
    { err: original ?? error, reqId: options.requestId, path: graphqlError?.path },
    'unexpected error while handling a request',
  );
  return {
    message: `Internal server error (request ${options.requestId})`,
    ...where,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Mercurius' validation failure carries the individual GraphQL errors inside it. */
export function flattenErrors(errors: readonly Error[]): Error[] {
  return errors.flatMap((error) => {
    const inner = (error as GraphQLError).originalError as { errors?: unknown } | undefined;
    return Array.isArray(inner?.errors) ? (inner.errors as Error[]) : [error];
  });
}

export function formatExecution(
  execution: ExecutionResult & { errors?: readonly Error[] },
  options: { requestId: string; logger: LoggerService; fieldSuggestions: boolean },
) {
  const errors = flattenErrors(execution.errors ?? []).map((error) => toClientError(error, options));
  return { statusCode: 200, response: { data: execution.data ?? null, errors } };
}
