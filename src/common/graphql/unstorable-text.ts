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
  const { literal, usedAt } = inspect(document);
  if (literal) {
    throw unstorable(literal);
  }
  for (const [name, value] of Object.entries(variables ?? {})) {
    const found = findUnstorable(value, usedAt.get(name) ?? `$${name}`);
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
}

const inspections = new WeakMap<DocumentNode, Inspection>();

function inspect(document: DocumentNode): Inspection {
  const inspection = inspections.get(document);
  if (inspection) {
    return inspection;
  }
  const found: Inspection = { literal: undefined, usedAt: new Map() };
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
      if (node.kind === Kind.VARIABLE && path.length > 0 && !found.usedAt.has(node.name.value)) {
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

function findUnstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') {
    return UNSTORABLE_TEXT.test(value) ? path : undefined;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorable(value[i], `${path}.${i}`);
      if (found) {
        return found;
      }
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = findUnstorable(inner, `${path}.${key}`);
      if (found) {
        return found;
      }
    }
  }
  return undefined;
}

function unstorable(field: string): DomainError {
  return DomainError.badInput(
    field,
    'contains a NUL character or an unpaired surrogate, which cannot be stored; remove it',
  );
}
