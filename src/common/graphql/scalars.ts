import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import semver from 'semver';
import { DomainError } from '#src/common/errors/domain-error';

function stringScalar(
  name: string,
  description: string,
  parse: (value: string) => string,
): GraphQLScalarType {
  const parseValue = (value: unknown): string => {
    if (typeof value !== 'string') {
      throw new DomainError('BAD_USER_INPUT', `${name} must be a string`);
    }
    return parse(value);
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue,
    parseLiteral: (node: ValueNode) => {
      if (node.kind !== Kind.STRING) {
        throw new DomainError('BAD_USER_INPUT', `${name} must be a string`);
      }
      return parseValue(node.value);
    },
  });
}

/** A calendar date, YYYY-MM-DD, kept as that string (no time zone games). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    return false;
  }
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const DateScalar = stringScalar('Date', 'A calendar date, YYYY-MM-DD', (value) => {
  if (!isCalendarDate(value)) {
    throw new DomainError('BAD_USER_INPUT', `"${value}" is not a calendar date (YYYY-MM-DD)`);
  }
  return value;
});

/** Major, minor and patch are stored as PostgreSQL integers (they order versions in SQL). */
export const MAX_VERSION_NUMBER = 2_147_483_647;

/** Why a version cannot be a release's version, or null: SemVer 2.0.0 that the database can hold. */
export function versionProblem(value: string): string | null {
  const parsed = semver.valid(value) === value ? semver.parse(value) : null;
  if (!parsed) {
    return `"${value}" is not a semantic version (2.0.0)`;
  }
  if (Math.max(parsed.major, parsed.minor, parsed.patch) > MAX_VERSION_NUMBER) {
    return `"${value}": major, minor and patch are at most ${MAX_VERSION_NUMBER}`;
  }
  return null;
}

export const SemVerScalar = stringScalar(
  'SemVer',
  'Semantic Versioning 2.0.0, e.g. "2.1.0", "3.0.0-rc.1"',
  (value) => {
    const problem = versionProblem(value);
    if (problem) {
      throw new DomainError('BAD_USER_INPUT', problem);
    }
    return value;
  },
);

/**
 * An instant, ISO 8601 with a time zone ("2026-12-01T10:00:00.000Z" or "+01:00"), between the
 * years 1970 and 9999. Replaces the framework's DateTime, which took anything `new Date()` takes
 * and let an invalid date through as NaN.
 */
export function parseInstant(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.exec(
    value,
  );
  if (!match || !isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`)) {
    return null;
  }
  const [hours, minutes, seconds] = [match[4], match[5], match[6] ?? '0'].map(Number);
  if (hours > 23 || minutes > 59 || seconds > 59 || Number(match[1]) < 1970) {
    return null;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    return date.toISOString();
  },
  parseValue: (value) => instantOf(value),
  parseLiteral: (node: ValueNode) => instantOf(node.kind === Kind.STRING ? node.value : undefined),
});

function instantOf(value: unknown): Date {
  const date = typeof value === 'string' ? parseInstant(value) : null;
  if (!date) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'DateTime must be an ISO 8601 date and time with a time zone, e.g. "2027-01-31T12:00:00Z"',
    );
  }
  return date;
}

/** Why a text is not a version range (npm syntax, not empty), or null: what SemVerRange refuses. */
export function rangeSyntaxProblem(value: string): string | null {
  return value.trim() === '' || semver.validRange(value) === null ? `"${value}" is not a semver range` : null;
}

export const SemVerRangeScalar = stringScalar(
  'SemVerRange',
  'npm range syntax, e.g. "^2.1.0", ">=2.0.0 <3.0.0", "2.x"',
  (value) => {
    const problem = rangeSyntaxProblem(value);
    if (problem) {
      throw new DomainError('BAD_USER_INPUT', problem);
    }
    return value.trim();
  },
);
