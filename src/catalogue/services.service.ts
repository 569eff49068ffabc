import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Access } from '#src/common/auth/access';
import { actorOf, type Actor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import type { Connection } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions, type Tx } from '#src/database/transactions';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import { ForgeNamespacesService } from '#src/organisations/forge-namespaces.service';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { QaPolicies } from '#src/qa/qa-policies';
import { checkQaPolicy, type QaRule } from '#src/qa/qa-policy.rules';
import { ServiceLifecycle, SubscriptionApproval } from './catalogue-enums';
import type { OnlineServiceEntity } from './catalogue.entity';
import {
  checkLegalBases,
  MAX_MATURITY,
  maturityModelName,
  maturityProblem,
  slugProblem,
} from './catalogue.rules';
import { MaturityModel } from './catalogue-enums';
import type { LegalReferenceInput, RegisterServiceInput } from './dto/register-service.input';
import type { ServiceFilter } from './dto/service-filter.input';
import { SearchExpansion } from './search/search-expansion';
import { MAX_SEARCH_LENGTH } from './search/search-query';
import type { UpdateServiceInput } from './dto/update-service.input';
import { LegalNormRepository } from './legal-norm.repository';
import {
  mayRegisterServiceFor,
  maySetQaPolicy,
  mayUpdateService,
  registerCatalogueVisibility,
} from './service.access';
import { checkServiceFields, type ServiceFields } from './service-fields';
import { checkServiceRef, type ServiceRef, type WithServiceId } from './service-ref';
import { ServiceRepository, type LegalReferenceRow, type PagePrefetch } from './service.repository';

export { checkServiceFields, type ServiceFields } from './service-fields';
export type { LegalReferenceRow } from './service.repository';

/**
 * Online services: the catalogue page and loaders, registration, update and QA policy (use
 * cases: transactions, audit, permissions from service.access.ts, rules from catalogue.rules.ts
 * and service-fields.ts). The SQL is in ServiceRepository and LegalNormRepository.
 */
@Injectable()
export class ServicesService implements OnModuleInit {
  constructor(
    private readonly services: ServiceRepository,
    private readonly norms: LegalNormRepository,
    private readonly organisationRows: OrganisationRepository,
    private readonly qaPolicies: QaPolicies,
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly organisations: OrganisationsService,
    private readonly searchExpansion: SearchExpansion,
    private readonly forgeNamespaces: ForgeNamespacesService,
  ) {}

  onModuleInit() {
    registerCatalogueVisibility(this.access);
  }

  findBySlug(slug: string): Promise<OnlineServiceEntity | null> {
    return this.services.findBySlug(slug);
  }

  /**
   * The input with its service (`serviceId` or `serviceSlug`, exactly one: `checkServiceRef`)
   * resolved to the id; an unknown slug is NOT_FOUND, like an unknown id in the use cases.
   */
  async resolveRef<T extends ServiceRef>(input: T, prefix = ''): Promise<WithServiceId<T>> {
    const ref = checkServiceRef(input, prefix);
    let serviceId: string;
    if ('id' in ref) {
      serviceId = ref.id;
    } else {
      const service = await this.services.findBySlug(ref.slug);
      if (!service) {
        throw DomainError.notFound('Service', ref.slug);
      }
      serviceId = service.id;
    }
    const resolved: ServiceRef = { ...input, serviceId };
    delete resolved.serviceSlug;
    return resolved as WithServiceId<T>;
  }

  byId(loaders: RequestLoaders, id: string): Promise<OnlineServiceEntity | null> {
    return loaders
      .get<string, OnlineServiceEntity | null>('serviceById', async (ids) =>
        inKeyOrder(ids, await this.services.byIds(ids), (row) => row.id),
      )
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
    return loaders.get<string, LegalReferenceRow[]>('legalBasesByService', (ids) =>
      this.services.legalBasesOf(ids),
    );
  }

