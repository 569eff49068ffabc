import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { normSql, serviceSql } from '#src/catalogue/service.sql';
import type { ThreePoint } from '#src/common/estimates/three-point';
import { paginate } from '#src/common/graphql/pagination';
import { releaseSql } from '#src/releases/release.repository';
import { subscriptionSql } from '#src/subscriptions/subscription.sql';
import { CampaignEntity, CampaignTargetEntity, CampaignTargetExclusionEntity } from './campaign.entity';
import { CampaignState } from './campaign.rules';

/** A target as its one statement reads it: the stored columns and the facts its state is derived from. */
export interface TargetRecord {
  id: string;
  campaignId: string;
  serviceId: string;
  addedAt: Date;
  excludedAt: Date | null;
  exclusionReason: string | null;
  plannedReleaseDate: string | null;
  assignee: string | null;
  estimate: ThreePoint | null;
  /** The earliest PUBLISHED fulfilling release, its version, and when it was published. */
  releaseId: string | null;
  releaseVersion: string | null;
  publishedAt: Date | null;
  subscribersTotal: number;
  subscribersCompliant: number;
  effectiveDate: string;
  exclusions: { from: Date; until: Date | null }[];
}

interface TargetRow {
  id: string;
  campaign_id: string;
  service_id: string;
  added_at: Date;
  excluded_at: Date | null;
  exclusion_reason: string | null;
  planned_release_date: string | null;
  assignee: string | null;
  estimate: ThreePoint | null;
  release_id: string | null;
  release_version: string | null;
  published_at: Date | null;
  subscribers_total: number;
  subscribers_compliant: number;
  effective_date: string;
  exclusions: { from: string; until: string | null }[];
}

/**
 * Which targets a read is about: those of campaigns, one target, or the targets of ACTIVE
 * campaigns on these services that are not excluded (what affects the services' subscribers).
 */
export type TargetFilter =
  { campaignIds: readonly string[] } | { targetId: string } | { affectingServices: readonly string[] };

/**
 * The one home of the SQL over campaign, campaign_target, campaign_target_exclusion and
 * campaign_fulfilment. Effort and the GitHub integration read targets through its named reads
 * and the `campaignSql` fragments below; the catalogue's, releases' and subscriptions' tables
 * are reached through their owners' fragments.
 */
