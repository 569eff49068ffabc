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

export const SemVerScalar = stringScalar(
  'SemVer',
  'Semantic Versioning 2.0.0, e.g. "2.1.0", "3.0.0-rc.1"',
  (value) => {
    if (semver.valid(value) !== value) {
      throw new DomainError('BAD_USER_INPUT', `"${value}" is not a semantic version (2.0.0)`);
    }
    return value;
  },
);

export const SemVerRangeScalar = stringScalar(
  'SemVerRange',
  'npm range syntax, e.g. "^2.1.0", ">=2.0.0 <3.0.0", "2.x"',
  (value) => {
    if (value.trim() === '' || semver.validRange(value) === null) {
      throw new DomainError('BAD_USER_INPUT', `"${value}" is not a semver range`);
    }
    return value.trim();
  },
);
