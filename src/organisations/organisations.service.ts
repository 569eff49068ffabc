import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Access } from '#src/common/auth/access';
import { TokenVerifier } from '#src/common/auth/token-verifier';
import { actorOf, type Actor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import type { Connection } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions } from '#src/database/transactions';
import type { InterfaceStandardInput } from './dto/register-interface-standard.input';
import type { RegisterOrganisationInput } from './dto/register-organisation.input';
import type { InterfaceCapabilityInput } from './dto/set-capabilities.input';
import {
  mayRegisterOrganisations,
  maySetCapabilities,
  registerOrganisationVisibility,
} from './organisation.access';
import type {
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  OrganisationEntity,
} from './organisation.entity';
import type { OrganisationKind } from './organisation-kind';
import { OrganisationRepository } from './organisation.repository';
import {
  checkCapabilities,
  checkOrganisationKey,
  parentProblem,
  type RuleProblem,
  standardKeyProblem,
} from './organisation.rules';

/**
 * Organisations, interface standards and capabilities: the use cases (transactions, audit,
 * permissions from organisation.access.ts, rules from organisation.rules.ts) and the per-request
 * loaders. The SQL is in OrganisationRepository.
 */
@Injectable()
export class OrganisationsService implements OnModuleInit {
  constructor(
    private readonly repository: OrganisationRepository,
    private readonly transactions: Transactions,
    private readonly tokens: TokenVerifier,
    private readonly access: Access,
  ) {}

  onModuleInit() {
    registerOrganisationVisibility(this.access);
    // Tokens name their organisation by key; common/auth asks this module.
    this.tokens.useOrganisationLookup((key) => this.repository.findByKey(key));
  }

  findByKey(key: string): Promise<OrganisationEntity | null> {
    return this.repository.findByKey(key);
  }

  byId(loaders: RequestLoaders, id: string): Promise<OrganisationEntity | null> {
    return this.byIdLoader(loaders).load(id);
  }

  private byIdLoader(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationEntity | null>('organisationById', async (ids) =>
      inKeyOrder(ids, await this.repository.byIds(ids), (row) => row.id),
    );
  }

  /** Hands the loader an organisation fetched elsewhere (e.g. with a page), so no statement is spent on it. */
  primeById(loaders: RequestLoaders, organisation: OrganisationEntity): void {
    this.byIdLoader(loaders).prime(organisation.id, organisation);
  }

  byKey(loaders: RequestLoaders, key: string): Promise<OrganisationEntity | null> {
    return loaders
      .get<string, OrganisationEntity | null>('organisationByKey', async (keys) =>
        inKeyOrder(keys, await this.repository.byKeys(keys), (row) => row.key),
      )
      .load(key);
  }

  list(
    kind: OrganisationKind | string | null | undefined,
    first: number | null,
    after: string | null | undefined,
    condition: string | null = null,
  ): Promise<Connection<OrganisationEntity>> {
    return this.repository.page(kind, first, after, condition);
  }

  capabilities(loaders: RequestLoaders, organisationId: string): Promise<OrganisationCapabilityEntity[]> {
    return loaders
      .get<string, OrganisationCapabilityEntity[]>('capabilitiesByOrganisation', (ids) =>
        this.repository.capabilitiesOf(ids),
      )
      .load(organisationId);
  }

  standardById(loaders: RequestLoaders, id: string): Promise<InterfaceStandardEntity | null> {
    return loaders
      .get<string, InterfaceStandardEntity | null>('standardById', async (ids) =>
        inKeyOrder(ids, await this.repository.standardsByIds(ids), (row) => row.id),
      )
      .load(id);
  }

  standardByKey(loaders: RequestLoaders, key: string): Promise<InterfaceStandardEntity | null> {
    return loaders
      .get<string, InterfaceStandardEntity | null>('standardByKey', async (keys) =>
        inKeyOrder(keys, await this.repository.standardsByKeys(keys), (row) => row.key),
      )
      .load(key);
  }

  standards(): Promise<InterfaceStandardEntity[]> {
    return this.repository.allStandards();
  }

  async register(viewer: Viewer, input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    if (!mayRegisterOrganisations(viewer)) {
      throw DomainError.forbidden('OPERATOR_ONLY', { action: 'registerOrganisations' });
    }
    return this.registerAs(actorOf(viewer), input);
  }

