import type { ValidationError } from 'class-validator';
import { DomainError } from '#src/common/errors/domain-error';

/** What the decorators of `text.ts` attach to a constraint (its `context`): the catalogue reason. */
export type ConstraintContext =
  { reason: 'TEXT_EMPTY' | 'INVALID_DIGEST' | 'NOT_HTTPS_URL' } | { reason: 'TEXT_TOO_LONG'; max: number };

/**
 * BAD_USER_INPUT naming the field, for the first failed constraint of a validation error, with
 * the catalogue's reason: the one the constraint carries as context (`text.ts`), INVALID_ESTIMATE
 * for an estimate (its problem in English words), else INVALID_INPUT with class-validator's words.
 */
export function constraintError(field: string, error: ValidationError): DomainError {
  const [name, message] = Object.entries(error.constraints ?? {})[0] ?? ['', 'is invalid'];
  const context = error.contexts?.[name] as ConstraintContext | undefined;
  if (context?.reason === 'TEXT_TOO_LONG') {
    return DomainError.badInput(field, 'TEXT_TOO_LONG', { max: context.max });
  }
  if (context) {
    return DomainError.badInput(field, context.reason);
  }
  if (name === 'threePoint') {
    return DomainError.badInput(field, 'INVALID_ESTIMATE', { problem: message });
  }
  return DomainError.badInput(field, 'INVALID_INPUT', { problem: message });
}
