import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { isUuid } from '#src/common/ids';
import { paginate, type Connection, type SortKey } from '#src/common/graphql/pagination';
import type { OrganisationEntity } from '#src/organisations/organisation.entity';
import { organisationSql } from '#src/organisations/organisation.sql';
import type { QaRule } from '#src/qa/qa-policy.rules';
import { CatalogueReleaseFacts } from './catalogue-release-facts';
import { LegalNormEntity, OnlineServiceEntity, ServiceLegalBasisEntity } from './catalogue.entity';
import { MaturityModel } from './catalogue-enums';
import type { ServiceFilter } from './dto/service-filter.input';
import { SearchExpansion } from './search/search-expansion';
import { parseSearch } from './search/search-query';
import { rankSearch } from './search/search-ranking';
import { serviceSql } from './service.sql';

/** A service's legal basis with its norm, as the API shows it. */
export interface LegalReferenceRow {
  normId: string;
  norm: LegalNormEntity;
  provision: string | null;
}

/** What a catalogue page brings along for each row, when asked (see `page`). */
export interface PagePrefetch {
  owner: boolean;
  legalBases: boolean;
}

export interface Prefetched {
  owner?: OrganisationEntity;
  legalBases?: LegalReferenceRow[];
}

/** The columns a new service is inserted with (the id and the search vector are the database's). */
export type NewService = Omit<OnlineServiceEntity, 'id' | 'owner' | 'maintenanceBaseline'>;

/** The columns `update` may change. */
export type ServiceChanges = Partial<Omit<OnlineServiceEntity, 'id' | 'owner' | 'slug' | 'ownerId'>>;

type OwnerJson = Omit<OrganisationEntity, 'createdAt' | 'updatedAt' | 'parent'> & {
  createdAt: string;
  updatedAt: string;
};
type LegalBasisJson = Omit<LegalReferenceRow, 'norm'> & {
  norm: Omit<LegalNormEntity, 'createdAt'> & { createdAt: string };
};

/**
 * The one home of the SQL over online_service and service_legal_basis: named reads and writes,
 * and the catalogue page (docs/architecture.md, "The catalogue"). Other modules embed
 * `serviceSql` (service.sql.ts) instead of naming these tables; the release filters come in
 * through the CatalogueReleaseFacts port.
 */
