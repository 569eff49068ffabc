import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ReleaseState } from './release-enums';
import { ReleaseEntity } from './release.entity';

/**
 * The one home of the release table's SQL. Other modules read releases through these named
 * reads, or embed the SQL fragments of `releaseSql` in their own statements (a campaign's
 * progress is one statement over targets, releases and subscribers); none of them writes
 * `FROM release` itself.
 */
@Injectable()
export class ReleaseRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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
      .andWhere(`r.state = 'PUBLISHED' AND r.prerelease IS NULL AND r.deprecation IS NULL`)
      .orderBy('r.service_id')
      .addOrderBy('r.major', 'DESC')
      .addOrderBy('r.minor', 'DESC')
      .addOrderBy('r.patch', 'DESC')
      .getMany();
    return new Map(rows.map((row) => [row.serviceId, row]));
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
       WHERE r.service_id = ${serviceId} AND r.state = 'PUBLISHED' AND r.prerelease IS NULL AND r.deprecation IS NULL
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
