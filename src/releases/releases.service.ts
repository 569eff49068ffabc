import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import type { WithServiceId } from '#src/catalogue/service-ref';
import { ServicesService } from '#src/catalogue/services.service';
import { Access } from '#src/common/auth/access';
import type { Viewer } from '#src/common/auth/viewer';
import { isUuid } from '#src/common/ids';
import { inKeyOrder, type RequestLoaders } from '#src/common/graphql/request-context';
import type { Tx } from '#src/database/transactions';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import type { GateView } from '#src/qa/qa.rules';
import type {
  CreateReleaseInput,
  ReleaseImpactPreviewInput,
  SignOffInput,
  UpdateReleaseInput,
  WaiveGateInput,
} from './dto/release.inputs';
import { mayReadGates } from './release.access';
import type { ReleaseEntity } from './release.entity';
import { ReleaseEvaluation, type Evaluation } from './release-evaluation';
import { ReleaseLifecycleService, type ImportedRelease } from './release-lifecycle.service';
import { ReleaseRepository } from './release.repository';
import { ReleaseReviewService } from './release-review.service';

export type { Evaluation } from './release-evaluation';
export type { GateView } from '#src/qa/qa.rules';
export { GITHUB_SUBJECT, type ImportedRelease } from './release-lifecycle.service';

/**
 * The releases module's entry point for the resolvers and the other modules: the reads (batched
 * per request) and, delegated to the use cases, the lifecycle (release-lifecycle.service.ts) and
 * the review (release-review.service.ts). Callers (the seed, GitHub, the resolvers) keep one name.
 */
@Injectable()
export class ReleasesService implements OnModuleInit {
  constructor(
    private readonly repository: ReleaseRepository,
    private readonly evaluator: ReleaseEvaluation,
    private readonly lifecycle: ReleaseLifecycleService,
    private readonly review: ReleaseReviewService,
    private readonly services: ServicesService,
    private readonly access: Access,
  ) {}

  onModuleInit() {
    // The `Release` visibility policy: release.access.ts, `maySeeRelease`, as SQL.
    this.access.register({
      entityType: 'Release',
      visibleIds: (viewer, ids) => this.repository.visibleIds(viewer, ids.filter(isUuid)),
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
        inKeyOrder(ids, await this.repository.byIds(ids), (row) => row.id),
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
    return this.repository.pageForService(viewer, service.id, { first, after });
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
      .get<ReleaseEntity, Evaluation>('releaseEvaluation', (releases) => this.evaluator.evaluate(releases))
      .load(release);
  }

  /** Whether the viewer may read the release's gates (release.access.ts, `mayReadGates`). */
  mayReadGates(loaders: RequestLoaders, viewer: Viewer | null, release: ReleaseEntity): Promise<boolean> {
    return mayReadGates(
      viewer,
      async () => (await this.services.byId(loaders, release.serviceId))?.ownerId ?? null,
    );
  }

  reviewQueue(viewer: Viewer, kind: QaGateKind | null): Promise<GateView[]> {
    return this.review.reviewQueue(viewer, kind);
  }

  // ------------------------------------------------------------------ changes, delegated

  create(viewer: Viewer, input: WithServiceId<CreateReleaseInput>): Promise<ReleaseEntity> {
    return this.lifecycle.create(viewer, input);
  }

  createImported(tx: Tx, serviceId: string, imported: ImportedRelease) {
    return this.lifecycle.createImported(tx, serviceId, imported);
  }

  update(viewer: Viewer, id: string, input: UpdateReleaseInput): Promise<ReleaseEntity> {
    return this.lifecycle.update(viewer, id, input);
  }

  updateArtifact(viewer: Viewer, id: string, artifactDigest: string, artifactUrl: string | null | undefined) {
    return this.lifecycle.updateArtifact(viewer, id, artifactDigest, artifactUrl);
  }

  previewImpact(viewer: Viewer, input: WithServiceId<ReleaseImpactPreviewInput>) {
    return this.lifecycle.previewImpact(viewer, input);
  }

  /** The service's release of `version` if the viewer may see it, else null. */
  async byVersion(
    loaders: RequestLoaders,
    viewer: Viewer | null,
    serviceId: string,
    version: string,
  ): Promise<ReleaseEntity | null> {
    const release = await this.repository.byVersion(serviceId, version);
    return release ? this.findVisible(loaders, viewer, release.id) : null;
  }

  submit(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.lifecycle.submit(viewer, id);
  }

  signOff(viewer: Viewer, input: SignOffInput) {
    return this.review.signOff(viewer, input);
  }

  waive(viewer: Viewer, input: WaiveGateInput) {
    return this.review.waive(viewer, input);
  }

  publish(viewer: Viewer, id: string): Promise<ReleaseEntity> {
    return this.lifecycle.publish(viewer, id);
  }

  withdraw(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    return this.lifecycle.withdraw(viewer, id, reason);
  }

  deprecate(viewer: Viewer, id: string, reason: string): Promise<ReleaseEntity> {
    return this.lifecycle.deprecate(viewer, id, reason);
  }
}
