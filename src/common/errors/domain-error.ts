/** The error codes a client may see in extensions.code: the contract's six, no others. */
export type ErrorCode =
  'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'INTERNAL_SERVER_ERROR';

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
