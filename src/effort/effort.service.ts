import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignTargetEntity } from '#src/campaigns/campaign.entity';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { Role } from '#src/common/auth/role';
import { actorOf, actsFor, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { paginate } from '#src/common/graphql/pagination';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions } from '#src/database/transactions';
import { OrganisationEntity } from '#src/organisations/organisation.entity';
import { releaseSql } from '#src/releases/release.repository';
import { EffortEntryEntity } from './effort-entry.entity';
import { PlanItemKind, type MaintenancePlan, type PlanItem, type RecordEffortInput } from './effort.model';
import {
  calibrationFactor,
  inclusiveDays,
  pert,
  planFigures,
  proRata,
  sum,
  threePointProblem,
  type ThreePoint,
} from './effort.rules';

export interface PlanRow extends PlanItem {
  serviceSlug: string;
  campaignTitle: string | null;
  plannedReleaseDate: string | null;
}

@Injectable()
export class EffortService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  async setBaseline(viewer: Viewer, serviceId: string, estimate: ThreePoint): Promise<OnlineServiceEntity> {
    const problem = threePointProblem(estimate);
    if (problem) {
      throw DomainError.badInput('estimate', problem);
    }
    const baseline = {
      optimisticHours: estimate.optimisticHours,
      likelyHours: estimate.likelyHours,
      pessimisticHours: estimate.pessimisticHours,
    };
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.ownedService(
        viewer,
        serviceId,
        tx.manager.getRepository(OnlineServiceEntity),
        true,
      );
      await tx.manager.update(
        OnlineServiceEntity,
        { id: service.id },
        { maintenanceBaseline: baseline, updatedAt: tx.now },
      );
      tx.audit('service.setMaintenanceBaseline', 'OnlineService', service.id, baseline);
      return Object.assign(service, { maintenanceBaseline: baseline, updatedAt: tx.now });
    });
  }

  async record(viewer: Viewer, input: RecordEffortInput): Promise<EffortEntryEntity> {
    if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24) {
      throw DomainError.badInput('input.hours', 'must be more than 0 and at most 24 per entry');
    }
    if (Math.round(input.hours * 100) / 100 !== input.hours) {
      throw DomainError.badInput('input.hours', 'has at most two decimals (hours are kept to the hundredth)');
    }
    if (!isCalendarDate(input.date) || input.date > this.clock.today()) {
      throw DomainError.badInput('input.date', `must be a date today (${this.clock.today()}) or earlier`);
    }
    const note = input.note?.trim() || null;
    if (note && note.length > 2_000) {
      throw DomainError.badInput('input.note', 'must be at most 2000 characters');
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.ownedService(
        viewer,
        input.serviceId,
        tx.manager.getRepository(OnlineServiceEntity),
        false,
      );
      let campaignTargetId: string | null = null;
      if (input.campaignTargetId) {
        const target = isUuid(input.campaignTargetId)
          ? await tx.manager.findOneBy(CampaignTargetEntity, { id: input.campaignTargetId })
          : null;
        if (!target || target.serviceId !== service.id) {
          throw DomainError.badInput('input.campaignTargetId', 'is not a campaign target of this service');
        }
        campaignTargetId = target.id;
      }
      const entry = tx.manager.create(EffortEntryEntity, {
        serviceId: service.id,
        campaignTargetId,
        hours: input.hours,
        date: input.date,
        note,
        recordedBy: {
          subject: viewer.subject,
          name: viewer.name,
          organisation: viewer.organisation?.key ?? null,
        },
        createdAt: tx.now,
      });
      await tx.manager.insert(EffortEntryEntity, entry);
      tx.audit('effort.record', 'OnlineService', service.id, {
        entry: entry.id,
        hours: input.hours,
        date: input.date,
        campaignTargetId,
      });
      return entry;
    });
  }

  async entries(viewer: Viewer, serviceId: string, first: number | null, after: string | null) {
    const service = await this.ownedService(
      viewer,
      serviceId,
      this.db.getRepository(OnlineServiceEntity),
      false,
    );
    const query = this.db
      .getRepository(EffortEntryEntity)
      .createQueryBuilder('e')
      .where('e.service_id = :id', { id: service.id });
    return paginate(query, { first, after }, [
      { expression: 'e.date', direction: 'DESC', type: 'text', value: (e) => e.date },
      { expression: 'e.id', direction: 'DESC', type: 'uuid', value: (e) => e.id },
    ]);
  }

  /** The plan of an owner for a period (domain.md, "Effort"), with its items for the CSV. */
  async plan(
    viewer: Viewer,
    ownerKey: string,
    from: string,
    to: string,
  ): Promise<MaintenancePlan & { rows: PlanRow[]; standardDeviationHours: number }> {
    if (from > to) {
      throw DomainError.badInput('from', `must not be after to (${from} > ${to})`);
    }
    const days = inclusiveDays(from, to);
    // At most five calendar years: to is before from + 5 years.
    const limit = new Date(`${from}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 5);
    if (to >= limit.toISOString().slice(0, 10)) {
      throw DomainError.badInput('to', 'the period may be at most 5 years');
    }
    const owner = await this.db.getRepository(OrganisationEntity).findOneBy({ key: ownerKey });
    if (!owner) {
      throw DomainError.notFound('Organisation', ownerKey);
    }
    if (!actsFor(viewer, owner.id, Role.MAINTAINER)) {
      throw DomainError.forbidden(
        `Only ${ownerKey}'s MAINTAINERs and OPERATORs may read its maintenance plan`,
      );
    }
    const services = await this.db
      .getRepository(OnlineServiceEntity)
      .find({ where: { ownerId: owner.id }, order: { slug: 'ASC' } });
    const rows: PlanRow[] = [];
    for (const service of services) {
      if (!service.maintenanceBaseline) {
        continue;
      }
      rows.push({
        kind: PlanItemKind.BASELINE,
        serviceId: service.id,
        campaignTargetId: null,
        ...pert(proRata(service.maintenanceBaseline, days)),
        serviceSlug: service.slug,
        campaignTitle: null,
        plannedReleaseDate: null,
      });
    }
    const targets: {
      id: string;
      service_id: string;
      slug: string;
      title: string;
      planned: string;
      estimate: ThreePoint;
    }[] = await this.db.query(
      `SELECT t.id, t.service_id, s.slug, c.title, t.planned_release_date::text AS planned, t.estimate
         FROM campaign_target t JOIN online_service s ON s.id = t.service_id JOIN campaign c ON c.id = t.campaign_id
        WHERE s.owner_id = $1 AND t.planned_release_date BETWEEN $2 AND $3 AND t.estimate IS NOT NULL
          AND t.excluded_at IS NULL AND c.state <> 'CANCELLED'
        ORDER BY t.planned_release_date, s.slug`,
      [owner.id, from, to],
    );
    for (const t of targets) {
      rows.push({
        kind: PlanItemKind.CAMPAIGN,
        serviceId: t.service_id,
        campaignTargetId: t.id,
        ...pert(t.estimate),
        serviceSlug: t.slug,
        campaignTitle: t.title,
        plannedReleaseDate: t.planned,
      });
    }
    const factor = calibrationFactor(await this.finishedWork(owner.id));
    const figures = planFigures(
      sum(rows),
      factor,
      days,
      this.config.effort.hoursPerFteYear,
      this.config.effort.hourlyRateEur,
    );
    return { ownerId: owner.id, from, to, items: rows, rows, calibrationFactor: factor, ...figures };
  }

  /** The owner's finished targets (RELEASED or ROLLED_OUT) with an estimate and recorded hours. */
  private async finishedWork(ownerId: string): Promise<{ expectedHours: number; actualHours: number }[]> {
    const rows: { estimate: ThreePoint; actual: string }[] = await this.db.query(
      `SELECT t.estimate, (SELECT sum(e.hours) FROM effort_entry e WHERE e.campaign_target_id = t.id) AS actual
         FROM campaign_target t JOIN online_service s ON s.id = t.service_id
        WHERE s.owner_id = $1 AND t.estimate IS NOT NULL AND t.excluded_at IS NULL
          AND EXISTS (SELECT 1 FROM effort_entry e WHERE e.campaign_target_id = t.id)
          AND ${releaseSql.anyPublishedAmong('SELECT f.release_id FROM campaign_fulfilment f WHERE f.target_id = t.id')}`,
      [ownerId],
    );
    return rows.map((row) => ({
      expectedHours: pert(row.estimate).expectedHours,
      actualHours: Number(row.actual),
    }));
  }

  private async ownedService(
    viewer: Viewer,
    serviceId: string,
    repository: { findOne: (options: object) => Promise<OnlineServiceEntity | null> },
    lock: boolean,
  ): Promise<OnlineServiceEntity> {
    const service = isUuid(serviceId)
      ? await repository.findOne({
          where: { id: serviceId },
          ...(lock ? { lock: { mode: 'pessimistic_write' } } : {}),
        })
      : null;
    if (!service) {
      throw DomainError.notFound('Service', serviceId);
    }
    if (!actsFor(viewer, service.ownerId, Role.MAINTAINER)) {
      throw DomainError.forbidden("Only the owner's MAINTAINERs and OPERATORs may do this");
    }
    return service;
  }
}
