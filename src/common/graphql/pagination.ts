import { Args, Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '#src/common/errors/domain-error';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  /** Counted when read: a getter, so a query that does not select it costs no count. */
  totalCount: number | Promise<number>;
}

/**
 * The GraphQL connection type of a node type: `Connection(Organisation)` declares
 * OrganisationEdge and is meant to be extended as `class OrganisationConnection`.
 */
export function ConnectionType<T>(node: Type<T>, name = node.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => node)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType({ isAbstract: true })
  abstract class ConnectionBase {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionBase as Type<Connection<T>>;
}

/** The `first` argument of a connection field: `Int = <default>`, as the contract declares it. */
export const FirstArg = (defaultValue: number) =>
  Args('first', { type: () => Int, nullable: true, defaultValue });

/** The `after` argument of a connection field. */
export const AfterArg = () => Args('after', { type: () => String, nullable: true });

/** `first` as the contract says: 0 to 100; more is BAD_USER_INPUT, not silently capped. */
export function checkPageSize(first: number | null, field = 'first'): number {
  if (first === null || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw DomainError.badInput(field, 'PAGE_SIZE_OUT_OF_RANGE', { max: MAX_PAGE_SIZE, got: first });
  }
  return first;
}

export type SortKeyType = 'text' | 'uuid' | 'number';

export interface SortKey<T> {
  /** SQL expression as used in ORDER BY, e.g. "o.key". Must not be NULL for any row. */
  expression: string;
  direction: 'ASC' | 'DESC';
  /** What the cursor must hold for it; anything else is the caller's mistake, not a database error. */
  type: SortKeyType;
  /** The row's value of the expression; `raw` holds selected extras such as a search rank. */
  value: (row: T, raw: Record<string, unknown>) => string | number;
}

export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function fits(value: unknown, type: SortKeyType): boolean {
  switch (type) {
    case 'text':
      return typeof value === 'string';
    case 'uuid':
      return typeof value === 'string' && UUID.test(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
  }
}

export function decodeCursor(cursor: string, types: SortKeyType[], field = 'after'): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === types.length &&
      values.every((v, i) => fits(v, types[i]))
    ) {
      return values as (string | number)[];
    }
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw DomainError.badInput(field, 'INVALID_CURSOR');
}

/**
 * Keyset pagination: the page after a cursor is "rows ordered after these sort values", so rows
 * inserted while a client pages never make it skip or repeat one (unlike OFFSET). The last sort
 * key must be unique (an id) to make the order total, and the query must not join rows that
 * multiply its results (LIMIT counts rows).
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  page: { first: number | null; after?: string | null },
  keys: SortKey<T>[],
  /** Sees each row of the page with its raw columns (e.g. to prime DataLoaders with prefetched relations). */
  onRow?: (node: T, raw: Record<string, unknown>) => void,
): Promise<Connection<T>> {
  const first = checkPageSize(page.first);
  // Counted only when asked for, and without TypeORM's COUNT(DISTINCT id): the query joins nothing.
  const counter = query.clone().orderBy().select('count(*)::int', 'count');
  let counted: Promise<number> | undefined;
  const paged = query.clone();
  if (page.after) {
    const values = decodeCursor(
      page.after,
      keys.map((k) => k.type),
    );
    const alternatives = keys.map((key, i) => {
      const equal = keys.slice(0, i).map((k, j) => `${k.expression} = :ks${j}`);
      const beyond = `${key.expression} ${key.direction === 'ASC' ? '>' : '<'} :ks${i}`;
      return `(${[...equal, beyond].join(' AND ')})`;
    });
    const parameters = Object.fromEntries(values.map((v, i) => [`ks${i}`, v]));
    paged.andWhere(`(${alternatives.join(' OR ')})`, parameters);
  }
  paged.orderBy();
  for (const key of keys) {
    paged.addOrderBy(key.expression, key.direction);
  }
  const { entities, raw } =
    first === 0 ? { entities: [], raw: [] } : await paged.limit(first + 1).getRawAndEntities();
  const hasNextPage = entities.length > first;
  const edges = entities.slice(0, first).map((node, i) => {
    const columns = raw[i] as Record<string, unknown>;
    onRow?.(node, columns);
    return { node, cursor: encodeCursor(keys.map((k) => k.value(node, columns))) };
  });
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null },
    get totalCount() {
      counted ??= counter.getRawOne<{ count: number }>().then((row) => row?.count ?? 0);
      return counted;
    },
  };
}
