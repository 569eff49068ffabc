import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/auth/viewer';
import { InterfaceStandardEntity, OrganisationEntity } from '../organisations/organisation.entity';
import { OrganisationsService } from '../organisations/organisations.service';
import { DEMO_ORGANISATIONS, DEMO_STANDARDS } from './demo-data';

const SEED: Actor = { kind: 'system', subject: 'seed' };

/**
 * Loads the demo data through the same services as the API (validated and audited as the system
 * actor "seed"). Idempotent: what exists is left as it is.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  async seed(): Promise<{ organisations: number; standards: number }> {
    const existingOrganisations = new Set(
      (await this.db.getRepository(OrganisationEntity).find()).map((o) => o.key),
    );
    let organisations = 0;
    for (const organisation of DEMO_ORGANISATIONS) {
      if (existingOrganisations.has(organisation.key)) continue;
      await this.organisations.registerAs(SEED, organisation);
      organisations++;
    }
    const existingStandards = new Set(
      (await this.db.getRepository(InterfaceStandardEntity).find()).map((s) => s.key),
    );
    let standards = 0;
    for (const standard of DEMO_STANDARDS) {
      if (existingStandards.has(standard.key)) continue;
      await this.organisations.registerStandard(SEED, standard);
      standards++;
    }
    return { organisations, standards };
  }
}
