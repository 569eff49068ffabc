import DataLoader from 'dataloader';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * DataLoaders live for one request: they batch the lookups of one page into one statement and
 * never serve another caller's data. Created lazily by name, so a module adds a loader without
 * touching a central factory.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 1000 });
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

export interface RequestContext {
  req: FastifyRequest;
  reply: FastifyReply;
  loaders: RequestLoaders;
}

export function createRequestContext(req: FastifyRequest, reply: FastifyReply): RequestContext {
  return { req, reply, loaders: new RequestLoaders() };
}

/** A DataLoader batch answer: for each key, the row whose `keyOf` equals it, or null. */
export function inKeyOrder<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? null);
}
