import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ServiceFacts } from '#src/catalogue/service.sql';
import type { WithServiceId } from '#src/catalogue/service-ref';
import { userOf } from '#src/common/auth/user-ref';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { uniqueViolation } from '#src/database/pg-errors';
import { TransactionEvents } from '#src/database/transaction-events';
import { Transactions, type Tx } from '#src/database/transactions';
import { QaPolicies } from '#src/qa/qa-policies';
import { QaRepository } from '#src/qa/qa.repository';
import { fourEyesCreator, waiverExpired } from '#src/qa/qa.rules';
import './release.events';
import type {
  ChangeEntryInput,
  CreateReleaseInput,
  InterfaceUseInput,
  ReleaseImpactPreviewInput,
  UpdateReleaseInput,
} from './dto/release.inputs';
import { ReleaseState, type ChangeEntry, type InterfaceUse } from './release-enums';
import { mayChangeRelease, requireChangeable } from './release.access';
import { ReleaseEntity } from './release.entity';
import { publicationFactsOf, ReleaseEvaluation } from './release-evaluation';
import { ReleaseRepository } from './release.repository';
import {
  acceptsReleases,
  assertAcceptsReleases,
  assertNotDeprecated,
  assertPublishable,
  checkRelease,
  impactOf,
  NEW,
  versionColumns,
  type Impact,
  type ReleaseCapacity,
} from './release.rules';

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

const OWNER: ReadonlySet<ReleaseCapacity> = new Set(['owner']);

