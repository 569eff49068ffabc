import { Transform } from 'class-transformer';
import { IsNotEmpty, Matches, MaxLength, ValidateBy, ValidateIf } from 'class-validator';
import type { ConstraintContext } from './constraint-reason';

const reason = (context: ConstraintContext) => ({ context });

/**
 * The one way input text is checked (domain.md, "Identifiers" for the digest): decorators on the
 * GraphQL input classes, applied by `InputValidationPipe` (on each `@Args('input', ...)`) before a resolver runs. Text is trimmed;
 * required text must not be empty; every text has a maximum length. Messages name the rule; the
 * pipe adds the field's path ("input.notes: must not be empty").
 */
export interface TextOptions {
  max: number;
  /** Optional text: blank (or only white space) becomes null. Default: required. */
  optional?: boolean;
}

const trim = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? value.trim() : value);
const trimToNull = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() || null : value;

export const EMPTY = 'must not be empty';
export const tooLong = (max: number) => `must be at most ${max} characters`;

/** Trimmed text of at most `max` characters; required unless `optional`. */
export function Text({ max, optional = false }: TextOptions): PropertyDecorator {
  return (target, key) => {
    if (optional) {
      Transform(trimToNull)(target, key);
      ValidateIf((_, value) => value != null)(target, key);
    } else {
      Transform(trim)(target, key);
      // null for a required field in an update input is refused where the update rules are.
      ValidateIf((_, value) => value !== null && value !== undefined)(target, key);
      IsNotEmpty({ message: EMPTY, ...reason({ reason: 'TEXT_EMPTY' }) })(target, key);
    }
    MaxLength(max, { message: tooLong(max), ...reason({ reason: 'TEXT_TOO_LONG', max }) })(target, key);
  };
}

/** An artifact digest: "sha256:" and 64 lower-case hex digits (its GraphQL type stays String). */
export const DIGEST_PATTERN = /^sha256:[0-9a-f]{64}$/;
export const DIGEST_MESSAGE = 'must be "sha256:" followed by 64 lower-case hex digits';

export function Digest(): PropertyDecorator {
  return (target, key) => {
    Transform(trim)(target, key);
    Matches(DIGEST_PATTERN, { message: DIGEST_MESSAGE, ...reason({ reason: 'INVALID_DIGEST' }) })(
      target,
      key,
    );
  };
}

/** Whether a text is an absolute https URL with a host; the problem in words, or null. */
export function httpsUrlProblem(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '' ? null : 'must be an https:// URL';
  } catch {
    return 'must be an https:// URL';
  }
}

/** An optional https URL (links to evidence, artifacts, legal texts, repositories); blank is null. */
export function HttpsUrl(): PropertyDecorator {
  return (target, key) => {
    Transform(trimToNull)(target, key);
    ValidateIf((_, value) => value != null)(target, key);
    ValidateBy(
      {
        name: 'httpsUrl',
        validator: {
          validate: (value: unknown) => typeof value === 'string' && httpsUrlProblem(value) === null,
          defaultMessage: () => 'must be an https:// URL',
        },
      },
      reason({ reason: 'NOT_HTTPS_URL' }),
    )(target, key);
  };
}
