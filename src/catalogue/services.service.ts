import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Access, PUBLIC_POLICY } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actorOf, actsFor, isOperator, type Actor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { paginate, type Connection, type SortKey } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions, type Tx } from '#src/database/transactions';
import { OrganisationEntity } from '#src/organisations/organisation.entity';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { ServiceLifecycle, SubscriptionApproval } from './catalogue-enums';
import { LegalNormEntity, OnlineServiceEntity, ServiceLegalBasisEntity } from './catalogue.entity';
import {
  leikaProblem,
  licenseProblem,
  maturityProblem,
  normaliseProvision,
  slugProblem,
} from './catalogue.rules';
import type { LegalReferenceInput, RegisterServiceInput } from './dto/register-service.input';
import type { ServiceFilter } from './dto/service-filter.input';
import type { UpdateServiceInput } from './dto/update-service.input';
import { QaPolicies } from '#src/qa/qa-policies';
import { CatalogueReleaseFacts } from './catalogue-release-facts';
import { checkQaPolicy, type QaRule } from '#src/qa/qa-policy.rules';
import { httpsUrlProblem } from '#src/common/validation/text';

export interface LegalReferenceRow {
  normId: string;
  norm: LegalNormEntity;
  provision: string | null;
}

type ServiceFields = Partial<
  Pick<
    OnlineServiceEntity,
    | 'name'
    | 'summary'
    | 'description'
    | 'leikaKeys'
    | 'ozgIds'
    | 'themenfeld'
    | 'maturityLevel'
    | 'sdgRelevant'
    | 'lifecycle'
    | 'subscriptionApproval'
    | 'license'
    | 'repositoryUrl'
  >
>;

const REQUIRED_ON_UPDATE = [
  'name',
  'summary',
  'leikaKeys',
  'ozgIds',
  'sdgRelevant',
  'lifecycle',
  'subscriptionApproval',
  'legalBases',
];

function text(field: string, value: string, max: number): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw DomainError.badInput(field, 'must not be empty');
  }
  if (trimmed.length > max) {
    throw DomainError.badInput(field, `must be at most ${max} characters`);
  }
  return trimmed;
}

/**
 * Checks and normalises the fields present in `input` (register and update share the rules);
 * absent fields stay absent, `null` clears an optional field and is refused for a required one.
 */
export function checkServiceFields(input: UpdateServiceInput, prefix = 'input'): ServiceFields {
  const out: ServiceFields = {};
  const f = (name: string) => `${prefix}.${name}`;
  for (const key of REQUIRED_ON_UPDATE) {
    if ((input as Record<string, unknown>)[key] === null) {
      throw DomainError.badInput(f(key), 'is required and cannot be null');
    }
  }
  if (input.name != null) {
    out.name = text(f('name'), input.name, 200);
  }
  if (input.summary != null) {
    out.summary = text(f('summary'), input.summary, 500);
  }
  if (input.description !== undefined) {
    out.description =
      input.description === null || input.description.trim() === ''
        ? null
        : text(f('description'), input.description, 20_000);
  }
  if (input.leikaKeys != null) {
    input.leikaKeys.forEach((key, i) => {
      const problem = leikaProblem(key.trim());
      if (problem) {
        throw DomainError.badInput(`${f('leikaKeys')}[${i}]`, problem);
      }
    });
    out.leikaKeys = [...new Set(input.leikaKeys.map((key) => key.trim()))];
  }
  if (input.ozgIds != null) {
    input.ozgIds.forEach((id, i) => {
      if (!/^[\w.-]{1,40}$/.test(id.trim())) {
        throw DomainError.badInput(`${f('ozgIds')}[${i}]`, `"${id}" is not an OZG id`);
      }
    });
    out.ozgIds = [...new Set(input.ozgIds.map((id) => id.trim()))];
  }
  if (input.themenfeld !== undefined) {
    out.themenfeld = input.themenfeld;
  }
  if (input.maturityLevel !== undefined) {
    if (input.maturityLevel !== null && maturityProblem(input.maturityLevel)) {
      throw DomainError.badInput(f('maturityLevel'), maturityProblem(input.maturityLevel)!);
    }
    out.maturityLevel = input.maturityLevel;
  }
  if (input.sdgRelevant != null) {
    out.sdgRelevant = input.sdgRelevant;
  }
  if (input.lifecycle != null) {
    out.lifecycle = input.lifecycle;
  }
  if (input.subscriptionApproval != null) {
    out.subscriptionApproval = input.subscriptionApproval;
  }
  if (input.license !== undefined) {
    const license = input.license?.trim() || null;
    if (license && licenseProblem(license)) {
      throw DomainError.badInput(f('license'), licenseProblem(license)!);
    }
    out.license = license;
  }
  if (input.repositoryUrl !== undefined) {
    const url = input.repositoryUrl?.trim() || null;
    if (url && httpsUrlProblem(url)) {
      throw DomainError.badInput(f('repositoryUrl'), httpsUrlProblem(url)!);
    }
    out.repositoryUrl = url;
  }
  return out;
}