@Injectable()
export class ServiceRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly releaseFacts: CatalogueReleaseFacts,
    private readonly searchExpansion: SearchExpansion,
  ) {}

  findBySlug(slug: string): Promise<OnlineServiceEntity | null> {
    return this.db.getRepository(OnlineServiceEntity).findOneBy({ slug });
  }

  /** Services by id; absent ids are missing from the answer. */
  byIds(ids: readonly string[]): Promise<OnlineServiceEntity[]> {
    return this.db.getRepository(OnlineServiceEntity).findBy({ id: In([...ids]) });
  }

  /** The service, locked (FOR UPDATE) until the transaction ends; null when missing or not a UUID. */
  lockById(manager: EntityManager, id: string): Promise<OnlineServiceEntity | null> {
    return isUuid(id)
      ? manager.findOne(OnlineServiceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : Promise.resolve(null);
  }

  /** Inserts the service; its generated id is set on the answer. */
  async insert(manager: EntityManager, fields: NewService): Promise<OnlineServiceEntity> {
    const service = manager.create(OnlineServiceEntity, fields);
    await manager.insert(OnlineServiceEntity, service);
    return service;
  }

  async update(manager: EntityManager, id: string, changes: ServiceChanges): Promise<void> {
    await manager.update(OnlineServiceEntity, { id }, changes);
  }

  setQaPolicy(manager: EntityManager, id: string, rules: QaRule[], now: Date): Promise<void> {
    return this.update(manager, id, { qaPolicy: rules, updatedAt: now });
  }

  /** The legal bases of each service, in their order, with their norms: one statement. */
  async legalBasesOf(serviceIds: readonly string[]): Promise<LegalReferenceRow[][]> {
    const rows = await this.db
      .getRepository(ServiceLegalBasisEntity)
      .createQueryBuilder('lb')
      .innerJoinAndSelect('lb.norm', 'n')
      .where('lb.service_id IN (:...ids)', { ids: serviceIds })
      .orderBy('lb.service_id')
      .addOrderBy('lb.position')
      .getMany();
    const byService = new Map<string, LegalReferenceRow[]>(serviceIds.map((id) => [id, []]));
    for (const row of rows) {
      byService.get(row.serviceId)!.push({ normId: row.normId, norm: row.norm!, provision: row.provision });
    }
    return serviceIds.map((id) => byService.get(id)!);
  }

  /** Replaces the service's legal bases as a whole with these rows (positions as given). */
  async replaceLegalBases(
    manager: EntityManager,
    serviceId: string,
    rows: Omit<ServiceLegalBasisEntity, 'id' | 'serviceId'>[],
  ): Promise<void> {
    await manager.delete(ServiceLegalBasisEntity, { serviceId });
    if (rows.length) {
      await manager.insert(
        ServiceLegalBasisEntity,
        rows.map((row) => ({ serviceId, ...row })),
      );
    }
  }

  /**
   * The catalogue page: filters combine with AND; with `search`, ranked by relevance (see
   * search/search-ranking.ts), else by name. Keyset cursors over the ranking's keys or (name, id).
   * `onPrefetched` sees each row's owner and legal bases when `prefetch` asks for them.
   */
  async page(
    filter: ServiceFilter | null | undefined,
    first: number | null,
    after: string | null | undefined,
    prefetch?: PagePrefetch,
    onPrefetched?: (service: OnlineServiceEntity, prefetched: Prefetched) => void,
  ): Promise<Connection<OnlineServiceEntity>> {
    const query = this.db.getRepository(OnlineServiceEntity).createQueryBuilder('s');
    // One planned statement for the page: owners and legal bases come along as JSON and prime the
    // request's DataLoaders, so the page costs one round trip (plus the count, when selected).
    // Round trips, not SQL work, dominate on small machines (docs/performance.md).
    if (prefetch?.owner) {
      query.addSelect(organisationSql.asJson('s.owner_id'), 'prefetch_owner');
    }
    if (prefetch?.legalBases) {
      query.addSelect(
        `(SELECT coalesce(json_agg(json_build_object('normId', n.id, 'provision', lb.provision, 'norm', json_build_object(
                   'id', n.id, 'abbreviation', n.abbreviation, 'title', n.title, 'jurisdiction', n.jurisdiction,
                   'url', n.url, 'eli', n.eli, 'createdAt', n.created_at)) ORDER BY lb.position), '[]'::json)
            FROM service_legal_basis lb JOIN legal_norm n ON n.id = lb.norm_id WHERE lb.service_id = s.id)`,
        'prefetch_legal_bases',
      );
    }
    const search = filter?.search?.trim() ? filter.search : undefined;
    if (filter?.themenfeld) {
      query.andWhere('s.themenfeld = :themenfeld', { themenfeld: filter.themenfeld });
    }
    if (filter?.lifecycle) {
      query.andWhere('s.lifecycle = :lifecycle', { lifecycle: filter.lifecycle });
    }
    if (filter?.leikaKey) {
      query.andWhere('s.leika_keys @> ARRAY[:leikaKey]::text[]', { leikaKey: filter.leikaKey.trim() });
    }
    if (filter?.ownerKey) {
      query.andWhere(`s.owner_id = ${organisationSql.idByKey(':ownerKey')}`, { ownerKey: filter.ownerKey });
    }
    if (filter?.legalNorm) {
      query.andWhere(serviceSql.citesNorm('s.id', ':legalNorm'), { legalNorm: filter.legalNorm.trim() });
    }
    if (filter?.interfaceStandard) {
      // The latest release (highest PUBLISHED, neither pre-release nor deprecated) uses the standard.
      query.andWhere(
        `${this.releaseFacts.get().latestInterfaces('s.id')} @> jsonb_build_array(jsonb_build_object('standard', :standard::text))`,
        { standard: filter.interfaceStandard.trim() },
      );
    }
    if (filter?.maturityModel != null || filter?.maturityLevel != null || filter?.minMaturityLevel != null) {
      // A level is compared within its model only: 3 in 1.1 and 3 in 2.0 are different ratings.
      query.andWhere('s.maturity_model = :maturityModel', {
        maturityModel: filter.maturityModel ?? MaturityModel.V1_1,
      });
    }
    if (filter?.maturityLevel != null) {
      query.andWhere('s.maturity_level = :maturityLevel', { maturityLevel: filter.maturityLevel });
    }
    if (filter?.minMaturityLevel != null) {
      query.andWhere('s.maturity_level >= :minMaturityLevel', { minMaturityLevel: filter.minMaturityLevel });
    }
    if (filter?.hasPublishedRelease != null) {
      query.andWhere(
        `${filter.hasPublishedRelease ? '' : 'NOT '}${this.releaseFacts.get().anyPublished('s.id')}`,
      );
    }

    // The search's expansion is one statement before the page (docs/search.md).
    const keys: SortKey<OnlineServiceEntity>[] = search
      ? rankSearch(query, await this.searchExpansion.expand(parseSearch(search)), 's')
      : [
          { expression: 's.name', direction: 'ASC', type: 'text', value: (row) => row.name },
          { expression: 's.id', direction: 'ASC', type: 'uuid', value: (row) => row.id },
        ];
    return paginate(query, { first, after }, keys, (service, raw) => {
      if (!prefetch || !onPrefetched) {
        return;
      }
      const prefetched: Prefetched = {};
      const owner = raw.prefetch_owner as OwnerJson | null | undefined;
      if (owner) {
        prefetched.owner = {
          ...owner,
          createdAt: new Date(owner.createdAt),
          updatedAt: new Date(owner.updatedAt),
        };
      }
      const bases = raw.prefetch_legal_bases as LegalBasisJson[] | undefined;
      if (bases) {
        prefetched.legalBases = bases.map((b) => ({
          ...b,
          norm: { ...b.norm, createdAt: new Date(b.norm.createdAt) },
        }));
      }
      onPrefetched(service, prefetched);
    });
  }
}
