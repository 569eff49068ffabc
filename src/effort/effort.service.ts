import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CampaignRepository } from '#src/campaigns/campaign.repository';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { serviceReads } from '#src/catalogue/service.sql';
import type { WithServiceId } from '#src/catalogue/service-ref';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { estimateOf, pert, threePointOf, type ThreePoint } from '#src/common/estimates/three-point';
import { isUuid } from '#src/common/ids';
import { isCalendarDate } from '#src/common/graphql/scalars';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions } from '#src/database/transactions';
import { OrganisationsService } from '#src/organisations/organisations.service';
import type { EffortEntryEntity } from './effort-entry.entity';
import { mayWorkOnEffort, requireEffortOfService, requirePlanOf } from './effort.access';
import { PlanItemKind, type MaintenancePlan, type PlanItem, type RecordEffortInput } from './effort.model';
import { EffortRepository } from './effort.repository';
import {
  calibrationBasis,
  calibrationFactor,
  inclusiveDays,
  planFigures,
  proRata,
  sum,
} from './effort.rules';

/** An item with what the exports print of it. */
export interface PlanRow extends PlanItem {
  serviceSlug: string;
  serviceName: string;
  campaignTitle: string | null;
  plannedReleaseDate: string | null;
}

/** The plan with its items as the exports print them (at full precision: `roundedPlan` shows it). */
export interface PlanReport extends MaintenancePlan {
  ownerKey: string;
  ownerName: string;
  items: PlanRow[];
}

/**
 * Effort (domain.md, "Effort"): maintenance baselines, recorded hours and the maintenance plan
 * with its calibration. The estimate's checks arrive done (ValidThreePoint, the inputs' decorators).
 */
@Injectable()
export class EffortService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
    private readonly repository: EffortRepository,
    private readonly campaigns: CampaignRepository,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The service's baseline as the API shows it: for the owner's MAINTAINERs and OPERATORs, null for anyone else. */
  baselineOf(viewer: Viewer | null, service: OnlineServiceEntity) {
    if (!mayWorkOnEffort(viewer, service.ownerId) || !service.maintenanceBaseline) {
      return null;
    }
    return estimateOf(service.maintenanceBaseline);
  }

  async setBaseline(viewer: Viewer, serviceId: string, estimate: ThreePoint): Promise<OnlineServiceEntity> {
    const baseline = threePointOf(estimate);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.ownedService(viewer, serviceId, tx.manager, true);
      await serviceReads.setMaintenanceBaseline(tx.manager, service.id, baseline, tx.now);
      tx.audit('service.setMaintenanceBaseline', 'OnlineService', service.id, baseline);
      return Object.assign(service, { maintenanceBaseline: baseline, updatedAt: tx.now });
    });
  }

  async record(viewer: Viewer, input: WithServiceId<RecordEffortInput>): Promise<EffortEntryEntity> {
    if (!Number.isFinite(input.hours) || input.hours <= 0 || input.hours > 24) {
      throw DomainError.badInput('input.hours', 'HOURS_OUT_OF_RANGE');
    }
    if (Math.round(input.hours * 100) / 100 !== input.hours) {
      throw DomainError.badInput('input.hours', 'HOURS_PRECISION');
    }
    if (!isCalendarDate(input.date) || input.date > this.clock.today()) {
      throw DomainError.badInput('input.date', 'DATE_IN_FUTURE', { today: this.clock.today() });
    }
    const note = input.note ?? null;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.ownedService(viewer, input.serviceId, tx.manager, false);
      let campaignTargetId: string | null = null;
      if (input.campaignTargetId) {
        const target = isUuid(input.campaignTargetId)
          ? await this.campaigns.targetById(tx.manager, input.campaignTargetId)
          : null;
        if (!target || target.serviceId !== service.id) {
          throw DomainError.badInput('input.campaignTargetId', 'NOT_A_CAMPAIGN_TARGET');
        }
        campaignTargetId = target.id;
      }
      const entry = await this.repository.insert(tx.manager, {
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
    const service = await this.ownedService(viewer, serviceId, this.db.manager, false);
    return this.repository.page(service.id, first, after);
  }

  /**
   * The plan of an owner for a period (domain.md, "Effort"), with its items for the exports, at
   * full precision; the API and the exports show it through `roundedPlan`.
   */
  async plan(viewer: Viewer, ownerKey: string, from: string, to: string): Promise<PlanReport> {
    if (from > to) {
      throw DomainError.badInput('from', 'PERIOD_REVERSED', { from, to });
    }
    const days = inclusiveDays(from, to);
    // At most five calendar years: to is before from + 5 years.
    const limit = new Date(`${from}T00:00:00Z`);
    limit.setUTCFullYear(limit.getUTCFullYear() + 5);
    if (to >= limit.toISOString().slice(0, 10)) {
      throw DomainError.badInput('to', 'PERIOD_TOO_LONG');
    }
    const owner = await this.organisations.findByKey(ownerKey);
    if (!owner) {
      throw DomainError.notFound('Organisation', ownerKey);
    }
    requirePlanOf(viewer, { id: owner.id, key: ownerKey });
    const services = await serviceReads.ownedBy(this.db.manager, owner.id);
    // The campaign rows' services are the owner's too: their names are among these.
    const nameOf = new Map(services.map((service) => [service.id, service.name]));
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
        serviceName: service.name,
        campaignTitle: null,
        plannedReleaseDate: null,
      });
    }
    const targets = await this.campaigns.plannedOfOwner(owner.id, from, to);
    for (const t of targets) {
      rows.push({
        kind: PlanItemKind.CAMPAIGN,
        serviceId: t.service_id,
        campaignTargetId: t.id,
        ...pert(t.estimate),
        serviceSlug: t.slug,
        serviceName: nameOf.get(t.service_id) ?? t.slug,
        campaignTitle: t.title,
        plannedReleaseDate: t.planned,
      });
    }
    const finished = await this.finishedWork(owner.id);
    const factor = calibrationFactor(finished);
    const { hoursPerFteYear, hourlyRateEur } = this.config.effort;
    const figures = planFigures(sum(rows), factor, days, hoursPerFteYear, hourlyRateEur);
    return {
      ownerId: owner.id,
      ownerKey: owner.key,
      ownerName: owner.name,
      from,
      to,
      items: rows,
      calibrationFactor: factor,
      calibrationBasis: calibrationBasis(finished),
      hoursPerFteYear,
      hourlyRateEur,
      ...figures,
    };
  }

  /** The owner's finished targets (RELEASED or ROLLED_OUT) with an estimate and recorded hours. */
  private async finishedWork(ownerId: string): Promise<{ expectedHours: number; actualHours: number }[]> {
    return (await this.repository.finishedWork(ownerId)).map((row) => ({
      expectedHours: pert(row.estimate).expectedHours,
      actualHours: row.actualHours,
    }));
  }

  private async ownedService(
    viewer: Viewer,
    serviceId: string,
    manager: EntityManager,
    lock: boolean,
  ): Promise<OnlineServiceEntity> {
    const service = isUuid(serviceId) ? await serviceReads.byId(manager, serviceId, lock) : null;
    if (!service) {
      throw DomainError.notFound('Service', serviceId);
    }
    requireEffortOfService(viewer, service.ownerId);
    return service;
  }
}
