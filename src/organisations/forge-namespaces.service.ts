import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import type { RequestLoaders } from '#src/common/graphql/request-context';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions } from '#src/database/transactions';
import type { ForgeNamespaceInput } from './dto/map-forge-namespace.input';
import { ForgeNamespaceRepository } from './forge-namespace.repository';
import {
  covers,
  forgeRepositoryOf,
  namespaceProblem,
  normaliseNamespace,
  type ForgeHosts,
  type ForgeRepository,
} from './forge-namespace.rules';
import { mayRegisterOrganisations } from './organisation.access';
import type { ForgeNamespaceEntity } from './organisation.entity';
import { OrganisationRepository } from './organisation.repository';

/**
 * Forge namespaces mapped to organisations (domain.md, "Repositories and forge namespaces"):
 * an OPERATOR maps and unmaps them; the catalogue asks whether a service may link a repository,
 * the forges' delivery handling whether a repository's owner is the service's.
 */
@Injectable()
export class ForgeNamespacesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly namespaces: ForgeNamespaceRepository,
    private readonly organisations: OrganisationRepository,
    private readonly transactions: Transactions,
  ) {}

  /** The web hosts of the configured forges. */
  get hosts(): ForgeHosts {
    return { github: this.config.github.webHosts, gitlab: [] };
  }

  /** The repository a URL names on a configured forge, or null. */
  repositoryOf(url: string | null | undefined): ForgeRepository | null {
    return forgeRepositoryOf(url, this.hosts);
  }

  of(loaders: RequestLoaders, organisationId: string): Promise<ForgeNamespaceEntity[]> {
    return loaders
      .get<string, ForgeNamespaceEntity[]>('forgeNamespacesByOrganisation', (ids) =>
        this.namespaces.ofOrganisations(ids),
      )
      .load(organisationId);
  }

  /**
   * Why the organisation may not link `url`, or null: a repository on a configured forge must lie
   * in a namespace mapped to it; a URL elsewhere is a plain link (the registry never acts on it).
   */
  async linkProblem(
    manager: EntityManager,
    organisationId: string,
    url: string | null,
  ): Promise<{ repository: string; namespaces: string[] } | null> {
    const repository = this.repositoryOf(url);
    if (!repository) {
      return null;
    }
    const mapped = await this.namespaces.ofOrganisation(manager, organisationId, repository.forge);
    return mapped.some((namespace) => covers(namespace, repository))
      ? null
      : { repository: repository.fullName, namespaces: mapped.map((namespace) => namespace.namespace) };
  }

  /** Of these services (id, owner, repositoryUrl), the ids whose repository lies in a namespace mapped to their owner. */
  async mappedForOwners(
    manager: EntityManager,
    services: readonly { id: string; owner_id: string; repository_url: string }[],
  ): Promise<Set<string>> {
    const mapped = new Set<string>();
    for (const service of services) {
      if (!(await this.linkProblem(manager, service.owner_id, service.repository_url))) {
        mapped.add(service.id);
      }
    }
    return mapped;
  }

  async map(viewer: Viewer, input: ForgeNamespaceInput): Promise<ForgeNamespaceEntity> {
    const { namespace, organisationId } = await this.checked(viewer, input);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const row = await this.namespaces.insert(tx.manager, {
        forge: input.forge,
        namespace,
        organisationId,
        createdAt: tx.now,
      });
      if (!row) {
        throw DomainError.conflict('FORGE_NAMESPACE_MAPPED', {
          namespace,
          organisation: input.organisationKey,
        });
      }
      tx.audit('forgeNamespace.map', 'Organisation', organisationId, { forge: input.forge, namespace });
      return row;
    });
  }

  /** Removes a mapping. Links made under it stay; deliveries from its repositories are skipped from now on. */
  async unmap(viewer: Viewer, input: ForgeNamespaceInput): Promise<ForgeNamespaceEntity> {
    const { namespace, organisationId } = await this.checked(viewer, input);
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const row = await this.namespaces.delete(tx.manager, { forge: input.forge, namespace, organisationId });
      if (!row) {
        throw DomainError.badInput('input.namespace', 'FORGE_NAMESPACE_NOT_MAPPED', {
          namespace,
          organisation: input.organisationKey,
        });
      }
      tx.audit('forgeNamespace.unmap', 'Organisation', organisationId, { forge: input.forge, namespace });
      return row;
    });
  }

  private async checked(viewer: Viewer, input: ForgeNamespaceInput) {
    if (!mayRegisterOrganisations(viewer)) {
      throw DomainError.forbidden('OPERATOR_ONLY', { action: 'forgeNamespaces' });
    }
    const namespace = normaliseNamespace(input.namespace);
    const problem = namespaceProblem(input.forge, namespace);
    if (problem) {
      throw DomainError.badInput('input.namespace', 'INVALID_FORGE_NAMESPACE', { problem });
    }
    const organisation = await this.organisations.findByKey(input.organisationKey.trim());
    if (!organisation) {
      throw DomainError.badInput('input.organisationKey', 'UNKNOWN_ORGANISATION', {
        key: input.organisationKey,
      });
    }
    return { namespace, organisationId: organisation.id };
  }
}