/** A new DRAFT release of the service. */
function draft(
  tx: Tx,
  service: ServiceFacts,
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

/**
 * A release's lifecycle (domain.md, "Releases"): create (by hand or imported from GitHub), edit,
 * a new artifact, submit, publish, withdraw, deprecate. Each action is a row of
 * RELEASE_TRANSITIONS (release.rules.ts), run on the release locked by the repository.
 */
@Injectable()
export class ReleaseLifecycleService {
  constructor(
    private readonly repository: ReleaseRepository,
    private readonly qa: QaRepository,
    private readonly qaPolicies: QaPolicies,
    private readonly evaluation: ReleaseEvaluation,
    private readonly events: TransactionEvents,
    private readonly transactions: Transactions,
  ) {}

  /** `input` has passed the input rules (trimmed, digest and URLs checked: see dto/release.inputs.ts). */
  async create(viewer: Viewer, input: WithServiceId<CreateReleaseInput>): Promise<ReleaseEntity> {
    const digest = input.artifactDigest;
    const changes = this.checkChanges(input.changes ?? []);
    return this.transactions
      .run(actorOf(viewer), async (tx) => {
        const service = isUuid(input.serviceId)
          ? await this.repository.serviceFacts(tx.manager, input.serviceId, 'share')
          : null;
        if (!service) {
          throw DomainError.notFound('Service', input.serviceId);
        }
        const capacities = mayChangeRelease(viewer, service.ownerId) ? OWNER : new Set<ReleaseCapacity>();
        checkRelease('create', { state: NEW, version: input.version }, capacities);
        assertAcceptsReleases(service);
        const interfaces = await this.checkInterfaces(tx.manager, input.interfaces ?? []);
        const release = draft(tx, service, {
          version: input.version,
          notes: input.notes ?? null,
          changes,
          interfaces,
          artifactDigest: digest,
          artifactUrl: input.artifactUrl ?? null,
          createdBy: userOf(viewer),
        });
        await this.repository.insert(tx, release);
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
          throw DomainError.conflict('VERSION_EXISTS', { version: input.version });
        }
        throw error;
      });
  }

  /**
   * The impact a release would have if it were created so (the create form's preview): the same
   * access and input checks as `create`, the baseline as it would be worked out now. Nothing is
   * written.
   */
  async previewImpact(
    viewer: Viewer,
    input: WithServiceId<ReleaseImpactPreviewInput>,
  ): Promise<{
    serviceId: string;
    impact: Impact;
    baseline: ReleaseEntity | null;
    interfaces: InterfaceUse[];
  }> {
    const manager = this.repository.manager;
    const service = isUuid(input.serviceId)
      ? await this.repository.serviceFacts(manager, input.serviceId)
      : null;
    if (!service) {
      throw DomainError.notFound('Service', input.serviceId);
    }
    const capacities = mayChangeRelease(viewer, service.ownerId) ? OWNER : new Set<ReleaseCapacity>();
    checkRelease('create', { state: NEW, version: input.version }, capacities);
    const changes = this.checkChanges(input.changes ?? []);
    const interfaces = await this.checkInterfaces(manager, input.interfaces ?? []);
    const baseline = await this.repository.baselineFor(manager, service.id, input.version);
    const impact = impactOf({ version: input.version, interfaces, changes }, baseline);
    return { serviceId: service.id, impact, baseline, interfaces };
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
    const service = await this.repository.serviceFacts(tx.manager, serviceId, 'share');
    if (!service) {
      return { skipped: 'the service is gone' };
    }
    if (!acceptsReleases(service)) {
      return { skipped: `${service.slug} is RETIRED and takes no new releases` };
    }
    // GitHub knows nothing of interfaces: the draft starts with its baseline's, so that an import
    // is not read as removing them all (a breaking change). The maintainers adjust them in DRAFT.
    const interfaces = await this.repository.baselineInterfaces(tx.manager, service.id, imported.version);
    const release = draft(tx, service, {
      version: imported.version,
      notes: imported.notes?.slice(0, 20_000) || null,
      changes: [],
      interfaces: interfaces ?? [],
      artifactDigest: imported.artifactDigest,
      artifactUrl: imported.artifactUrl,
      createdBy: { subject: GITHUB_SUBJECT, name: imported.sender, organisation: null },
    });
    release.importedFrom = imported.source;
    // ON CONFLICT: a version created meanwhile by hand is left alone, and the transaction lives on.
    const id = await this.repository.insertUnlessExists(tx, release);
    if (!id) {
      return { skipped: `${service.slug} has version ${imported.version} already (versions are immutable)` };
    }
    release.id = id;
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
        checkRelease('updateNotes', release, OWNER);
        patch.notes = input.notes;
      }
      if (input.changes !== undefined || input.interfaces !== undefined) {
        checkRelease('updateContents', release, OWNER);
        if (input.changes === null || input.interfaces === null) {
          throw DomainError.badInput(
            input.changes === null ? 'input.changes' : 'input.interfaces',
            'LIST_NOT_NULL',
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
      await this.repository.update(tx.manager, id, patch);
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
      checkRelease('updateArtifact', release, OWNER);
      const before = await this.evaluation.currentState(tx, release);
      if (digest === release.artifactDigest) {
        // The same artifact: nothing to review again (only a new digest outdates sign-offs).
        if (artifactUrl !== undefined && url !== release.artifactUrl) {
          await this.repository.update(tx.manager, id, { artifactUrl: url });
          tx.audit('release.updateArtifact', 'Release', id, { artifactDigest: digest, artifactUrl: url });
        }
        return Object.assign(release, artifactUrl !== undefined ? { artifactUrl: url } : {});
      }
      const patch = { artifactDigest: digest, ...(artifactUrl !== undefined ? { artifactUrl: url } : {}) };
      await this.repository.update(tx.manager, id, patch);
      Object.assign(release, patch);
      // Every sign-off was for the old artifact: kept and shown, no longer counted. Waivers stay.
      await this.qa.outdateSignOffsOf(tx.manager, id);
      tx.audit('release.updateArtifact', 'Release', id, { artifactDigest: digest, artifactUrl: url });
      await this.evaluation.settle(tx, release, before);
      // Reviewers are wanted again on every gate their waiver does not cover.
      const pending = (await this.qa.gatesOf(tx.manager, [id]))
        .filter((gate) => !gate.waiver || waiverExpired(gate.waiver, tx.now))
        .map((gate) => gate.kind);
      if (pending.length > 0) {
        await this.events.emit(tx, 'release.gatesPending', { release: this.ref(release), kinds: pending });
      }
      return release;
    });
  }

  async submit(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      checkRelease('submit', release, OWNER);
      const service = await this.repository.serviceFacts(tx.manager, release.serviceId);
      const policy = this.qaPolicies.of(service!);
      // A snapshot of the policy: later policy changes do not touch these gates.
      await this.qa.openGates(tx, id, policy);
      const authorSubject = fourEyesCreator(release, viewer);
      const submitted = { state: ReleaseState.IN_REVIEW, submittedAt: tx.now, authorSubject };
      await this.repository.update(tx.manager, id, submitted);
      Object.assign(release, submitted);
      tx.audit('release.submit', 'Release', id, { gates: policy });
      await this.evaluation.settle(tx, release, ReleaseState.IN_REVIEW);
      await this.events.emit(tx, 'release.gatesPending', {
        release: this.ref(release),
        kinds: policy.map((rule) => rule.kind),
      });
      return release;
    });
  }

  async publish(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      // Publications of one service take turns: each checks its baseline against the others.
      await this.repository.serviceFacts(tx.manager, release.serviceId, 'update');
      const [evaluation] = await this.evaluation.evaluate([release], tx);
      assertPublishable(publicationFactsOf(evaluation));
      const published = { state: ReleaseState.PUBLISHED, publishedAt: tx.now };
      await this.repository.update(tx.manager, id, published);
      Object.assign(release, published);
      tx.audit('release.publish', 'Release', id, {
        version: release.version,
        baseline: evaluation.baseline?.version ?? null,
        bump: evaluation.impact.bump,
      });
      await this.events.emit(tx, 'release.published', { release: this.ref(release) });
      return release;
    });
  }

  async withdraw(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      checkRelease('withdraw', release, OWNER);
      const withdrawal = { reason, at: tx.now.toISOString(), by: userOf(viewer) };
      await this.repository.update(tx.manager, id, { state: ReleaseState.WITHDRAWN, withdrawal });
      tx.audit('release.withdraw', 'Release', id, { reason });
      return Object.assign(release, { state: ReleaseState.WITHDRAWN, withdrawal });
    });
  }

  async deprecate(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const release = await this.lockForOwner(tx, viewer, id);
      checkRelease('deprecate', release, OWNER);
      assertNotDeprecated(release);
      const deprecation = { reason, at: tx.now.toISOString(), by: userOf(viewer) };
      await this.repository.update(tx.manager, id, { deprecation });
      tx.audit('release.deprecate', 'Release', id, { reason });
      await this.events.emit(tx, 'release.deprecated', { release: this.ref(release), reason });
      return Object.assign(release, { deprecation });
    });
  }

  private ref(release: ReleaseEntity) {
    return { id: release.id, serviceId: release.serviceId, version: release.version };
  }

  /** Locks the release (FOR UPDATE); NOT_FOUND unless the viewer sees it, FORBIDDEN unless it may change it. */
  private async lockForOwner(tx: Tx, viewer: Viewer, id: string): Promise<ReleaseEntity> {
    const found = isUuid(id) ? await this.repository.lockForOwner(tx, viewer, id) : null;
    return requireChangeable(id, found);
  }

  private checkChanges(changes: ChangeEntryInput[]): ChangeEntry[] {
    return changes.map((change) => ({ type: change.type, description: change.description }));
  }

  /** Known standards only (BAD_USER_INPUT naming the entry), each triple once. */
  private async checkInterfaces(manager: EntityManager, uses: InterfaceUseInput[]): Promise<InterfaceUse[]> {
    const known = await this.repository.knownStandards(manager, [
      ...new Set(uses.map((u) => u.standard.trim())),
    ]);
    const seen = new Set<string>();
    const out: InterfaceUse[] = [];
    uses.forEach((use, i) => {
      const standard = use.standard.trim();
      if (!known.has(standard)) {
        throw DomainError.badInput(`input.interfaces[${i}].standard`, 'UNKNOWN_INTERFACE_STANDARD', {
          standard,
        });
      }
      const key = `${standard}|${use.version}|${use.direction}`;
      if (seen.has(key)) {
        return;
      }
      seen.add(key);
      out.push({ standard, version: use.version, direction: use.direction });
    });
    return out;
  }
}
