import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Access, PUBLIC_POLICY } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { TokenVerifier } from '#src/common/auth/token-verifier';
import { actorOf, actsFor, type Actor, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { paginate, type Connection } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { uniqueViolation } from '#src/database/pg-errors';
import { Transactions, type Tx } from '#src/database/transactions';
import type { InterfaceStandardInput } from './dto/register-interface-standard.input';
import type { RegisterOrganisationInput } from './dto/register-organisation.input';
import type { InterfaceCapabilityInput } from './dto/set-capabilities.input';
import {
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  OrganisationEntity,
} from './organisation.entity';
import { checkOrganisationKey, parentProblem, SLUG_PATTERN } from './organisation.rules';

const MAX_NAME = 200;

function requireText(field: string, value: string, max = MAX_NAME): string {
  const trimmed = value.trim();
  if (trimmed === '') {
    throw DomainError.badInput(field, 'must not be empty');
  }
  if (trimmed.length > max) {
    throw DomainError.badInput(field, `must be at most ${max} characters`);
  }
  return trimmed;
}

@Injectable()
export class OrganisationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly tokens: TokenVerifier,
    private readonly access: Access,
  ) {}

  onModuleInit() {
    // Organisations and interface standards are public (domain.md, who may do what).
    this.access.register(PUBLIC_POLICY('Organisation'));
    this.access.register(PUBLIC_POLICY('InterfaceStandard'));
  }

  findByKey(key: string): Promise<OrganisationEntity | null> {
    return this.db.getRepository(OrganisationEntity).findOneBy({ key });
  }

  byId(loaders: RequestLoaders, id: string): Promise<OrganisationEntity | null> {
    return this.byIdLoader(loaders).load(id);
  }

  private byIdLoader(loaders: RequestLoaders) {
    return loaders.get<string, OrganisationEntity | null>('organisationById', async (ids) => {
      const rows = await this.db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
      return inKeyOrder(ids, rows, (row) => row.id);
    });
  }

  /** Hands the loader an organisation fetched elsewhere (e.g. with a page), so no statement is spent on it. */
  primeById(loaders: RequestLoaders, organisation: OrganisationEntity): void {
    this.byIdLoader(loaders).prime(organisation.id, organisation);
  }

  byKey(loaders: RequestLoaders, key: string): Promise<OrganisationEntity | null> {
    return loaders
      .get<string, OrganisationEntity | null>('organisationByKey', async (keys) => {
        const rows = await this.db.getRepository(OrganisationEntity).findBy({ key: In([...keys]) });
        return inKeyOrder(keys, rows, (row) => row.key);
      })
      .load(key);
  }

  list(
    kind: string | null | undefined,
    first: number | null,
    after: string | null | undefined,
  ): Promise<Connection<OrganisationEntity>> {
    const query = this.db.getRepository(OrganisationEntity).createQueryBuilder('o');
    if (kind) {
      query.where('o.kind = :kind', { kind });
    }
    return paginate(query, { first, after }, [
      { expression: 'o.key', direction: 'ASC', type: 'text', value: (o) => o.key },
    ]);
  }

  capabilities(loaders: RequestLoaders, organisationId: string): Promise<OrganisationCapabilityEntity[]> {
    return loaders
      .get<string, OrganisationCapabilityEntity[]>('capabilitiesByOrganisation', async (ids) => {
        const rows = await this.db
          .getRepository(OrganisationCapabilityEntity)
          .createQueryBuilder('c')
          .innerJoin(InterfaceStandardEntity, 's', 's.id = c.standard_id')
          .where('c.organisation_id IN (:...ids)', { ids })
          .orderBy('s.key')
          .getMany();
        return ids.map((id) => rows.filter((row) => row.organisationId === id));
      })
      .load(organisationId);
  }

  standardById(loaders: RequestLoaders, id: string): Promise<InterfaceStandardEntity | null> {
    return loaders
      .get<string, InterfaceStandardEntity | null>('standardById', async (ids) => {
        const rows = await this.db.getRepository(InterfaceStandardEntity).findBy({ id: In([...ids]) });
        return inKeyOrder(ids, rows, (row) => row.id);
      })
      .load(id);
  }

  standardByKey(loaders: RequestLoaders, key: string): Promise<InterfaceStandardEntity | null> {
    return loaders
      .get<string, InterfaceStandardEntity | null>('standardByKey', async (keys) => {
        const rows = await this.db.getRepository(InterfaceStandardEntity).findBy({ key: In([...keys]) });
        return inKeyOrder(keys, rows, (row) => row.key);
      })
      .load(key);
  }

  standards(): Promise<InterfaceStandardEntity[]> {
    return this.db.getRepository(InterfaceStandardEntity).find({ order: { key: 'ASC' } });
  }

  async register(viewer: Viewer, input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    return this.registerAs(actorOf(viewer), input);
  }

  /** Also used by the seed, as the system actor. */
  async registerAs(actor: Actor, input: RegisterOrganisationInput): Promise<OrganisationEntity> {
    const name = requireText('input.name', input.name);
    const key = input.key.trim();
    const { ars, problems } = checkOrganisationKey({ key, kind: input.kind, ars: input.ars?.trim() || null });
    if (problems.length > 0) {
      throw DomainError.badInput(`input.${problems[0].field}`, problems[0].message);
    }

    const organisation = await this.transactions
      .run(actor, async (tx) => {
        let parentId: string | null = null;
        const parentKey = input.parentKey?.trim();
        if (parentKey) {
          const parent = await tx.manager.findOneBy(OrganisationEntity, { key: parentKey });
          if (!parent) {
            throw DomainError.badInput('input.parentKey', `no organisation with key ${input.parentKey}`);
          }
          const problem = parentProblem({ kind: input.kind, ars }, parent);
          if (problem) {
            throw DomainError.badInput('input.parentKey', problem);
          }
          parentId = parent.id;
        }
        const row = tx.manager.create(OrganisationEntity, {
          key,
          name,
          kind: input.kind,
          ars,
          parentId,
          createdAt: tx.now,
          updatedAt: tx.now,
        });
        await tx.manager.insert(OrganisationEntity, row);
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
          throw DomainError.conflict(`An organisation with key ${key} exists already`);
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
    const organisation = await this.findByKey(organisationKey);
    if (!organisation) {
      throw DomainError.notFound('Organisation', organisationKey);
    }
    if (!actsFor(viewer, organisation.id, Role.MUNICIPALITY_ADMIN)) {
      throw DomainError.forbidden(
        `Only ${organisationKey}'s MUNICIPALITY_ADMIN or an OPERATOR may set its capabilities`,
      );
    }
    const seen = new Set<string>();
    const entries = capabilities.map((capability, i) => {
      const field = `capabilities[${i}]`;
      if (seen.has(capability.standard)) {
        throw DomainError.badInput(`${field}.standard`, `${capability.standard} is listed twice`);
      }
      seen.add(capability.standard);
      const versions = [...new Set(capability.versions.map((v) => v.trim()))];
      if (versions.length === 0 || versions.some((v) => v === '' || v.length > 40)) {
        throw DomainError.badInput(`${field}.versions`, 'name at least one version, each 1-40 characters');
      }
      return { standard: capability.standard, versions, field };
    });
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const standards = await tx.manager.findBy(InterfaceStandardEntity, {
        key: In(entries.map((e) => e.standard)),
      });
      const byKey = new Map(standards.map((s) => [s.key, s]));
      for (const entry of entries) {
        if (!byKey.has(entry.standard)) {
          throw DomainError.badInput(
            `${entry.field}.standard`,
            `unknown interface standard ${entry.standard}`,
          );
        }
      }
      // Lock the organisation row so that two concurrent replacements cannot interleave.
      await tx.manager.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [organisation.id]);
      await tx.manager.delete(OrganisationCapabilityEntity, { organisationId: organisation.id });
      if (entries.length > 0) {
        await tx.manager.insert(
          OrganisationCapabilityEntity,
          entries.map((entry) => ({
            organisationId: organisation.id,
            standardId: byKey.get(entry.standard)!.id,
            versions: entry.versions,
          })),
        );
      }
      await tx.manager.update(OrganisationEntity, { id: organisation.id }, { updatedAt: tx.now });
      tx.audit('organisation.setCapabilities', 'Organisation', organisation.id, {
        capabilities: entries.map(({ standard, versions }) => ({ standard, versions })),
      });
      return organisation;
    });
  }

  async registerStandard(actor: Actor, input: InterfaceStandardInput): Promise<InterfaceStandardEntity> {
    const key = input.key.trim();
    if (!SLUG_PATTERN.test(key) || key.length > 40) {
      throw DomainError.badInput(
        'input.key',
        'must be a lower-case slug such as "xbau" or "fit-connect", at most 40 characters',
      );
    }
    const name = requireText('input.name', input.name);
    return this.transactions
      .run(actor, async (tx: Tx) => {
        const row = tx.manager.create(InterfaceStandardEntity, {
          key,
          name,
          kind: input.kind,
          createdAt: tx.now,
        });
        await tx.manager.insert(InterfaceStandardEntity, row);
        tx.audit('interfaceStandard.register', 'InterfaceStandard', row.id, { key, name, kind: input.kind });
        return row;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) !== undefined) {
          throw DomainError.conflict(`An interface standard with key ${key} exists already`);
        }
        throw error;
      });
  }
}