  /**
   * The catalogue page (ServiceRepository.page). With `prefetch`, the page's statement brings the
   * owners and legal bases along and they prime the request's loaders: two statements per page.
   */
  list(
    filter: ServiceFilter | null | undefined,
    first: number | null,
    after: string | null | undefined,
    prefetch?: PagePrefetch & { loaders: RequestLoaders },
  ): Promise<Connection<OnlineServiceEntity>> {
    const model = filter?.maturityModel ?? MaturityModel.V1_1;
    for (const key of ['maturityLevel', 'minMaturityLevel'] as const) {
      const level = filter?.[key];
      const problem = level == null ? null : maturityProblem(level, model);
      if (problem) {
        throw DomainError.badInput(`filter.${key}`, 'INVALID_MATURITY', {
          problem,
          model: maturityModelName(model),
          max: MAX_MATURITY[model],
        });
      }
    }
    if (filter?.search && filter.search.length > MAX_SEARCH_LENGTH) {
      throw DomainError.badInput('filter.search', 'SEARCH_TOO_LONG', { max: MAX_SEARCH_LENGTH });
    }
    return this.services.page(filter, first, after, prefetch, (service, { owner, legalBases }) => {
      if (owner) {
        this.organisations.primeById(prefetch!.loaders, owner);
      }
      if (legalBases) {
        this.legalBasesLoader(prefetch!.loaders).prime(service.id, legalBases);
      }
    });
  }