  /** Also used by the seed, as the system actor. The name is checked by the input's decorators. */
  async registerAs(actor: Actor, input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    const name = input.name;
    const key = input.key.trim();
    const { ars, problems } = checkOrganisationKey({ key, kind: input.kind, ars: input.ars?.trim() || null });
    if (problems.length > 0) {
      throw keyRefusal(`input.${problems[0].field}`, 'INVALID_ORGANISATION', problems[0]);
    }

    const organisation = await this.transactions
      .run(actor, async (tx) => {
        let parentId: string | null = null;
        const parentKey = input.parentKey?.trim();
        if (parentKey) {
          const parent = await this.repository.findByKey(parentKey, tx.manager);
          if (!parent) {
            throw DomainError.badInput('input.parentKey', 'UNKNOWN_ORGANISATION', { key: parentKey });
          }
          const problem = parentProblem({ kind: input.kind, ars }, parent);
          if (problem) {
            throw keyRefusal('input.parentKey', 'INVALID_PARENT', problem);
          }
          parentId = parent.id;
        }
        const row = await this.repository.insert(tx.manager, {
          key,
          name,
          kind: input.kind,
          ars,
          parentId,
          createdAt: tx.now,
          updatedAt: tx.now,
        });
        tx.audit('organisation.register', 'Organisation', row.id, {
          key,
          name,
          kind: input.kind,
          ars,
          parentKey: input.parentKey ?? null,
        });
        return row;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) !== undefined) {
          throw DomainError.conflict('ORGANISATION_EXISTS', { key });
        }
        throw error;
      });
    this.tokens.forgetOrganisation(key);
    return organisation;
  }

  /** Replaces the organisation's declared capabilities (one entry per standard). */
  async setCapabilities(
    viewer: Viewer,
    organisationKey: string,
    capabilities: InterfaceCapabilityInput[],
  ): Promise<OrganisationEntity> {
    const organisation = await this.repository.findByKey(organisationKey);
    if (!organisation) {
      throw DomainError.notFound('Organisation', organisationKey);
    }
    if (!maySetCapabilities(viewer, organisation.id)) {
      throw DomainError.forbidden('MUNICIPALITY_ADMIN_ONLY', {
        organisation: organisationKey,
        action: 'capabilities',
      });
    }
    const { entries, problem } = checkCapabilities(capabilities);
    if (problem) {
      throw DomainError.badInput(problem.field, 'INVALID_CAPABILITIES', { problem: problem.message });
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const standards = await this.repository.standardsByKeys(
        entries.map((e) => e.standard),
        tx.manager,
      );
      const byKey = new Map(standards.map((s) => [s.key, s]));
      const rows = entries.map((entry) => {
        const standard = byKey.get(entry.standard);
        if (!standard) {
          throw DomainError.badInput(`${entry.field}.standard`, 'UNKNOWN_INTERFACE_STANDARD', {
            standard: entry.standard,
          });
        }
        return { standardId: standard.id, versions: entry.versions };
      });
      await this.repository.replaceCapabilities(tx.manager, organisation.id, rows, tx.now);
      tx.audit('organisation.setCapabilities', 'Organisation', organisation.id, {
        capabilities: entries.map(({ standard, versions }) => ({ standard, versions })),
      });
      return organisation;
    });
  }

  /** `registerInterfaceStandard`, for a viewer (OPERATOR). */
  async registerStandardBy(viewer: Viewer, input: InterfaceStandardInput): Promise<InterfaceStandardEntity> {
    if (!mayRegisterOrganisations(viewer)) {
      throw DomainError.forbidden('OPERATOR_ONLY', { action: 'registerStandards' });
    }
    return this.registerStandard(actorOf(viewer), input);
  }

  /** Also used by the seed, as the system actor. The name is checked by the input's decorators. */
  async registerStandard(actor: Actor, input: InterfaceStandardInput): Promise<InterfaceStandardEntity> {
    const key = input.key.trim();
    const keyIssue = standardKeyProblem(key);
    if (keyIssue) {
      throw DomainError.badInput('input.key', 'INVALID_STANDARD_KEY', { problem: keyIssue });
    }
    const name = input.name;
    return this.transactions
      .run(actor, async (tx) => {
        const row = await this.repository.insertStandard(tx.manager, {
          key,
          name,
          kind: input.kind,
          createdAt: tx.now,
        });
        tx.audit('interfaceStandard.register', 'InterfaceStandard', row.id, { key, name, kind: input.kind });
        return row;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) !== undefined) {
          throw DomainError.conflict('INTERFACE_STANDARD_EXISTS', { key });
        }
        throw error;
      });
  }
}

/** BAD_USER_INPUT for a broken key rule: the field, and the rule's name in extensions.rule. */
function keyRefusal(
  field: string,
  reason: 'INVALID_ORGANISATION' | 'INVALID_PARENT',
  { rule, message, facts }: RuleProblem,
): DomainError {
  return new DomainError(reason, { rule, problem: message, ...facts }, { field, rule });
}
