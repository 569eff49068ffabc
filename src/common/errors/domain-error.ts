/** The error codes a GraphQL operation's errors carry in extensions.code: the contract's six, no others. */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

/**
 * The codes of a request that is not a GraphQL request at all (a form post, a batch, a body that
 * is not JSON, a mutation as GET), refused at the HTTP level before any operation runs; and of a
 * client that has tried too often (429).
 */
export type RequestErrorCode = 'BAD_REQUEST' | 'UNSUPPORTED_MEDIA_TYPE' | 'TOO_MANY_REQUESTS';

/**
 * A failure the domain expects and can explain to the caller. Thrown anywhere; one formatter turns
 * it into a GraphQL error (or an HTTP status) with its code. No framework imports on purpose.
 */
export class DomainError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'INTERNAL_SERVER_ERROR'>,
    message: string,
    /** Extra, client-safe facts: e.g. { field: 'input.ars' } or { state: 'DRAFT' }. */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static unauthenticated(message = 'Authentication required'): DomainError {
    return new DomainError('UNAUTHENTICATED', message);
  }

  static forbidden(message = 'You may not do this'): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  static notFound(what: string, key: string): DomainError {
    return new DomainError('NOT_FOUND', `${what} ${key} not found`);
  }

  /** Bad input, naming the field (a path such as "input.ars") so a form can show it in place. */
  static badInput(field: string, message: string): DomainError {
    return new DomainError('BAD_USER_INPUT', `${field}: ${message}`, { field });
  }

  static conflict(message: string, details: Record<string, unknown> = {}): DomainError {
    return new DomainError('CONFLICT', message, details);
  }
}
