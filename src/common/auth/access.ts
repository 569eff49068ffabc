import { Injectable } from '@nestjs/common';
import { DomainError, type NotFoundEntity } from '#src/common/errors/domain-error';
import type { RequestLoaders } from '#src/common/graphql/request-context';
import type { Viewer } from './viewer';

/**
 * Who may see which rows of one kind of entity: given a viewer and ids, the ids it may see, in
 * one query. Each module registers the policy of its entities; everything without a policy is
 * invisible (deny by default).
 */
export interface VisibilityPolicy {
  readonly entityType: string;
  visibleIds(viewer: Viewer | null, ids: readonly string[]): Promise<ReadonlySet<string>>;
}

export const PUBLIC_POLICY = (entityType: string): VisibilityPolicy => ({
  entityType,
  visibleIds: (_viewer, ids) => Promise.resolve(new Set(ids)),
});

@Injectable()
export class Access {
  private readonly policies = new Map<string, VisibilityPolicy>();

  register(policy: VisibilityPolicy): void {
    this.policies.set(policy.entityType, policy);
  }

  /**
   * Whether the viewer may see this entity. Calls made while resolving one request (a page and its
   * nested fields) are batched per entity type into one policy query.
   */
  async canSee(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    entityType: string,
    id: string,
  ): Promise<boolean> {
    const policy = this.policies.get(entityType);
    if (!policy) {
      return false;
    }
    const loader = loaders.get<string, boolean>(`access:${entityType}`, async (ids) => {
      const visible = await policy.visibleIds(viewer, ids);
      return ids.map((candidate) => visible.has(candidate));
    });
    return loader.load(id);
  }

  /** The ids among `ids` that the viewer may see, in their order. */
  async filterVisible(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    entityType: string,
    ids: readonly string[],
  ) {
    const flags = await Promise.all(ids.map((id) => this.canSee(loaders, viewer, entityType, id)));
    return ids.filter((_, i) => flags[i]);
  }

  /** NOT_FOUND unless the viewer may see it: what one may not see does not exist for one. */
  async requireVisible(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    entityType: NotFoundEntity,
    id: string,
    what: NotFoundEntity = entityType,
  ) {
    if (!(await this.canSee(loaders, viewer, entityType, id))) {
      throw DomainError.notFound(what, id);
    }
  }
}
