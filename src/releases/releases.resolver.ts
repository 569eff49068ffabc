import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { OnlineService } from '#src/catalogue/catalogue.model';
import { ServicesService } from '#src/catalogue/services.service';
import { CurrentViewer, Public, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { ArgPipe } from '#src/common/validation/arg.pipe';
import { Digest, HttpsUrl, Text } from '#src/common/validation/text';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import type { RequestContext } from '#src/common/graphql/request-context';
import { User } from '#src/organisations/organisation.model';
import {
  CreateReleaseInput,
  ReleaseImpactPreviewInput,
  SignOffInput,
  UpdateReleaseInput,
  WaiveGateInput,
} from './dto/release.inputs';
import { capacitiesOf, releaseAvailability } from './release-availability';
import type { Impact, ReleaseCapacity } from './release.rules';
import { languageOf } from '#src/common/errors/language';
import { QaEvidence, QaGate, toEvidence, toGate } from '#src/qa/qa.model';
import { toUser } from '#src/qa/qa.resolver';
import type { InterfaceUse } from './release-enums';
import { ReleaseState } from './release-enums';
import type { ReleaseEntity } from './release.entity';
import {
  ChangeEntryModel,
  Deprecation,
  InterfaceImpact,
  InterfaceUseModel,
  Release,
  ReleaseActionAvailability,
  Withdrawal,
} from './release.model';
import { ReleasesService, type Evaluation } from './releases.service';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { evidenceOf, REVIEWER_ROLES } from '#src/qa/qa.rules';

/**
 * The Release type: its query, its mutations and its fields. Who may do what is decided below
 * the resolvers (release.access.ts, src/qa/qa.access.ts, the transition table); the decorators
 * only keep out roles that never may.
 */

const REVIEWERS = REVIEWER_ROLES;
const OWNERS = [Role.MAINTAINER, Role.OPERATOR];

/** The QA module's; re-exported for the modules that import it from here. */
export { toUser };

function toImpact(
  impact: Impact,
  baseline: ReleaseEntity | null,
  serviceId: string,
  uses: InterfaceUse[],
): InterfaceImpact {
  return {
    serviceId,
    uses,
    baselineId: baseline?.id ?? null,
    bump: impact.bump,
    added: impact.added.map(toUse),
    removed: impact.removed.map(toUse),
    breaking: impact.breaking,
    semverConsistent: impact.semverConsistent,
    suggestedVersion: impact.suggestedVersion,
  };
}

const toUse = (use: InterfaceUse): InterfaceUseModel => ({
  standardKey: use.standard,
  version: use.version,
  direction: use.direction,
});

@Resolver(() => Release)
export class ReleasesResolver {
  constructor(
    private readonly releases: ReleasesService,
    private readonly services: ServicesService,
    private readonly clock: Clock,
  ) {}

  @Public()
  @Query(() => Release, { nullable: true })
  release(
    @Args('id', { type: () => ID }) id: string,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    return this.releases.findVisible(ctx.loaders, viewer, id);
  }

  @Query(() => [QaGate], { description: 'PENDING gates the viewer may sign off, oldest first' })
  async reviewQueue(
    @CurrentViewer() viewer: Viewer,
    @Args('kind', { type: () => QaGateKind, nullable: true }) kind: QaGateKind | null,
  ) {
    const now = this.clock.now();
    return (await this.releases.reviewQueue(viewer, kind)).map((view) => toGate(view, now));
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  async createRelease(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: CreateReleaseInput,
  ) {
    return this.releases.create(viewer, await this.services.resolveRef(input, 'input'));
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  updateRelease(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('input', InputValidationPipe) input: UpdateReleaseInput,
  ) {
    return this.releases.update(viewer, id, input);
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  updateReleaseArtifact(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('artifactDigest', new ArgPipe('artifactDigest', Digest())) artifactDigest: string,
    @Args('artifactUrl', { type: () => String, nullable: true }, new ArgPipe('artifactUrl', HttpsUrl()))
    artifactUrl: string | null | undefined,
  ) {
    return this.releases.updateArtifact(viewer, id, artifactDigest, artifactUrl);
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  submitRelease(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.releases.submit(viewer, id);
  }

  @Roles(...REVIEWERS)
  @Mutation(() => QaGate)
  async signOff(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: SignOffInput,
    @Context() ctx: RequestContext,
  ) {
    const { release, gate } = await this.releases.signOff(viewer, input);
    return this.gateAfter(ctx, release, gate.id);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => QaGate)
  async waiveGate(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: WaiveGateInput,
    @Context() ctx: RequestContext,
  ) {
    const { release, gate } = await this.releases.waive(viewer, input);
    return this.gateAfter(ctx, release, gate.id);
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  publishRelease(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string) {
    return this.releases.publish(viewer, id);
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  withdrawRelease(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', new ArgPipe('reason', Text({ max: 2_000 }))) reason: string,
  ) {
    return this.releases.withdraw(viewer, id, reason);
  }

  @Roles(...OWNERS)
  @Mutation(() => Release)
  deprecateRelease(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Args('reason', new ArgPipe('reason', Text({ max: 2_000 }))) reason: string,
  ) {
    return this.releases.deprecate(viewer, id, reason);
  }

  @ResolveField(() => OnlineService)
  async service(@Parent() release: ReleaseEntity, @Context() ctx: RequestContext) {
    return (await this.services.byId(ctx.loaders, release.serviceId))!;
  }

  @ResolveField(() => ReleaseState)
  async state(@Parent() release: ReleaseEntity, @Context() ctx: RequestContext): Promise<ReleaseState> {
    return (await this.releases.evaluation(ctx.loaders, release)).state;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'The GitHub release it was imported from (docs/github.md); null when created here',
  })
  importedFrom(@Parent() release: ReleaseEntity): string | null {
    if (!release.importedFrom) {
      return null;
    }
    return release.importedFrom.url ?? `GitHub delivery ${release.importedFrom.delivery}`;
  }

  @ResolveField(() => [ChangeEntryModel])
  changes(@Parent() release: ReleaseEntity) {
    return release.changes;
  }

  @ResolveField(() => [InterfaceUseModel])
  interfaces(@Parent() release: ReleaseEntity) {
    return release.interfaces.map(toUse);
  }

  @ResolveField(() => [QaGate], {
    description: "For the owner's MAINTAINERs, reviewers and OPERATORs; empty for anyone else",
  })
  async gates(
    @Parent() release: ReleaseEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ) {
    if (!(await this.releases.mayReadGates(ctx.loaders, viewer, release))) {
      return [];
    }
    const now = this.clock.now();
    return (await this.releases.evaluation(ctx.loaders, release)).gates.map((view) => toGate(view, now));
  }

  @ResolveField(() => [QaEvidence], {
    description:
      "The public QA evidence of a PUBLISHED release (deprecated ones too), one entry per gate: kind, status at publication (PASSED or WAIVED), approvals, a waiver's expiry; no reviewers, no comments. Anyone may read it; empty for a release that is not PUBLISHED",
  })
  async qaEvidence(@Parent() release: ReleaseEntity, @Context() ctx: RequestContext): Promise<QaEvidence[]> {
    if (release.state !== ReleaseState.PUBLISHED || !release.publishedAt) {
      return [];
    }
    const now = this.clock.now();
    const { gates } = await this.releases.evaluation(ctx.loaders, release);
    return gates.map((view) => toEvidence(evidenceOf(view, release.publishedAt!), now));
  }

  @ResolveField(() => InterfaceImpact)
  async impact(@Parent() release: ReleaseEntity, @Context() ctx: RequestContext): Promise<InterfaceImpact> {
    const evaluation: Evaluation = await this.releases.evaluation(ctx.loaders, release);
    return toImpact(evaluation.impact, evaluation.baseline, release.serviceId, release.interfaces);
  }

  @Roles(...OWNERS)
  @Query(() => InterfaceImpact, {
    description:
      "The impact a release would have if it were created so, before it exists: bump, breaking, semverConsistent, suggestedVersion, affected subscriptions (the owner's MAINTAINERs, OPERATORs; nothing is written)",
  })
  async releaseImpactPreview(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: ReleaseImpactPreviewInput,
  ): Promise<InterfaceImpact> {
    const preview = await this.releases.previewImpact(viewer, await this.services.resolveRef(input, 'input'));
    return toImpact(preview.impact, preview.baseline, preview.serviceId, preview.interfaces);
  }

  @ResolveField(() => [ReleaseActionAvailability], {
    description:
      "The lifecycle actions the viewer holds the capacity for (the owner's MAINTAINERs and OPERATORs; WAIVE for OPERATORs), each with whether it would go through now and, if not, the mutation's error reason and message; empty for anyone else",
  })
  async actions(
    @Parent() release: ReleaseEntity,
    @CurrentViewer() viewer: Viewer | null,
    @Context() ctx: RequestContext,
  ): Promise<ReleaseActionAvailability[]> {
    const ownerId = (await this.services.byId(ctx.loaders, release.serviceId))?.ownerId;
    const capacities = ownerId ? capacitiesOf(viewer, ownerId) : new Set<ReleaseCapacity>();
    if (capacities.size === 0) {
      return [];
    }
    const evaluation = await this.releases.evaluation(ctx.loaders, release);
    const language = languageOf(ctx.req.headers['accept-language']);
    return releaseAvailability(evaluation, capacities).map(({ action, refusal }) => ({
      action,
      allowed: refusal === null,
      reason: refusal?.reason ?? null,
      message: refusal?.messageIn(language) ?? null,
    }));
  }

  @ResolveField(() => Deprecation, { nullable: true })
  deprecation(@Parent() release: ReleaseEntity): Deprecation | null {
    const d = release.deprecation;
    return d ? { reason: d.reason, at: new Date(d.at), byUser: d.by } : null;
  }

  @ResolveField(() => Withdrawal, { nullable: true })
  withdrawal(@Parent() release: ReleaseEntity): Withdrawal | null {
    const w = release.withdrawal;
    return w ? { reason: w.reason, at: new Date(w.at), byUser: w.by } : null;
  }

  @ResolveField(() => User)
  createdBy(@Parent() release: ReleaseEntity): User {
    return toUser(release.createdBy);
  }

  private async gateAfter(ctx: RequestContext, release: ReleaseEntity, gateId: string): Promise<QaGate> {
    const evaluation = await this.releases.evaluation(ctx.loaders, release);
    const view = evaluation.gates.find((g) => g.gate.id === gateId);
    if (!view) {
      throw DomainError.notFound('QaGate', gateId);
    }
    return toGate(view, this.clock.now());
  }
}