  async register(viewer: Viewer, input: RegisterServiceInput): Promise<OnlineServiceEntity> {
    const slug = input.slug.trim();
    const slugIssue = slugProblem(slug);
    if (slugIssue) {
      throw DomainError.badInput('input.slug', 'INVALID_SLUG', { problem: slugIssue });
    }
    if (input.name == null || input.summary == null) {
      throw DomainError.badInput('input.name', 'REQUIRED');
    }
    const fields = checkServiceFields(input);
    const ownerKey = input.ownerKey?.trim() || viewer.organisation?.key;
    if (!ownerKey) {
      throw DomainError.badInput('input.ownerKey', 'OWNER_REQUIRED');
    }
    if (!mayRegisterServiceFor(viewer, ownerKey)) {
      throw DomainError.forbidden('OWN_ORGANISATION_ONLY');
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
        const owner = await this.organisationRows.findByKey(ownerKey, tx.manager);
        if (!owner) {
          throw DomainError.badInput('input.ownerKey', 'UNKNOWN_ORGANISATION', { key: ownerKey });
        }
        await this.checkRepositoryLink(tx, owner.id, fields.repositoryUrl);
        const service = await this.services.insert(tx.manager, {
          slug,
          name: fields.name!,
          summary: fields.summary!,
          description: fields.description ?? null,
          leikaKeys: fields.leikaKeys ?? [],
          keywords: fields.keywords ?? [],
          ozgIds: fields.ozgIds ?? [],
          themenfeld: fields.themenfeld ?? null,
          maturityLevel: fields.maturityLevel ?? null,
          maturityModel: fields.maturityModel ?? null,
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
        const legalBases = await this.replaceLegalBases(tx, service.id, input.legalBases ?? []);
        tx.audit('service.register', 'OnlineService', service.id, {
          slug,
          owner: ownerKey,
          ...fields,
          reuseModel: input.reuseModel,
          legalBases,
        });
        return service;
      })
      .then((service) => this.searchVocabularyChanged(service))
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'online_service_slug_key') {
          throw DomainError.conflict('SLUG_TAKEN', { slug });
        }
        throw error;
      });
  }

  /** Omitted fields stay, null clears optional ones, `legalBases` (when given) replaces the whole set. */
  async update(viewer: Viewer, id: string, input: UpdateServiceInput): Promise<OnlineServiceEntity> {
    return (await this.updateWith(viewer, id, () => input, { action: 'service.update' })).service;
  }

  /**
   * An update worked out from the service as it is, under its lock: the publiccode.yml import's
   * way in (and update's). `plan` gets the locked row once the caller may change it, and answers
   * the fields to change, or null to change nothing, in which case nothing is written or audited.
   * The fields take update's checks, write and audit event (`audit.action`, with `audit.data`
   * beside the changes), all in one transaction.
   */
  async updateWith(
    viewer: Viewer,
    id: string,
    plan: (service: Readonly<OnlineServiceEntity>) => UpdateServiceInput | null,
    audit: { action: string; data?: Record<string, unknown> },
  ): Promise<{ service: OnlineServiceEntity; written: boolean }> {
    let searched = false;
    const result = await this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.lock(tx, id);
      if (!mayUpdateService(viewer, service)) {
        throw DomainError.forbidden('NOT_OWNER', { subject: 'service' });
      }
      const input = plan(service);
      if (input === null) {
        return { service, written: false };
      }
      // Checked against the stored Reifegrad model: a level given without a model keeps it.
      const fields = checkServiceFields(input, 'input', service.maturityModel);
      await this.checkRepositoryLink(tx, service.ownerId, fields.repositoryUrl);
      searched = (['name', 'keywords', 'summary', 'description'] as const).some((key) => key in fields);
      Object.assign(service, fields, { updatedAt: tx.now });
      await this.services.update(tx.manager, id, { ...fields, updatedAt: tx.now });
      const changes: Record<string, unknown> = { ...fields };
      if (input.legalBases !== undefined) {
        changes.legalBases = await this.replaceLegalBases(tx, id, input.legalBases ?? []);
      }
      tx.audit(audit.action, 'OnlineService', id, { ...changes, ...audit.data });
      return { service, written: true };
    });
    return searched ? this.searchVocabularyChanged(result) : result;
  }

  /** The service by its id, outside any request's loaders; null when missing or not a UUID. */
  async findById(id: string): Promise<OnlineServiceEntity | null> {
    return isUuid(id) ? ((await this.services.byIds([id]))[0] ?? null) : null;
  }

  /** The legal bases of one service with their norms, outside any request's loaders. */
  async legalBasesOf(serviceId: string): Promise<LegalReferenceRow[]> {
    return (await this.services.legalBasesOf([serviceId]))[0];
  }

  /**
   * After a commit that may have brought new words (the trigger added them to the vocabulary):
   * cached expansions of this process would not know them (docs/search.md, "Expansion").
   */
  private searchVocabularyChanged<T>(result: T): T {
    this.searchExpansion.forget();
    return result;
  }

  async setQaPolicy(viewer: Viewer, id: string, rules: QaRule[]): Promise<OnlineServiceEntity> {
    const checked = checkQaPolicy(rules);
    if (checked.problem) {
      throw DomainError.badInput(checked.problem.field, 'INVALID_QA_POLICY', {
        problem: checked.problem.message,
      });
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const service = await this.lock(tx, id);
      if (!maySetQaPolicy(viewer)) {
        throw DomainError.forbidden('OPERATOR_ONLY', { action: 'setQaPolicy' });
      }
      await this.services.setQaPolicy(tx.manager, id, checked.rules, tx.now);
      tx.audit('service.setQaPolicy', 'OnlineService', id, { rules: checked.rules });
      return Object.assign(service, { qaPolicy: checked.rules, updatedAt: tx.now });
    });
  }

  /**
   * A repository on a configured forge only within a namespace mapped to the owner (domain.md,
   * "Repositories and forge namespaces"): the proof that the owner controls the repository whose
   * deliveries create its releases.
   */
  private async checkRepositoryLink(tx: Tx, ownerId: string, url: string | null | undefined): Promise<void> {
    const problem = url ? await this.forgeNamespaces.linkProblem(tx.manager, ownerId, url) : null;
    if (problem) {
      throw DomainError.badInput('input.repositoryUrl', 'REPOSITORY_NOT_IN_NAMESPACE', problem);
    }
  }

  /** The service, locked for this transaction; NOT_FOUND when missing (the catalogue is public). */
  private async lock(tx: Tx, id: string): Promise<OnlineServiceEntity> {
    const service = await this.services.lockById(tx.manager, id);
    if (!service) {
      throw DomainError.notFound('Service', id);
    }
    return service;
  }

  /** Replaces the service's legal bases; unknown abbreviations are BAD_USER_INPUT naming them. */
  private async replaceLegalBases(tx: Tx, serviceId: string, references: LegalReferenceInput[]) {
    const abbreviations = [...new Set(references.map((r) => r.norm.trim()))];
    const norms = await this.norms.byAbbreviations(abbreviations, tx.manager);
    const { rows, problem } = checkLegalBases(references, new Map(norms.map((n) => [n.abbreviation, n])));
    if (problem) {
      throw DomainError.badInput(problem.field, 'INVALID_LEGAL_BASIS', { problem: problem.message });
    }
    await this.services.replaceLegalBases(
      tx.manager,
      serviceId,
      rows.map(({ normId, provision, position }) => ({ normId, provision, position })),
    );
    return rows.map((row) => ({ norm: row.abbreviation, provision: row.provision }));
  }
}
