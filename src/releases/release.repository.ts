import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { serviceSql, type ServiceFacts } from '#src/catalogue/service.sql';
import type { Viewer } from '#src/common/auth/viewer';
import { paginate, type Connection } from '#src/common/graphql/pagination';
import type { Tx } from '#src/database/transactions';
import { standardSql } from '#src/organisations/organisation.sql';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import { reviewQueueSql } from '#src/qa/qa.access';
import { releaseAccessSql } from './release.access';
import { ReleaseState } from './release-enums';
import { ReleaseEntity } from './release.entity';
import { adoptableSql, REVIEW_STATES, versionColumns } from './release.rules';

/**
 * The one home of the release table's SQL. Other modules read releases through these named
 * reads, or embed the SQL fragments of `releaseSql` in their own statements (a campaign's
 * progress is one statement over targets, releases and subscribers); none of them writes
 * `FROM release` itself. The releases module's own reads and writes are below the first four.
 */
@Injectable()
export class ReleaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Outside any transaction: for reads that change nothing (a preview). */
  get manager(): EntityManager {
    return this.db.manager;
  }

  /** Releases by id (any state); absent ids are missing from the answer. */
  byIds(ids: readonly string[], manager: EntityManager = this.db.manager): Promise<ReleaseEntity[]> {
    return ids.length === 0 ? Promise.resolve([]) : manager.findBy(ReleaseEntity, { id: In([...ids]) });
  }

  /** Every PUBLISHED release (deprecated included) of each of the services. */
  async publishedOf(serviceIds: readonly string[]): Promise<Map<string, ReleaseEntity[]>> {
    const rows = await this.db
      .getRepository(ReleaseEntity)
      .findBy({ serviceId: In([...serviceIds]), state: ReleaseState.PUBLISHED });
    const byService = new Map<string, ReleaseEntity[]>(serviceIds.map((id) => [id, []]));
    for (const row of rows) {
      byService.get(row.serviceId)?.push(row);
    }
    return byService;
  }

  /**
   * The service's PUBLISHED releases inside a transaction. `lock: 'share'` (FOR SHARE) holds them
   * until commit: a deprecation (FOR UPDATE) waits, so a check made on them still holds at commit.
   */
  publishedIn(manager: EntityManager, serviceId: string, lock?: 'share'): Promise<ReleaseEntity[]> {
    return manager.find(ReleaseEntity, {
      where: { serviceId, state: ReleaseState.PUBLISHED },
      ...(lock === 'share' ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
  }

  /** Each service's latest release: the highest PUBLISHED that is neither a pre-release nor deprecated. */
  async latestPublished(serviceIds: readonly string[]): Promise<Map<string, ReleaseEntity>> {
    const rows = await this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.service_id'])
      .where('r.service_id IN (:...ids)', { ids: serviceIds })
      .andWhere(`${adoptableSql('r')} AND r.prerelease IS NULL`)
      .orderBy('r.service_id')
      .addOrderBy('r.major', 'DESC')
      .addOrderBy('r.minor', 'DESC')
      .addOrderBy('r.patch', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.serviceId, row]));
  }

  /** Each service's adoptable releases (`isAdoptable`: PUBLISHED, not deprecated): what subscriptions target. */
  async adoptableOf(serviceIds: readonly string[]): Promise<Map<string, ReleaseEntity[]>> {
    const rows = await this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.service_id = ANY(:ids::uuid[])', { ids: [...serviceIds] })
      .andWhere(adoptableSql('r'))
      .getMany();
    const byService = new Map<string, ReleaseEntity[]>(serviceIds.map((id) => [id, []]));
    for (const row of rows) {
      byService.get(row.serviceId)?.push(row);
    }
    return byService;
  }

  /** The service's adoptable releases inside a transaction; `share` locks them as `publishedIn` does. */
  adoptableIn(manager: EntityManager, serviceId: string, lock?: 'share'): Promise<ReleaseEntity[]> {
    const query = manager
      .createQueryBuilder(ReleaseEntity, 'r')
      .where('r.service_id = :serviceId', { serviceId })
      .andWhere(adoptableSql('r'));
    return (lock === 'share' ? query.setLock('pessimistic_read') : query).getMany();
  }

  // ------------------------------------------------------------------ the releases module's own

  /** The ids among `ids` (uuids) the viewer may see (`maySeeRelease`). */
  async visibleIds(viewer: Viewer | null, ids: readonly string[]): Promise<Set<string>> {
    const rows: { id: string }[] = await this.db
      .createQueryBuilder(ReleaseEntity, 'r')
      .select('r.id', 'id')
      .where('r.id = ANY(:ids::uuid[])', { ids: [...ids] })
      .andWhere(releaseAccessSql.visible(viewer, 'r', ':org'), { org: releaseAccessSql.org(viewer) })
      .getRawMany();
    return new Set(rows.map((row) => row.id));
  }

  /** A page of the service's releases that the viewer may see, newest first. */
  pageForService(
    viewer: Viewer | null,
    serviceId: string,
    page: { first: number | null; after: string | null },
  ): Promise<Connection<ReleaseEntity>> {
    const query = this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.service_id = :serviceId', { serviceId })
      .andWhere(releaseAccessSql.visible(viewer, 'r', ':org'), { org: releaseAccessSql.org(viewer) });
    return paginate(query, page, [
      {
        expression: 'r.created_at',
        direction: 'DESC',
        type: 'text',
        value: (r) => r.createdAt.toISOString(),
      },
      { expression: 'r.id', direction: 'DESC', type: 'uuid', value: (r) => r.id },
    ]);
  }

  /** Locks the release (FOR UPDATE): transitions of one release take turns. Null when there is none. */
  lock(tx: Tx, id: string): Promise<ReleaseEntity | null> {
    return tx.manager.findOne(ReleaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** Locks the release (FOR UPDATE) and answers whether the viewer may see and change it. */
  async lockForOwner(
    tx: Tx,
    viewer: Viewer,
    id: string,
  ): Promise<{ release: ReleaseEntity; visible: boolean; changeable: boolean } | null> {
    const { entities, raw } = await tx.manager
      .createQueryBuilder(ReleaseEntity, 'r')
      .addSelect(releaseAccessSql.visible(viewer, 'r', ':org'), 'visible')
      .addSelect(releaseAccessSql.changeable(viewer, 'r', ':org'), 'changeable')
      .where('r.id = :id', { id, org: releaseAccessSql.org(viewer) })
      .setLock('pessimistic_write', undefined, ['r'])
      .getRawAndEntities<{ visible: boolean; changeable: boolean }>();
    if (entities.length === 0) {
      return null;
    }
    return { release: entities[0], visible: raw[0].visible, changeable: raw[0].changeable };
  }

  async insert(tx: Tx, release: ReleaseEntity): Promise<void> {
    await tx.manager.insert(ReleaseEntity, release);
  }

  /** Inserts unless the service has the version already (ON CONFLICT DO NOTHING); the new id, or null. */
  async insertUnlessExists(tx: Tx, release: ReleaseEntity): Promise<string | null> {
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ReleaseEntity)
      .values(release)
      .orIgnore()
      .returning(['id'])
      .execute();
    const rows = inserted.raw as { id: string }[];
    return rows.length === 0 ? null : rows[0].id;
  }

  async update(manager: EntityManager, id: string, patch: Partial<ReleaseEntity>): Promise<void> {
    await manager.update(ReleaseEntity, { id }, patch);
  }

  /** The interfaces of the baseline a new version of the service would have (none: null). */
  async baselineInterfaces(
    manager: EntityManager,
    serviceId: string,
    version: string,
  ): Promise<ReleaseEntity['interfaces'] | null> {
    return (await this.baselineFor(manager, serviceId, version))?.interfaces ?? null;
  }

  /** Each release's baseline: the highest PUBLISHED non-pre-release of its service with a lower version. */
  async baselines(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ReleaseEntity>> {
    const rows: { for_id: string; id: string }[] = await manager.query(
      `SELECT r.id AS for_id, b.id
         FROM release r
         JOIN LATERAL (
           SELECT b.id FROM release b
            WHERE b.service_id = r.service_id AND b.state = 'PUBLISHED' AND b.prerelease IS NULL
              AND (b.major, b.minor, b.patch) < (r.major, r.minor, r.patch)
            ORDER BY b.major DESC, b.minor DESC, b.patch DESC
            LIMIT 1) b ON true
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) {
      return new Map();
    }
    const baselines = await this.byIds(
      rows.map((row) => row.id),
      manager,
    );
    const byId = new Map(baselines.map((b) => [b.id, b]));
    return new Map(rows.map((row) => [row.for_id, byId.get(row.id)!]));
  }

  /** The baseline a release of `version` would have (for a preview): the same rule as `baselines`. */
  async baselineFor(
    manager: EntityManager,
    serviceId: string,
    version: string,
  ): Promise<ReleaseEntity | null> {
    const { major, minor, patch } = versionColumns(version);
    const rows: { id: string }[] = await manager.query(
      `SELECT b.id FROM release b
        WHERE b.service_id = $1 AND b.state = 'PUBLISHED' AND b.prerelease IS NULL
          AND (b.major, b.minor, b.patch) < ($2, $3, $4)
        ORDER BY b.major DESC, b.minor DESC, b.patch DESC
        LIMIT 1`,
      [serviceId, major, minor, patch],
    );
    return rows.length === 0 ? null : ((await this.byIds([rows[0].id], manager))[0] ?? null);
  }

  /**
   * For the Atom feed (release-feed.ts): the service's PUBLISHED releases (deprecated included),
   * the `limit` whose latest event (publication or deprecation) is newest first. The feed's newest
   * `limit` entries all come from these.
   */
  feedReleases(serviceId: string, limit: number): Promise<ReleaseEntity[]> {
    return this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.service_id = :serviceId', { serviceId })
      .andWhere('r.state = :state', { state: ReleaseState.PUBLISHED })
      .orderBy(`greatest(r.published_at, (r.deprecation ->> 'at')::timestamptz)`, 'DESC')
      .addOrderBy('r.id', 'DESC')
      .limit(limit)
      .getMany();
  }

  /** The service's release of `version`, if there is one (visibility is the caller's). */
  async byVersion(serviceId: string, version: string): Promise<ReleaseEntity | null> {
    return this.db.getRepository(ReleaseEntity).findOneBy({ serviceId, version });
  }

  /**
   * Releases in review with a gate of the reviewer's kinds that it may sign (qa.access.ts,
   * `reviewQueueSql`: not its own, not yet signed by it), oldest submission first.
   */
  reviewCandidates(kinds: readonly QaGateKind[], reviewerSubject: string): Promise<ReleaseEntity[]> {
    return this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.state IN (:...states)', { states: REVIEW_STATES })
      .andWhere(reviewQueueSql('r', ':...kinds', ':me'), { kinds, me: reviewerSubject })
      .orderBy('r.submitted_at', 'ASC')
      .addOrderBy('r.id')
      .getMany();
  }

  /** The service a release belongs to, through the catalogue's fragment; `lock` holds its row until commit. */
  async serviceFacts(
    manager: EntityManager,
    serviceId: string,
    lock?: 'share' | 'update',
  ): Promise<ServiceFacts | null> {
    const [row]: ServiceFacts[] = await manager.query(serviceSql.facts('$1', lock), [serviceId]);
    return row ?? null;
  }

  /** The keys among these that name a registered interface standard. */
  async knownStandards(manager: EntityManager, keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) {
      return new Set();
    }
    const rows: { key: string }[] = await manager.query(standardSql.knownKeys('$1::text[]'), [keys]);
    return new Set(rows.map((row) => row.key));
  }

  // ------------------------------------------------------------------ the demo's natural keys

  /** "<service slug>@<version>" of every release (the seeder adds only what is missing). */
  async demoKeys(): Promise<Set<string>> {
    const rows: { k: string }[] = await this.db.query(
      `SELECT ${serviceSql.slugOf('r.service_id')} || '@' || r.version AS k FROM release r`,
    );
    return new Set(rows.map((row) => row.k));
  }

  /** The id of the service's release with this version, or null. */
  async idOfVersion(serviceSlug: string, version: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.db.query(
      `SELECT r.id FROM release r WHERE r.service_id = ${serviceSql.idBySlug('$1')} AND r.version = $2`,
      [serviceSlug, version],
    );
    return row?.id ?? null;
  }
}

/**
 * SQL fragments over the release table for other modules' statements. Each takes the SQL
 * expressions it compares with and answers a condition or a sub-select; parameters stay with the
 * caller. Kept beside the repository so that every release query is reviewable in this file.
 */
export const releaseSql = {
  /** Condition: the service has at least one PUBLISHED release. */
  anyPublished: (serviceId: string) =>
    `EXISTS (SELECT 1 FROM release r WHERE r.service_id = ${serviceId} AND r.state = 'PUBLISHED')`,

  /** Scalar sub-select: the interfaces (jsonb) of the service's latest release. */
  latestInterfaces: (serviceId: string) =>
    `(SELECT r.interfaces FROM release r
       WHERE r.service_id = ${serviceId} AND ${adoptableSql('r')} AND r.prerelease IS NULL
       ORDER BY r.major DESC, r.minor DESC, r.patch DESC LIMIT 1)`,

  /** Condition: one of the releases the sub-select yields (ids) is PUBLISHED. */
  anyPublishedAmong: (releaseIds: string) =>
    `EXISTS (SELECT 1 FROM release r WHERE r.id IN (${releaseIds}) AND r.state = 'PUBLISHED')`,

  /** A LATERAL body: the earliest PUBLISHED release among the ids the sub-select yields (all columns). */
  earliestPublishedAmong: (releaseIds: string) =>
    `SELECT r.* FROM release r WHERE r.id IN (${releaseIds}) AND r.state = 'PUBLISHED'
      ORDER BY r.published_at, r.id LIMIT 1`,

  /**
   * Condition: the service's release named `version` is at least the release row `min` (an alias
   * with the SemVer columns) in SemVer precedence: major, minor, patch, then a release above its
   * pre-releases, then the pre-release identifiers (encoded to sort by precedence).
   */
  versionAtLeast: (serviceId: string, version: string, min: string) =>
    `EXISTS (SELECT 1 FROM release d WHERE d.service_id = ${serviceId} AND d.version = ${version}
               AND (d.major, d.minor, d.patch, d.prerelease IS NULL, coalesce(d.prerelease, '{}'))
                   >= (${min}.major, ${min}.minor, ${min}.patch, ${min}.prerelease IS NULL, coalesce(${min}.prerelease, '{}')))`,
};
