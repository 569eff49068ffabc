import { Kind, visit, type ASTNode, type DocumentNode } from 'graphql';
import { DomainError } from '#src/common/errors/domain-error';

/**
 * A NUL character (PostgreSQL's text refuses 0x00) or a lone UTF-16 surrogate (it cannot be
 * encoded as UTF-8, and would be stored as U+FFFD, silently changed).
 */

export const UNSTORABLE_TEXT =
  /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refuses, before any resolver runs, a string in any argument or variable that the database
 * cannot store as given: BAD_USER_INPUT naming the argument's path (`input.name`), so that a
 * form can show it in place. Runs on every operation; the document's literals are checked once
 * per document (mercurius caches parsed documents).
 */
export function refuseUnstorableText(document: DocumentNode, variables: Record<string, unknown> | undefined) {
  const { literal, usedAt, declared } = inspect(document);
  if (literal) {
    throw unstorable(literal);
  }
  // Only the variables the document declares reach a resolver; the others are ignored unread.
  for (const name of declared) {
    const found = findUnstorable(variables?.[name], usedAt.get(name) ?? `$${name}`);
    if (found) {
      throw unstorable(found);
    }
  }
}

interface Inspection {
  /** Path of the first literal string that cannot be stored, if any. */
  literal: string | undefined;
  /** Where each variable is used first: the argument path it stands for. */
  usedAt: Map<string, string>;
  /** The variables the document's operations declare. */
  declared: Set<string>;
}

const inspections = new WeakMap<DocumentNode, Inspection>();

function inspect(document: DocumentNode): Inspection {
  const inspection = inspections.get(document);
  if (inspection) {
    return inspection;
  }
  const found: Inspection = { literal: undefined, usedAt: new Map(), declared: new Set() };
  const path: string[] = [];
  // The segment a node adds to the argument path: an argument's or input field's name, or the
  // index of an element of a list value.
  const segment = (node: ASTNode, key: unknown, ancestors: readonly unknown[]): string | undefined => {
    if (node.kind === Kind.ARGUMENT || node.kind === Kind.OBJECT_FIELD) {
      return node.name.value;
    }
    const owner = ancestors[ancestors.length - 1] as ASTNode | undefined;
    return typeof key === 'number' && owner?.kind === Kind.LIST ? String(key) : undefined;
  };
  visit(document, {
    enter(node, key, _parent, _path, ancestors) {
      const part = segment(node, key, ancestors);
      if (part !== undefined) {
        path.push(part);
      }
      if (node.kind === Kind.VARIABLE_DEFINITION) {
        found.declared.add(node.variable.name.value);
      } else if (node.kind === Kind.VARIABLE && path.length > 0 && !found.usedAt.has(node.name.value)) {
        found.usedAt.set(node.name.value, path.join('.'));
      } else if (
        node.kind === Kind.STRING &&
        found.literal === undefined &&
        UNSTORABLE_TEXT.test(node.value)
      ) {
        found.literal = path.join('.') || 'a string';
      }
    },
    leave(node, key, _parent, _path, ancestors) {
      if (segment(node, key, ancestors) !== undefined) {
        path.pop();
      }
    },
  });
  inspections.set(document, found);
  return found;
}

/** Deeper than any input type of the schema: a value this deep is refused, not walked. */
const MAX_VALUE_DEPTH = 32;

/** The path of the first string that cannot be stored, walking without recursion. */
function findUnstorable(value: unknown, path: string): string | undefined {
  const stack: [unknown, string, number][] = [[value, path, 0]];
  while (stack.length > 0) {
    const [current, at, depth] = stack.pop()!;
    if (typeof current === 'string') {
      if (UNSTORABLE_TEXT.test(current)) {
        return at;
      }
    } else if (current !== null && typeof current === 'object') {
      if (depth >= MAX_VALUE_DEPTH) {
        throw DomainError.badInput(at, 'VALUE_TOO_DEEP', { max: MAX_VALUE_DEPTH });
      }
      const entries = Array.isArray(current)
        ? current.map((v, i) => [String(i), v] as const)
        : Object.entries(current);
      for (let i = entries.length - 1; i >= 0; i--) {
        stack.push([entries[i][1], `${at}.${entries[i][0]}`, depth + 1]);
      }
    }
  }
  return undefined;
}

function unstorable(field: string): DomainError {
  return DomainError.badInput(field, 'UNSTORABLE_TEXT');
}
