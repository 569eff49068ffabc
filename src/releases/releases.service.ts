import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { ServiceLifecycle } from '#src/catalogue/catalogue-enums';
import { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { Access } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actorOf, actsFor, hasRole, isOperator, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { paginate } from '#src/common/graphql/pagination';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import { QaPolicies } from '#src/qa/qa-policies';
import { uniqueViolation } from '#src/database/pg-errors';
import { TransactionEvents } from '#src/database/transaction-events';
import { Transactions, type Tx } from '#src/database/transactions';
import './release.events';
import { InterfaceStandardEntity } from '#src/organisations/organisation.entity';
import type {
  ChangeEntryInput,
  CreateReleaseInput,
  InterfaceUseInput,
  SignOffInput,
  UpdateReleaseInput,
  WaiveGateInput,
} from './dto/release.inputs';
import {
  QaGateStatus,
  ReleaseState,
  type ChangeEntry,
  type InterfaceUse,
  type UserRef,
} from './release-enums';
import { QaGateEntity, ReleaseEntity, SignOffEntity } from './release.entity';
import { ReleaseRepository } from './release.repository';
import {
  GATE_KIND_ROLE,
  gateOutcome,
  impactOf,
  REVIEW_STATES,
  stateFromGates,
  versionColumns,
  type GateOutcome,
  type Impact,
} from './release.rules';
import { QaGateKind } from '#src/qa/qa-policy.rules';

const REVIEWER_ROLES = [Role.REVIEWER_USABILITY, Role.REVIEWER_SECURITY, Role.REVIEWER_INTERFACES];
const WAIVER_MAX_DAYS = 366;

export interface GateView {
  gate: QaGateEntity;
  /** Current and outdated sign-offs (replaced ones are hidden), oldest first. */
  signOffs: SignOffEntity[];
  outcome: GateOutcome;
}

/** Everything derived about a release at one moment: its baseline, impact, gates and state. */
export interface Evaluation {
  release: ReleaseEntity;
  baseline: ReleaseEntity | null;
  impact: Impact;
  gates: GateView[];
  state: ReleaseState;
}

function userOf(viewer: Viewer): UserRef {
  return { subject: viewer.subject, name: viewer.name, organisation: viewer.organisation?.key ?? null };
}

/** The system actor of releases imported from GitHub. */
export const GITHUB_SUBJECT = 'github';

/** A GitHub release as the registry takes it in (src/github/release-import.ts reads the payload). */
export interface ImportedRelease {
  version: string;
  notes: string | null;
  artifactDigest: string;
  artifactUrl: string | null;
  /** The GitHub login that published it. */
  sender: string | null;
  /** Where it came from, for the audit: the delivery id and the GitHub release's URL. */
  source: { delivery: string; url: string | null; sender: string | null };
}

/** A new DRAFT release of the service. */
function draft(
  tx: Tx,
  service: OnlineServiceEntity,
  values: Pick<
    ReleaseEntity,
    'version' | 'notes' | 'changes' | 'interfaces' | 'artifactDigest' | 'artifactUrl' | 'createdBy'
  >,
): ReleaseEntity {
  return tx.manager.create(ReleaseEntity, {
    ...values,
    serviceId: service.id,
    ...versionColumns(values.version),
    state: ReleaseState.DRAFT,
    authorSubject: values.createdBy.subject,
    importedFrom: null,
    createdAt: tx.now,
    submittedAt: null,
    publishedAt: null,
    withdrawal: null,
    deprecation: null,
  });
}

function conflictState(release: { state: ReleaseState; version: string }, action: string): DomainError {
  return DomainError.conflict(`Cannot ${action} release ${release.version}: it is ${release.state}`, {
    state: release.state,
  });
}

@Injectable()
export class ReleasesService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly qaPolicies: QaPolicies,
    private readonly repository: ReleaseRepository,
    private readonly events: TransactionEvents,
    private readonly transactions: Transactions,
    private readonly access: Access,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    // PUBLISHED releases are public; the others only for the owner's MAINTAINERs, reviewers and OPERATORs.
    this.access.register({
      entityType: 'Release',
      visibleIds: async (viewer, ids) => {
        if (isOperator(viewer) || hasRole(viewer, ...REVIEWER_ROLES)) {
          return new Set(ids);
        }
        const maintainerOrg = hasRole(viewer, Role.MAINTAINER) ? (viewer?.organisation?.id ?? null) : null;
        const rows: { id: string }[] = await this.db.query(
          `SELECT r.id FROM release r JOIN online_service s ON s.id = r.service_id
            WHERE r.id = ANY($1::uuid[]) AND (r.state = 'PUBLISHED' OR s.owner_id = $2)`,
          [ids.filter(isUuid), maintainerOrg],
        );
        return new Set(rows.map((row) => row.id));
      },
    });
  }

  // ------------------------------------------------------------------ reading

  /** The release if the viewer may see it, else null (root lookups answer null). */
  async findVisible(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    id: string,
  ): Promise<ReleaseEntity | null> {
    if (!isUuid(id)) {
      return null;
    }
    const release = await this.byId(loaders, id);
    if (!release) {
      return null;
    }
    return (await this.access.canSee(loaders, viewer, 'Release', id)) ? release : null;
  }

  byId(loaders: RequestLoaders, id: string): Promise<ReleaseEntity | null> {
    return loaders
      .get<string, ReleaseEntity | null>('releaseById', async (ids) =>
        inKeyOrder(
          ids,
          await this.db.getRepository(ReleaseEntity).findBy({ id: In([...ids]) }),
          (row) => row.id,
        ),
      )
      .load(id);
  }

  /** The service's releases that the viewer may see, newest first. */
  listForService(
    viewer: Viewer | null,
    service: OnlineServiceEntity,
    first: number | null,
    after: string | null,
  ) {
    const query = this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.service_id = :serviceId', { serviceId: service.id });
    const seesAll =
      isOperator(viewer) ||
      hasRole(viewer, ...REVIEWER_ROLES) ||
      actsFor(viewer, service.ownerId, Role.MAINTAINER);
    if (!seesAll) {
      query.andWhere(`r.state = 'PUBLISHED'`);
    }
    return paginate(query, { first, after }, [
      {
        expression: 'r.created_at',
        direction: 'DESC',
        type: 'text',
        value: (r) => r.createdAt.toISOString(),
      },
      { expression: 'r.id', direction: 'DESC', type: 'uuid', value: (r) => r.id },
    ]);
  }

  /** Highest PUBLISHED release that is neither a pre-release nor deprecated, for a page of services at once. */
  latest(loaders: RequestLoaders, serviceId: string): Promise<ReleaseEntity | null> {
    return loaders
      .get<string, ReleaseEntity | null>('latestReleaseByService', async (ids) => {
        const latest = await this.repository.latestPublished(ids);
        return ids.map((id) => latest.get(id) ?? null);
      })
      .load(serviceId);
  }

  /** Baseline, impact, gates and state, batched for every release the request touches. */
  evaluation(loaders: RequestLoaders, release: ReleaseEntity): Promise<Evaluation> {
    return loaders
      .get<ReleaseEntity, Evaluation>('releaseEvaluation', (releases) =>
        this.evaluate(this.db.manager, releases),
      )
      .load(release);
  }

  /** PENDING gates the viewer may sign: its reviewer kinds, not its own releases, not yet signed by it; oldest first. */
  async reviewQueue(viewer: Viewer, kind: QaGateKind | null): Promise<GateView[]> {
    if (isOperator(viewer)) {
      return [];
    }
    const kinds = (Object.keys(GATE_KIND_ROLE) as QaGateKind[]).filter(
      (k) => hasRole(viewer, GATE_KIND_ROLE[k] as Role) && (!kind || k === kind),
    );
    if (kinds.length === 0) {
      return [];
    }
    const releases = await this.db
      .getRepository(ReleaseEntity)
      .createQueryBuilder('r')
      .where('r.state IN (:...states)', { states: REVIEW_STATES })
      .andWhere('r.author_subject <> :me', { me: viewer.subject })
      // Gates of the viewer's kinds that it has not signed (for the current artifact) yet.
      .andWhere(
        `EXISTS (SELECT 1 FROM qa_gate g WHERE g.release_id = r.id AND g.kind IN (:...kinds)
                   AND NOT EXISTS (SELECT 1 FROM sign_off so WHERE so.gate_id = g.id AND so.reviewer_subject = :me
                                     AND so.replaced_at IS NULL AND NOT so.outdated))`,
        { kinds },
      )
      .orderBy('r.submitted_at', 'ASC')
      .addOrderBy('r.id')
      .getMany();
    const evaluations = await this.evaluate(this.db.manager, releases);
    return evaluations.flatMap((evaluation) =>
      evaluation.gates.filter(
        (view) =>
          kinds.includes(view.gate.kind) &&
          view.outcome.status === QaGateStatus.PENDING &&
          !view.signOffs.some((s) => !s.outdated && s.reviewerSubject === viewer.subject),
      ),
    );
  }

  // ------------------------------------------------------------------ lifecycle

  /** `input` has passed the input rules (trimmed, digest and URLs checked: see dto/release.inputs.ts). */
  async create(viewer: Viewer, input: CreateReleaseInput): Promise<ReleaseEntity> {
    const digest = input.artifactDigest;
    const artifactUrl = input.artifactUrl ?? null;
    const notes = input.notes ?? null;
    const changes = this.checkChanges(input.changes ?? []);
    return this.transactions
      .run(actorOf(viewer), async (tx) => {
        const service = isUuid(input.serviceId)
          ? await tx.manager.findOne(OnlineServiceEntity, {
              where: { id: input.serviceId },
              lock: { mode: 'pessimistic_read' },
            })
          : null;
        if (!service) {
          throw DomainError.notFound('Service', input.serviceId);
        }
        if (!actsFor(viewer, service.ownerId, Role.MAINTAINER)) {
          throw DomainError.forbidden("Only the owner's MAINTAINERs and OPERATORs may create releases");
        }
        if (service.lifecycle === ServiceLifecycle.RETIRED) {
          throw DomainError.conflict(`Service ${service.slug} is RETIRED and takes no new releases`, {
            lifecycle: service.lifecycle,
          });
        }
        const interfaces = await this.checkInterfaces(tx.manager, input.interfaces ?? []);
        const release = draft(tx, service, {
          version: input.version,
          notes,
          changes,
          interfaces,
          artifactDigest: digest,
          artifactUrl,
          createdBy: userOf(viewer),
        });
        await tx.manager.insert(ReleaseEntity, release);
        // Only campaigns that target this service: else BAD_USER_INPUT (domain.md).
        await this.events.emit(tx, 'release.created', { release, fulfils: input.fulfils ?? [] });
        tx.audit('release.create', 'Release', release.id, {
          fulfils: input.fulfils ?? [],
          service: service.slug,
          version: input.version,
          artifactDigest: digest,
        });
        return release;
      })
      .catch((error: unknown) => {
        if (uniqueViolation(error) === 'release_service_id_version_key') {
          throw DomainError.conflict(
            `Version ${input.version} exists already for this service (versions are never reused)`,
          );
        }
        throw error;
      });
  }

  /**
   * A DRAFT imported from a GitHub release, in the delivery's transaction (actor `github`). Null
   * when the version exists already: versions are immutable, the existing release is left alone.
   */
  async createImported(
    tx: Tx,
    serviceId: string,
    imported: ImportedRelease,
  ): Promise<{ release: ReleaseEntity } | { skipped: string }> {
    const service = await tx.manager.findOne(OnlineServiceEntity, {
      where: { id: serviceId },
      lock: { mode: 'pessimistic_read' },
    });
    if (!service) {
      return { skipped: 'the service is gone' };
    }
    if (service.lifecycle === ServiceLifecycle.RETIRED) {
      return { skipped: `${service.slug} is RETIRED and takes no new releases` };
    }
    const columns = versionColumns(imported.version);
    // GitHub knows nothing of interfaces: the draft starts with its baseline's, so that an import
    // is not read as removing them all (a breaking change). The maintainers adjust them in DRAFT.
    const [baseline]: { interfaces: InterfaceUse[] }[] = await tx.manager.query(
      `SELECT interfaces FROM release
        WHERE service_id = $1 AND state = 'PUBLISHED' AND prerelease IS NULL AND (major, minor, patch) < ($2, $3, $4)
        ORDER BY major DESC, minor DESC, patch DESC LIMIT 1`,
      [service.id, columns.major, columns.minor, columns.patch],
    );
    const release = draft(tx, service, {
      version: imported.version,
      notes: imported.notes?.slice(0, 20_000) || null,
      changes: [],
      interfaces: baseline?.interfaces ?? [],
      artifactDigest: imported.artifactDigest,
      artifactUrl: imported.artifactUrl,
      createdBy: { subject: GITHUB_SUBJECT, name: imported.sender, organisation: null },
    });
    release.importedFrom = imported.source;
    // ON CONFLICT: a version created meanwhile by hand is left alone, and the transaction lives on.
    const inserted = await tx.manager
      .createQueryBuilder()
      .insert()
      .into(ReleaseEntity)
      .values(release)
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) {
      return { skipped: `${service.slug} has version ${imported.version} already (versions are immutable)` };
    }
    release.id = (inserted.raw as { id: string }[])[0].id;
    tx.audit('release.create', 'Release', release.id, {
      service: service.slug,
      version: imported.version,
      artifactDigest: imported.artifactDigest,
      importedFrom: imported.source,
    });
    return { release };
  }

  async update(viewer: Viewer, id: string, input: UpdateReleaseInput): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      const patch: Partial<ReleaseEntity> = {};
      if (input.notes !== undefined) {
        if (!(release.state === ReleaseState.DRAFT || REVIEW_STATES.includes(release.state))) {
          throw conflictState(release, 'edit the notes of');
        }
        patch.notes = input.notes;
      }
      if (input.changes !== undefined || input.interfaces !== undefined) {
        if (release.state !== ReleaseState.DRAFT) {
          throw conflictState(release, 'change the changes or interfaces of');
        }
        if (input.changes === null || input.interfaces === null) {
          throw DomainError.badInput(
            input.changes === null ? 'input.changes' : 'input.interfaces',
            'is a list: send [] to empty it',
          );
        }
        if (input.changes) {
          patch.changes = this.checkChanges(input.changes);
        }
        if (input.interfaces) {
          patch.interfaces = await this.checkInterfaces(tx.manager, input.interfaces);
        }
      }
      if (Object.keys(patch).length === 0) {
        return release;
      }
      await tx.manager.update(ReleaseEntity, { id }, patch);
      tx.audit('release.update', 'Release', id, patch);
      return Object.assign(release, patch);
    });
  }

  async updateArtifact(
    viewer: Viewer,
    id: string,
    artifactDigest: string,
    artifactUrl: string | null | undefined,
  ): Promise<ReleaseEntity> {
    const digest = artifactDigest;
    const url = artifactUrl ?? null;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      if (!(release.state === ReleaseState.DRAFT || REVIEW_STATES.includes(release.state))) {
        throw conflictState(release, 'change the artifact of');
      }
      const before = await this.currentState(tx, release);
      if (digest === release.artifactDigest) {
        // The same artifact: nothing to review again (only a new digest outdates sign-offs).
        if (artifactUrl !== undefined && url !== release.artifactUrl) {
          await tx.manager.update(ReleaseEntity, { id }, { artifactUrl: url });
          tx.audit('release.updateArtifact', 'Release', id, { artifactDigest: digest, artifactUrl: url });
        }
        return Object.assign(release, artifactUrl !== undefined ? { artifactUrl: url } : {});
      }
      const patch = { artifactDigest: digest, ...(artifactUrl !== undefined ? { artifactUrl: url } : {}) };
      await tx.manager.update(ReleaseEntity, { id }, patch);
      Object.assign(release, patch);
      // Every sign-off was for the old artifact: kept and shown, no longer counted. Waivers stay.
      await tx.manager.query(
        `UPDATE sign_off SET outdated = true WHERE NOT outdated AND gate_id IN (SELECT id FROM qa_gate WHERE release_id = $1)`,
        [id],
      );
      tx.audit('release.updateArtifact', 'Release', id, { artifactDigest: digest, artifactUrl: url });
      await this.settle(tx, release, before);
      return release;
    });
  }

  async submit(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      if (release.state !== ReleaseState.DRAFT) {
        throw conflictState(release, 'submit');
      }
      const service = await tx.manager.findOneByOrFail(OnlineServiceEntity, { id: release.serviceId });
      const policy = this.qaPolicies.of(service);
      // A snapshot of the policy: later policy changes do not touch these gates.
      await tx.manager.insert(
        QaGateEntity,
        policy.map((rule) => ({
          releaseId: id,
          kind: rule.kind,
          requiredApprovals: rule.requiredApprovals,
          waiver: null,
          createdAt: tx.now,
        })),
      );
      // For the four-eyes rule, who submits an imported release counts as its creator (domain.md).
      const authorSubject = release.importedFrom ? viewer.subject : release.authorSubject;
      const submitted = { state: ReleaseState.IN_REVIEW, submittedAt: tx.now, authorSubject };
      await tx.manager.update(ReleaseEntity, { id }, submitted);
      Object.assign(release, submitted);
      tx.audit('release.submit', 'Release', id, { gates: policy });
      await this.settle(tx, release, ReleaseState.IN_REVIEW);
      return release;
    });
  }

  async signOff(
    viewer: Viewer,
    input: SignOffInput,
  ): Promise<{ release: ReleaseEntity; gate: QaGateEntity }> {
    if (isOperator(viewer)) {
      throw DomainError.forbidden('An OPERATOR is never a reviewer, whatever other roles the token names');
    }
    if (!hasRole(viewer, GATE_KIND_ROLE[input.kind] as Role)) {
      throw DomainError.forbidden(
        `Signing off a ${input.kind} gate needs the role ${GATE_KIND_ROLE[input.kind]}`,
      );
    }
    const comment = input.comment ?? null;
    const evidenceUrl = input.evidenceUrl ?? null;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lock(tx, input.releaseId);
      if (release.authorSubject === viewer.subject) {
        throw DomainError.forbidden('The four-eyes principle: you cannot sign off a release you created');
      }
      if (!REVIEW_STATES.includes(release.state)) {
        throw conflictState(release, 'sign off');
      }
      const before = await this.currentState(tx, release);
      const gate = await tx.manager.findOneBy(QaGateEntity, { releaseId: release.id, kind: input.kind });
      if (!gate) {
        throw DomainError.badInput('input.kind', `release ${release.version} has no ${input.kind} gate`);
      }
      // One current sign-off per reviewer and gate: a second replaces the first.
      await tx.manager.query(
        `UPDATE sign_off SET replaced_at = $3 WHERE gate_id = $1 AND reviewer_subject = $2 AND replaced_at IS NULL AND NOT outdated`,
        [gate.id, viewer.subject, tx.now],
      );
      const signOff = tx.manager.create(SignOffEntity, {
        gateId: gate.id,
        reviewer: userOf(viewer),
        reviewerSubject: viewer.subject,
        verdict: input.verdict,
        comment,
        evidenceUrl,
        artifactDigest: release.artifactDigest,
        outdated: false,
        replacedAt: null,
        createdAt: tx.now,
      });
      await tx.manager.insert(SignOffEntity, signOff);
      tx.audit('release.signOff', 'Release', release.id, {
        gate: input.kind,
        verdict: input.verdict,
        comment,
        artifactDigest: release.artifactDigest,
      });
      await this.settle(tx, release, before);
      return { release, gate };
    });
  }

  async waive(
    viewer: Viewer,
    input: WaiveGateInput,
  ): Promise<{ release: ReleaseEntity; gate: QaGateEntity }> {
    const { reason, ticket } = input;
    const now = this.clock.now();
    if (input.expiresAt.getTime() <= now.getTime()) {
      throw DomainError.badInput('input.expiresAt', 'must lie in the future');
    }
    if (input.expiresAt.getTime() > now.getTime() + WAIVER_MAX_DAYS * 86_400_000) {
      throw DomainError.badInput('input.expiresAt', `must lie at most ${WAIVER_MAX_DAYS} days ahead`);
    }
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lock(tx, input.releaseId);
      if (!REVIEW_STATES.includes(release.state)) {
        throw conflictState(release, 'waive a gate of');
      }
      const before = await this.currentState(tx, release);
      const gate = await tx.manager.findOneBy(QaGateEntity, { releaseId: release.id, kind: input.kind });
      if (!gate) {
        throw DomainError.badInput('input.kind', `release ${release.version} has no ${input.kind} gate`);
      }
      gate.waiver = {
        reason,
        ticket,
        expiresAt: input.expiresAt.toISOString(),
        grantedBy: userOf(viewer),
        grantedAt: tx.now.toISOString(),
      };
      await tx.manager.update(QaGateEntity, { id: gate.id }, { waiver: gate.waiver });
      tx.audit('release.waiveGate', 'Release', release.id, {
        gate: input.kind,
        reason,
        ticket,
        expiresAt: gate.waiver.expiresAt,
      });
      await this.settle(tx, release, before);
      return { release, gate };
    });
  }

  async publish(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      // Publications of one service take turns: each checks its baseline against the others.
      await tx.manager.query('SELECT 1 FROM online_service WHERE id = $1 FOR UPDATE', [release.serviceId]);
      if (!REVIEW_STATES.includes(release.state)) {
        throw conflictState(release, 'publish');
      }
      const [evaluation] = await this.evaluate(tx.manager, [release], tx.now);
      const expired = evaluation.gates.filter((view) => view.outcome.waiverExpired);
      if (expired.length > 0) {
        throw DomainError.conflict(
          `Cannot publish release ${release.version}: the waiver of ${expired.map((v) => `${v.gate.kind} expired on ${v.gate.waiver!.expiresAt.slice(0, 10)}`).join(', ')}`,
          { state: evaluation.state },
        );
      }
      const interfacesGate = evaluation.gates.find((view) => view.gate.kind === QaGateKind.INTERFACES);
      if (evaluation.impact.inconsistency && !interfacesGate) {
        throw DomainError.conflict(
          `Cannot publish release ${release.version}: it ${evaluation.impact.inconsistency}`,
          { state: evaluation.state },
        );
      }
      if (evaluation.state !== ReleaseState.APPROVED) {
        const missing = evaluation.gates
          .filter((v) => v.outcome.blockedReason)
          .map((v) => `${v.gate.kind}: ${v.outcome.blockedReason}`);
        throw DomainError.conflict(
          `Cannot publish release ${release.version}: it is ${evaluation.state} (${missing.join('; ')})`,
          {
            state: evaluation.state,
          },
        );
      }
      await tx.manager.update(ReleaseEntity, { id }, { state: ReleaseState.PUBLISHED, publishedAt: tx.now });
      Object.assign(release, { state: ReleaseState.PUBLISHED, publishedAt: tx.now });
      tx.audit('release.publish', 'Release', id, {
        version: release.version,
        baseline: evaluation.baseline?.version ?? null,
        bump: evaluation.impact.bump,
      });
      return release;
    });
  }

  async withdraw(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    const why = reason;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      if (!(release.state === ReleaseState.DRAFT || REVIEW_STATES.includes(release.state))) {
        throw conflictState(release, 'withdraw');
      }
      const withdrawal = { reason: why, at: tx.now.toISOString(), by: userOf(viewer) };
      await tx.manager.update(ReleaseEntity, { id }, { state: ReleaseState.WITHDRAWN, withdrawal });
      tx.audit('release.withdraw', 'Release', id, { reason: why });
      return Object.assign(release, { state: ReleaseState.WITHDRAWN, withdrawal });
    });
  }

  async deprecate(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    const why = reason;
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      if (release.state !== ReleaseState.PUBLISHED) {
        throw conflictState(release, 'deprecate');
      }
      if (release.deprecation) {
        throw DomainError.conflict(`Release ${release.version} is deprecated already`, {
          state: release.state,
        });
      }
      const deprecation = { reason: why, at: tx.now.toISOString(), by: userOf(viewer) };
      await tx.manager.update(ReleaseEntity, { id }, { deprecation });
      tx.audit('release.deprecate', 'Release', id, { reason: why });
      return Object.assign(release, { deprecation });
    });
  }

  // ------------------------------------------------------------------ internals

  /** Locks the release (FOR UPDATE): transitions of one release take turns. NOT_FOUND for ids the viewer cannot see. */
  private async lock(tx: Tx, id: string): Promise<ReleaseEntity> {
    const release = isUuid(id)
      ? await tx.manager.findOne(ReleaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!release) {
      throw DomainError.notFound('Release', id);
    }
    return release;
  }

  private async lockForOwner(tx: Tx, viewer: Viewer, id: string): Promise<ReleaseEntity> {
    const release = await this.lock(tx, id);
    const service = await tx.manager.findOneByOrFail(OnlineServiceEntity, { id: release.serviceId });
    if (actsFor(viewer, service.ownerId, Role.MAINTAINER)) {
      return release;
    }
    if (release.state !== ReleaseState.PUBLISHED && !hasRole(viewer, ...REVIEWER_ROLES)) {
      throw DomainError.notFound('Release', id);
    }
    throw DomainError.forbidden("Only the owner's MAINTAINERs and OPERATORs may change a release");
  }

  /** The state a release shows now (derived from its gates and the clock while in review). */
  private async currentState(tx: Tx, release: ReleaseEntity): Promise<ReleaseState> {
    if (!REVIEW_STATES.includes(release.state)) {
      return release.state;
    }
    return (await this.evaluate(tx.manager, [release], tx.now))[0].state;
  }

  /**
   * After a change in review: the stored state follows the gates, and a transition (from the state
   * the release showed before the change) is audited once: the release row is locked, so
   * concurrent sign-offs see each other's work.
   */
  private async settle(tx: Tx, release: ReleaseEntity, before: ReleaseState): Promise<void> {
    if (!REVIEW_STATES.includes(release.state)) {
      return;
    }
    const [evaluation] = await this.evaluate(tx.manager, [release], tx.now);
    const after = evaluation.state;
    if (after !== release.state) {
      await tx.manager.update(ReleaseEntity, { id: release.id }, { state: after });
    }
    if (after !== before) {
      const action = { APPROVED: 'release.approve', REJECTED: 'release.reject', IN_REVIEW: 'release.reopen' }[
        after as string
      ];
      tx.audit(action ?? 'release.state', 'Release', release.id, { from: before, to: after });
    }
    release.state = after;
  }

  /** Three statements for any number of releases: gates, their sign-offs, and the baselines. */
  private async evaluate(
    manager: EntityManager,
    releases: readonly ReleaseEntity[],
    now = this.clock.now(),
  ): Promise<Evaluation[]> {
    if (releases.length === 0) {
      return [];
    }
    const ids = releases.map((r) => r.id);
    // In the order of the policy's kinds: USABILITY, SECURITY, INTERFACES.
    const order = Object.keys(GATE_KIND_ROLE);
    const gates = (await manager.getRepository(QaGateEntity).findBy({ releaseId: In(ids) })).sort(
      (a, b) => order.indexOf(a.kind) - order.indexOf(b.kind),
    );
    const signOffs = gates.length
      ? await manager
          .getRepository(SignOffEntity)
          .createQueryBuilder('so')
          .where('so.gate_id IN (:...gateIds)', { gateIds: gates.map((g) => g.id) })
          .andWhere('so.replaced_at IS NULL')
          .orderBy('so.created_at')
          .addOrderBy('so.id')
          .getMany()
      : [];
    const baselineRows = await this.baselines(manager, ids);
    const baselineFor = new Map(baselineRows.map((row) => [row.forId, row as ReleaseEntity]));
    return releases.map((release) => {
      const baseline = baselineFor.get(release.id) ?? null;
      const impact = impactOf(release, baseline);
      const views = gates
        .filter((g) => g.releaseId === release.id)
        .map((gate) => {
          const gateSignOffs = signOffs.filter((s) => s.gateId === gate.id);
          const outcome = gateOutcome(
            {
              kind: gate.kind,
              requiredApprovals: gate.requiredApprovals,
              signOffs: gateSignOffs.map((s) => ({
                verdict: s.verdict,
                reviewerName: s.reviewer.name ?? s.reviewer.subject,
                comment: s.comment,
                outdated: s.outdated,
              })),
              waiverExpiresAt: gate.waiver ? new Date(gate.waiver.expiresAt) : null,
              inconsistency: impact.inconsistency,
            },
            now,
          );
          return { gate, signOffs: gateSignOffs, outcome };
        });
      const state = REVIEW_STATES.includes(release.state)
        ? stateFromGates(views.map((v) => v.outcome.status))
        : release.state;
      return { release, baseline, impact, gates: views, state };
    });
  }

  /** Each release's baseline: the highest PUBLISHED non-pre-release of its service with a lower version. */
  private async baselines(
    manager: EntityManager,
    ids: string[],
  ): Promise<(ReleaseEntity & { forId: string })[]> {
    const rows: Record<string, unknown>[] = await manager.query(
      `SELECT r.id AS for_id, b.id
         FROM release r
         JOIN LATERAL (
           SELECT b.id FROM release b
            WHERE b.service_id = r.service_id AND b.state = 'PUBLISHED' AND b.prerelease IS NULL
              AND (b.major, b.minor, b.patch) < (r.major, r.minor, r.patch)
            ORDER BY b.major DESC, b.minor DESC, b.patch DESC
            LIMIT 1) b ON true
        WHERE r.id = ANY($1::uuid[])`,
      [ids],
    );
    if (rows.length === 0) {
      return [];
    }
    const baselines = await manager
      .getRepository(ReleaseEntity)
      .findBy({ id: In(rows.map((row) => row.id as string)) });
    const byId = new Map(baselines.map((b) => [b.id, b]));
    return rows.map((row) => ({ ...byId.get(row.id as string)!, forId: row.for_id as string }));
  }

  private checkChanges(changes: ChangeEntryInput[]): ChangeEntry[] {
    return changes.map((change) => ({
      type: change.type,
      description: change.description,
    }));
  }

  private async checkInterfaces(manager: EntityManager, uses: InterfaceUseInput[]): Promise<InterfaceUse[]> {
    const keys = [...new Set(uses.map((u) => u.standard.trim()))];
    const known = keys.length
      ? new Set((await manager.findBy(InterfaceStandardEntity, { key: In(keys) })).map((s) => s.key))
      : new Set<string>();
    const seen = new Set<string>();
    const out: InterfaceUse[] = [];
    uses.forEach((use, i) => {
      const standard = use.standard.trim();
      if (!known.has(standard)) {
        throw DomainError.badInput(
          `input.interfaces[${i}].standard`,
          `unknown interface standard ${standard}`,
        );
      }
      const version = use.version;
      const key = `${standard}|${version}|${use.direction}`;
      if (seen.has(key)) {
        return;
      }
      seen.add(key);
      out.push({ standard, version, direction: use.direction });
    });
    return out;
  }
}