@Injectable()
export class CampaignRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The ACTIVE campaigns (the notifications' deadline reminders look at them every few minutes). */
  active(): Promise<CampaignEntity[]> {
    return this.db.manager.findBy(CampaignEntity, { state: CampaignState.ACTIVE });
  }

  byIds(ids: readonly string[]): Promise<CampaignEntity[]> {
    return this.db.getRepository(CampaignEntity).findBy({ id: In([...ids]) });
  }

  /** A page of campaigns, newest first, optionally in one state. */
  page(state: CampaignState | null, first: number | null, after: string | null) {
    const query = this.db.getRepository(CampaignEntity).createQueryBuilder('c');
    if (state) {
      query.where('c.state = :state', { state });
    }
    return paginate(query, { first, after }, [
      {
        expression: 'c.created_at',
        direction: 'DESC',
        type: 'text',
        value: (c) => c.createdAt.toISOString(),
      },
      { expression: 'c.id', direction: 'DESC', type: 'uuid', value: (c) => c.id },
    ]);
  }

  /**
   * The targets with the facts of their state and burndown, in one statement: the earliest
   * PUBLISHED fulfilling release, and the service's ACTIVE subscribers, all of them and those
   * whose deployed version is at least the fulfilling one (SemVer order by the columns).
   */
  async targets(filter: TargetFilter, manager: EntityManager = this.db.manager): Promise<TargetRecord[]> {
    const [where, params] =
      'targetId' in filter
        ? ['t.id = $1', [filter.targetId]]
        : 'affectingServices' in filter
          ? [
              `t.service_id = ANY($1::uuid[]) AND c.state = 'ACTIVE' AND t.excluded_at IS NULL`,
              [filter.affectingServices],
            ]
          : ['t.campaign_id = ANY($1::uuid[])', [filter.campaignIds]];
    const rows: TargetRow[] = await manager.query(
      `SELECT t.*, c.effective_date::text AS effective_date, t.planned_release_date::text AS planned_release_date,
              f.id AS release_id, f.version AS release_version, f.published_at,
              (SELECT coalesce(json_agg(json_build_object('from', e.excluded_at, 'until', e.included_at) ORDER BY e.excluded_at), '[]')
                 FROM campaign_target_exclusion e WHERE e.target_id = t.id) AS exclusions,
              subs.total AS subscribers_total, subs.compliant AS subscribers_compliant
         FROM campaign_target t
         JOIN campaign c ON c.id = t.campaign_id
         LEFT JOIN LATERAL (
           ${releaseSql.earliestPublishedAmong('SELECT cf.release_id FROM campaign_fulfilment cf WHERE cf.target_id = t.id')}) f ON true
         -- One pass over the service's ACTIVE subscribers: all of them, and those at or above the fulfilling version.
         LEFT JOIN LATERAL (
           ${subscriptionSql.activeCounts(
             't.service_id',
             (deployed) => `f.id IS NOT NULL AND ${releaseSql.versionAtLeast('t.service_id', deployed, 'f')}`,
           )}) subs ON true
        WHERE ${where}
        ORDER BY t.added_at, t.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      campaignId: row.campaign_id,
      serviceId: row.service_id,
      addedAt: row.added_at,
      excludedAt: row.excluded_at,
      exclusionReason: row.exclusion_reason,
      plannedReleaseDate: row.planned_release_date,
      assignee: row.assignee,
      estimate: row.estimate,
      releaseId: row.release_id,
      releaseVersion: row.release_version,
      publishedAt: row.published_at,
      subscribersTotal: row.subscribers_total,
      subscribersCompliant: row.subscribers_compliant,
      effectiveDate: row.effective_date,
      exclusions: row.exclusions.map((e) => ({
        from: new Date(e.from),
        until: e.until ? new Date(e.until) : null,
      })),
    }));
  }

  /** The (release, campaign) pairs of the releases that fulfil targets. */
  fulfilments(releaseIds: readonly string[]): Promise<{ release_id: string; campaign_id: string }[]> {
    return this.db.query(
      `SELECT DISTINCT f.release_id, t.campaign_id FROM campaign_fulfilment f JOIN campaign_target t ON t.id = f.target_id
        WHERE f.release_id = ANY($1::uuid[])`,
      [releaseIds],
    );
  }

  // ------------------------------------------------------------------ in a transaction

  /** The campaign, locked FOR UPDATE until commit; null when absent. */
  lock(manager: EntityManager, id: string): Promise<CampaignEntity | null> {
    return manager.findOne(CampaignEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The target, locked FOR UPDATE until commit, with its service's owner; null when absent. */
  async lockTarget(
    manager: EntityManager,
    id: string,
  ): Promise<(CampaignTargetEntity & { serviceOwnerId: string }) | null> {
    const target = await manager.findOne(CampaignTargetEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!target) {
      return null;
    }
    const [service]: { owner_id: string }[] = await manager.query(serviceSql.byIds('ARRAY[$1]::uuid[]'), [
      target.serviceId,
    ]);
    return Object.assign(target, { serviceOwnerId: service.owner_id });
  }

  /** The norm a campaign is opened for, by its exact abbreviation. */
  async normByAbbreviation(manager: EntityManager, abbreviation: string) {
    const [norm]: { id: string; abbreviation: string }[] = await manager.query(normSql.byAbbreviation('$1'), [
      abbreviation,
    ]);
    return norm ?? null;
  }

  /** The legal bases that cite the norm: the candidates for the campaign's targets. */
  basesCiting(
    manager: EntityManager,
    normId: string,
  ): Promise<{ service_id: string; provision: string | null }[]> {
    return manager.query(serviceSql.basesCiting('$1'), [normId]);
  }

  /** A service a target may be added for (id and slug); null when absent. */
  async service(manager: EntityManager, id: string): Promise<{ id: string; slug: string } | null> {
    const [service]: { id: string; slug: string }[] = await manager.query(
      serviceSql.byIds('ARRAY[$1]::uuid[]'),
      [id],
    );
    return service ?? null;
  }

  /** The slugs of the services, by id. */
  async serviceSlugs(
    manager: EntityManager = this.db.manager,
    ids: readonly string[],
  ): Promise<Map<string, string>> {
    const rows: { id: string; slug: string }[] = await manager.query(serviceSql.byIds('$1::uuid[]'), [ids]);
    return new Map(rows.map((row) => [row.id, row.slug]));
  }

  /** A new campaign; answers it with its id. */
  async insert(manager: EntityManager, fields: Omit<CampaignEntity, 'id' | 'norm'>): Promise<CampaignEntity> {
    const campaign = manager.create(CampaignEntity, fields);
    await manager.insert(CampaignEntity, campaign);
    return campaign;
  }

  /** New targets of the services; their ids, in the services' order. */
  async insertTargets(
    manager: EntityManager,
    campaignId: string,
    serviceIds: readonly string[],
    now: Date,
  ): Promise<string[]> {
    const inserted = await manager.insert(
      CampaignTargetEntity,
      serviceIds.map((serviceId) => ({ campaignId, serviceId, addedAt: now })),
    );
    return inserted.identifiers.map((row) => row.id as string);
  }

  async close(
    manager: EntityManager,
    id: string,
    patch: Pick<CampaignEntity, 'state' | 'closedAt'> & Partial<Pick<CampaignEntity, 'cancellationReason'>>,
  ): Promise<void> {
    await manager.update(CampaignEntity, { id }, patch);
  }

  /** Excludes the target, and starts the exclusion the burndown replays. */
  async exclude(manager: EntityManager, targetId: string, reason: string, now: Date): Promise<void> {
    await manager.update(
      CampaignTargetEntity,
      { id: targetId },
      { excludedAt: now, exclusionReason: reason },
    );
    await manager.insert(CampaignTargetExclusionEntity, {
      targetId,
      excludedAt: now,
      includedAt: null,
      reason,
    });
  }

  /** Includes the target again, and ends its running exclusion. */
  async include(manager: EntityManager, targetId: string, now: Date): Promise<void> {
    await manager.update(CampaignTargetEntity, { id: targetId }, { excludedAt: null, exclusionReason: null });
    await manager.query(
      'UPDATE campaign_target_exclusion SET included_at = $2 WHERE target_id = $1 AND included_at IS NULL',
      [targetId, now],
    );
  }

  async plan(
    manager: EntityManager,
    targetId: string,
    plan: Pick<CampaignTargetEntity, 'plannedReleaseDate' | 'assignee' | 'estimate'>,
  ): Promise<void> {
    await manager.update(CampaignTargetEntity, { id: targetId }, plan);
  }

  /** The release fulfils the target (once: linking twice changes nothing). */
  async link(manager: EntityManager, targetId: string, releaseId: string, now: Date): Promise<void> {
    await manager.query(
      'INSERT INTO campaign_fulfilment (target_id, release_id, linked_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [targetId, releaseId, now],
    );
  }

  /**
   * The campaign's target of the service, with the campaign's state; FOR SHARE on the campaign:
   * completing or cancelling it waits for the caller's transaction.
   */
  async targetOfServiceShared(
    manager: EntityManager,
    campaignId: string,
    serviceId: string,
  ): Promise<{ id: string; state: CampaignState } | null> {
    const [target]: { id: string; state: CampaignState }[] = await manager.query(
      `SELECT t.id, c.state FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
        WHERE t.campaign_id = $1 AND t.service_id = $2 FOR SHARE OF c`,
      [campaignId, serviceId],
    );
    return target ?? null;
  }

  // ------------------------------------------------------------------ named reads for effort

  /** A target (id, service), for effort recorded on it; null when absent. */
  targetById(manager: EntityManager, id: string): Promise<CampaignTargetEntity | null> {
    return manager.findOneBy(CampaignTargetEntity, { id });
  }

  /**
   * The owner's planned targets with an estimate and a planned release date in the period: not
   * excluded, of campaigns not cancelled; by planned date, then service slug.
   */
  plannedOfOwner(
    ownerId: string,
    from: string,
    to: string,
  ): Promise<
    { id: string; service_id: string; slug: string; title: string; planned: string; estimate: ThreePoint }[]
  > {
    return this.db.query(
      `SELECT t.id, t.service_id, ${serviceSql.slugOf('t.service_id')} AS slug, c.title,
              t.planned_release_date::text AS planned, t.estimate
         FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
        WHERE ${serviceSql.ownedBy('t.service_id', '$1')} AND t.planned_release_date BETWEEN $2 AND $3
          AND t.estimate IS NOT NULL AND t.excluded_at IS NULL AND c.state <> 'CANCELLED'
        ORDER BY t.planned_release_date, slug`,
      [ownerId, from, to],
    );
  }
}

/** Fragments over the campaign tables for the statements of effort and the GitHub integration. */
export const campaignSql = {
  /**
   * A select: the owner's finished targets (a PUBLISHED release fulfils them) with an estimate,
   * not excluded (id, estimate).
   */
  finishedWithEstimate: (ownerId: string) =>
    `SELECT t.id, t.estimate FROM campaign_target t
      WHERE ${serviceSql.ownedBy('t.service_id', ownerId)} AND t.estimate IS NOT NULL AND t.excluded_at IS NULL
        AND ${releaseSql.anyPublishedAmong('SELECT f.release_id FROM campaign_fulfilment f WHERE f.target_id = t.id')}`,

  /** A select: the targets (target_id, service_id) among a uuid[] expression. */
  targetServices: (targetIds: string) =>
    `SELECT t.id AS target_id, t.service_id FROM campaign_target t WHERE t.id = ANY(${targetIds})`,

  /** Scalar sub-select: the campaign of the target. */
  campaignOf: (targetId: string) => `(SELECT t.campaign_id FROM campaign_target t WHERE t.id = ${targetId})`,

  /**
   * A LATERAL body: what a target's issue tells (campaign_id, campaign_title, campaign_description,
   * campaign_state, provisions, effective_date, amendment, excluded_at, norm_id, service_id).
   */
  issueFacts: (targetId: string) =>
    `SELECT c.id AS campaign_id, c.title AS campaign_title, c.description AS campaign_description,
            c.state AS campaign_state, c.provisions, c.effective_date::text AS effective_date, c.amendment,
            t.excluded_at, c.norm_id, t.service_id
       FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id WHERE t.id = ${targetId}`,
};