@Injectable()
export class ServicesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly qaPolicies: QaPolicies,
    private readonly releaseFacts: CatalogueReleaseFacts,
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly organisations: OrganisationsService,
  ) {}

  onModuleInit() {
    // The catalogue is public (domain.md, who may do what).
    this.access.register(PUBLIC_POLICY('OnlineService'));
  }

  findBySlug(slug: string): Promise<OnlineServiceEntity | null> {
    return this.db.getRepository(OnlineServiceEntity).findOneBy({ slug });
  }

  byId(loaders: RequestLoaders, id: string): Promise<OnlineServiceEntity | null> {
    return loaders
      .get<string, OnlineServiceEntity | null>('serviceById', async (ids) => {
        const rows = await this.db.getRepository(OnlineServiceEntity).findBy({ id: In([...ids]) });
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  qaPolicy(service: Pick<OnlineServiceEntity, 'qaPolicy'>): QaRule[] {
    return this.qaPolicies.of(service);
  }

  /** The legal bases of a page of services in one statement (with their norms). */
  legalBases(loaders: RequestLoaders, serviceId: string): Promise<LegalReferenceRow[]> {
    return this.legalBasesLoader(loaders).load(serviceId);
  }

  private legalBasesLoader(loaders: RequestLoaders) {
    return loaders.get<string, LegalReferenceRow[]>('legalBasesByService', async (ids) => {
      const rows = await this.db
        .getRepository(ServiceLegalBasisEntity)
        .createQueryBuilder('lb')
        .innerJoinAndSelect('lb.norm', 'n')
        .where('lb.service_id IN (:...ids)', { ids })
        .orderBy('lb.service_id')
        .addOrderBy('lb.position')
        .getMany();
      const byService = new Map<string, LegalReferenceRow[]>(ids.map((id) => [id, []]));
      for (const row of rows) {
        byService.get(row.serviceId)!.push({ normId: row.normId, norm: row.norm!, provision: row.provision });
      }
      return ids.map((id) => byService.get(id)!);
    });
  }

  /**
   * The catalogue page: filters combine with AND; with `search`, ranked by relevance (name above
   * summary above description), else by name. Keyset cursors over (rank, id) or (name, id).
   */
  list(
    filter: ServiceFilter | null | undefined,
    first: number | null,
    after: string | null | undefined,
    prefetch?: { loaders: RequestLoaders; owner: boolean; legalBases: boolean },
  ): Promise<Connection<OnlineServiceEntity>> {
    const query = this.db.getRepository(OnlineServiceEntity).createQueryBuilder('s');
    // One planned statement for the page: owners and legal bases come along as JSON and prime the
    // request's DataLoaders, so the page costs one round trip (plus the count, when selected).
    // Round trips, not SQL work, dominate on small machines (docs/performance.md).
    if (prefetch?.owner) {
      query.addSelect(
        `(SELECT json_build_object('id', o.id, 'key', o.key, 'name', o.name, 'kind', o.kind, 'ars', o.ars,
                 'parentId', o.parent_id, 'createdAt', o.created_at, 'updatedAt', o.updated_at)
            FROM organisation o WHERE o.id = s.owner_id)`,
        'prefetch_owner',
      );
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
    const search = filter?.search?.trim();
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
      query.andWhere('s.owner_id = (SELECT o.id FROM organisation o WHERE o.key = :ownerKey)', {
        ownerKey: filter.ownerKey,
      });
    }
    if (filter?.legalNorm) {
      query.andWhere(
        `EXISTS (SELECT 1 FROM service_legal_basis lb JOIN legal_norm n ON n.id = lb.norm_id
                  WHERE lb.service_id = s.id AND n.abbreviation = :legalNorm)`,
        { legalNorm: filter.legalNorm.trim() },
      );
    }
    if (filter?.interfaceStandard) {
      // The latest release (highest PUBLISHED, neither pre-release nor deprecated) uses the standard.
      query.andWhere(
        `${this.releaseFacts.get().latestInterfaces('s.id')} @> jsonb_build_array(jsonb_build_object('standard', :standard::text))`,
        { standard: filter.interfaceStandard.trim() },
      );
    }
    if (filter?.hasPublishedRelease != null) {
      query.andWhere(
        `${filter.hasPublishedRelease ? '' : 'NOT '}${this.releaseFacts.get().anyPublished('s.id')}`,
      );
    }

    let keys: SortKey<OnlineServiceEntity>[];
    if (search) {
      // float8: the rank survives the round trip through the cursor exactly (float4 would not).
      const rank = `ts_rank(s.search, websearch_to_tsquery('german', :search))::float8`;
      query
        .andWhere(`s.search @@ websearch_to_tsquery('german', :search)`, { search })
        .addSelect(rank, 'rank');
      keys = [
        { expression: rank, direction: 'DESC', type: 'number', value: (_row, raw) => raw.rank as number },
        { expression: 's.id', direction: 'ASC', type: 'uuid', value: (row) => row.id },
      ];
    } else {
      keys = [
        { expression: 's.name', direction: 'ASC', type: 'text', value: (row) => row.name },
        { expression: 's.id', direction: 'ASC', type: 'uuid', value: (row) => row.id },
      ];
    }
    return paginate(query, { first, after }, keys, (service, raw) => {
      if (!prefetch) {
        return;
      }
      const owner = raw.prefetch_owner as
        (OrganisationEntity & { createdAt: string; updatedAt: string }) | null | undefined;
      if (owner) {
        this.organisations.primeById(prefetch.loaders, {
          ...owner,
          createdAt: new Date(owner.createdAt),
          updatedAt: new Date(owner.updatedAt),
        });
      }
      const bases = raw.prefetch_legal_bases as
        (LegalReferenceRow & { norm: { createdAt: string } })[] | undefined;
      if (bases) {
        const rows = bases.map((b) => ({ ...b, norm: { ...b.norm, createdAt: new Date(b.norm.createdAt) } }));
        this.legalBasesLoader(prefetch.loaders).prime(service.id, rows);
      }
    });
  }

  async register(viewer: Viewer, input: RegisterServiceInput): Promise<OnlineServiceEntity> {
    const slug = input.slug.trim();
    const slugIssue = slugProblem(slug);
    if (slugIssue) {
      throw DomainError.badInput('input.slug', slugIssue);
    }
    if (input.name == null || input.summary == null) {
      throw DomainError.badInput('input.name', 'is required');
    }
    const fields = checkServiceFields(input);
    const ownerKey = input.ownerKey?.trim() || viewer.organisation?.key;
    if (!ownerKey) {
      throw DomainError.badInput('input.ownerKey', 'name the owning organisation (your token names none)');
    }
    if (!isOperator(viewer) && ownerKey !== viewer.organisation?.key) {
      throw DomainError.forbidden('A MAINTAINER registers services for its own organisation only');
    }
    return this.registerAs(actorOf(viewer), slug, ownerKey, input, fields);
  }

  /** Also the seed's way in. `fields` are already checked. */
  async registerAs(
    actor: Actor,
    slug: string,
    ownerKey: string,
    input: Pick<RegisterServiceInput, 'reuseModel' | 'legalBases'>,
    fields: ServiceFields,
  ): Promise<OnlineServiceEntity> {
    return this.transactions
      .run(actor, async (tx) => {
        const owner = await tx.manager.findOneBy(OrganisationEntity, { key: ownerKey });
        if (!owner) {
          throw DomainError.badInput('input.ownerKey', `no organisation with key ${ownerKey}`);
        }
        const service = tx.manager.create(OnlineServiceEntity, {
          slug,
          name: fields.name!,
          summary: fields.summary!,
          description: fields.description ?? null,
          leikaKeys: fields.leikaKeys ?? [],
          ozgIds: fields.ozgIds ?? [],
          themenfeld: fields.themenfeld ?? null,
          maturityLevel: fields.maturityLevel ?? null,
          sdgRelevant: fields.sdgRelevant ?? false,
          lifecycle: fields.lifecycle ?? ServiceLifecycle.DEVELOPMENT,
          reuseModel: input.reuseModel,
          subscriptionApproval: fields.subscriptionApproval ?? SubscriptionApproval.MANUAL,
          ownerId: owner.id,
          license: fields.license ?? null,
          repositoryUrl: fields.repositoryUrl ?? null,
          qaPolicy: null,
          createdAt: tx.now,
          updatedAt: tx.now,
        });
        await tx.manager.insert(OnlineServiceEntity, service);
        const legalBases = await this.replaceLegalBases(tx.manager, service.id, input.legalBases ?? []);
        tx.audit('service.register', 'OnlineService', service.id, {
          slug,
          owner: ownerKey,
          ...fields,
          reuseModel: input.reuseModel,
          legalBases,
        });
        return service;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'online_service_slug_key') {
          throw DomainError.conflict(`A service with slug ${slug} exists already`);
        }
        throw error;
      });
  }

  async update(viewer: Viewer, id: string, input: UpdateServiceInput): Promise<OnlineServiceEntity> {
    const fields = checkServiceFields(input);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.lockOwned(tx, viewer, id);
      Object.assign(service, fields, { updatedAt: tx.now });
      await tx.manager.update(OnlineServiceEntity, { id }, { ...fields, updatedAt: tx.now });
      const changes: Record<string, unknown> = { ...fields };
      if (input.legalBases !== undefined) {
        changes.legalBases = await this.replaceLegalBases(tx.manager, id, input.legalBases ?? []);
      }
      tx.audit('service.update', 'OnlineService', id, changes);
      return service;
    });
  }

  async setQaPolicy(viewer: Viewer, id: string, rules: QaRule[]): Promise<OnlineServiceEntity> {
    const checked = checkQaPolicy(rules);
    if (checked.problem) {
      throw DomainError.badInput(checked.problem.field, checked.problem.message);
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.lockOwned(tx, viewer, id);
      await tx.manager.update(OnlineServiceEntity, { id }, { qaPolicy: checked.rules, updatedAt: tx.now });
      tx.audit('service.setQaPolicy', 'OnlineService', id, { rules: checked.rules });
      return Object.assign(service, { qaPolicy: checked.rules, updatedAt: tx.now });
    });
  }

  /** The service, locked for this transaction; NOT_FOUND when missing, FORBIDDEN unless the viewer acts for its owner. */
  private async lockOwned(tx: Tx, viewer: Viewer, id: string): Promise<OnlineServiceEntity> {
    const service = isUuid(id)
      ? await tx.manager.findOne(OnlineServiceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!service) {
      throw DomainError.notFound('Service', id);
    }
    if (!actsFor(viewer, service.ownerId, Role.MAINTAINER)) {
      throw DomainError.forbidden("Only the owner's MAINTAINERs and OPERATORs may change a service");
    }
    return service;
  }

  /** Replaces the service's legal bases; unknown abbreviations are BAD_USER_INPUT naming them. */
  private async replaceLegalBases(
    manager: EntityManager,
    serviceId: string,
    references: LegalReferenceInput[],
  ) {
    const abbreviations = [...new Set(references.map((r) => r.norm.trim()))];
    const norms = abbreviations.length
      ? await manager.findBy(LegalNormEntity, { abbreviation: In(abbreviations) })
      : [];
    const byAbbreviation = new Map(norms.map((n) => [n.abbreviation, n]));
    const seen = new Set<string>();
    const rows: Omit<ServiceLegalBasisEntity, 'id'>[] = [];
    references.forEach((reference, i) => {
      const norm = byAbbreviation.get(reference.norm.trim());
      if (!norm) {
        throw DomainError.badInput(
          `input.legalBases[${i}].norm`,
          `unknown legal norm "${reference.norm}" (register it first)`,
        );
      }
      const provision = reference.provision?.trim() ? normaliseProvision(reference.provision) : null;
      const key = `${norm.id}|${provision ?? ''}`;
      if (seen.has(key)) {
        return;
      }
      seen.add(key);
      rows.push({ serviceId, normId: norm.id, provision, position: rows.length });
    });
    await manager.delete(ServiceLegalBasisEntity, { serviceId });
    if (rows.length) {
      await manager.insert(ServiceLegalBasisEntity, rows);
    }
    return rows.map((row) => ({
      norm: norms.find((n) => n.id === row.normId)!.abbreviation,
      provision: row.provision,
    }));
  }
}
