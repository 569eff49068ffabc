import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  type Themenfeld,
} from '../catalogue/catalogue-enums';
import { LegalNormEntity, OnlineServiceEntity } from '../catalogue/catalogue.entity';
import { LegalNormsService } from '../catalogue/legal-norms.service';
import { checkServiceFields, ServicesService } from '../catalogue/services.service';
import type { Actor } from '../common/auth/viewer';
import { DomainError } from '../common/errors/domain-error';
import { InterfaceStandardEntity, OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { RESEARCHED_NORMS, RESEARCHED_SERVICES } from './demo-catalogue';
import { DEMO_ORGANISATIONS, DEMO_STANDARDS } from './demo-data';

const SEED: Actor = { kind: 'system', subject: 'seed' };

/** Who builds and runs the demo services (EfA: one for all), in turn. */
const DEMO_OWNERS = ['dataport', '010000000000', 'komfit', '010020000000', '010030000000'];

export interface SeedSummary {
  organisations: number;
  standards: number;
  norms: number;
  services: number;
}

/**
 * Loads the demo data through the same services as the API (validated and audited as the system
 * actor "seed"). Idempotent: what exists is left as it is.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly norms: LegalNormsService,
    private readonly services: ServicesService,
  ) {}

  async seed(): Promise<SeedSummary> {
    const summary: SeedSummary = { organisations: 0, standards: 0, norms: 0, services: 0 };
    const existingOrganisations = await this.existing(OrganisationEntity, 'key');
    for (const organisation of DEMO_ORGANISATIONS) {
      if (existingOrganisations.has(organisation.key)) continue;
      if (await this.tolerateConflict(() => this.organisations.registerAs(SEED, organisation)))
        summary.organisations++;
    }
    const existingStandards = await this.existing(InterfaceStandardEntity, 'key');
    for (const standard of DEMO_STANDARDS) {
      if (existingStandards.has(standard.key)) continue;
      if (await this.tolerateConflict(() => this.organisations.registerStandard(SEED, standard)))
        summary.standards++;
    }
    const existingNorms = await this.existing(LegalNormEntity, 'abbreviation');
    for (const norm of RESEARCHED_NORMS) {
      if (existingNorms.has(norm.abbreviation)) continue;
      if (await this.tolerateConflict(() => this.norms.register(SEED, norm))) summary.norms++;
    }
    const existingServices = await this.existing(OnlineServiceEntity, 'slug');
    for (const [i, service] of RESEARCHED_SERVICES.entries()) {
      if (existingServices.has(service.slug)) continue;
      const reuseModel =
        i % 5 === 4
          ? ReuseModel.SELF_HOSTED_OPEN_SOURCE
          : i % 3 === 2
            ? ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION
            : ReuseModel.EFA_CENTRAL;
      const fields = checkServiceFields({
        name: service.name,
        summary: service.summary,
        leikaKeys: service.leikaKeys,
        themenfeld: service.themenfeld as Themenfeld,
        maturityLevel: service.maturityLevel,
        sdgRelevant: service.sdgRelevant,
        lifecycle: i % 7 === 6 ? ServiceLifecycle.DEVELOPMENT : ServiceLifecycle.ACTIVE,
        subscriptionApproval: i % 4 === 0 ? SubscriptionApproval.AUTOMATIC : SubscriptionApproval.MANUAL,
        license: reuseModel === ReuseModel.SELF_HOSTED_OPEN_SOURCE ? 'EUPL-1.2' : null,
      });
      const owner = DEMO_OWNERS[i % DEMO_OWNERS.length];
      const legalBases = service.legalBases;
      if (
        await this.tolerateConflict(() =>
          this.services.registerAs(SEED, service.slug, owner, { reuseModel, legalBases }, fields),
        )
      ) {
        summary.services++;
      }
    }
    return summary;
  }

  /** Another replica seeding at the same moment registered it first: fine, it exists. */
  private async tolerateConflict(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') return false;
      throw error;
    }
  }

  private async existing(entity: new () => object, column: string): Promise<Set<string>> {
    const rows: Record<string, string>[] = await this.db
      .getRepository(entity)
      .createQueryBuilder('e')
      .select(`e.${column}`, 'v')
      .getRawMany();
    return new Set(rows.map((row) => row.v));
  }
}
