import { Args, Context, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import type { RequestContext } from '#src/common/graphql/request-context';
import { InputValidationPipe } from '#src/common/validation/input-validation.pipe';
import { ForgeNamespaceInput } from './dto/map-forge-namespace.input';
import { ForgeNamespacesService } from './forge-namespaces.service';
import { ForgeNamespace, Organisation } from './organisation.model';

/** Forge namespaces: mapped and unmapped by an OPERATOR, public on the organisation. */
@Resolver(() => Organisation)
export class ForgeNamespacesResolver {
  constructor(private readonly namespaces: ForgeNamespacesService) {}

  @ResolveField(() => [ForgeNamespace], {
    description: 'The GitHub organisations and GitLab groups whose repositories its services may link',
  })
  forgeNamespaces(
    @Parent() organisation: Organisation,
    @Context() ctx: RequestContext,
  ): Promise<ForgeNamespace[]> {
    return this.namespaces.of(ctx.loaders, organisation.id);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => ForgeNamespace, {
    description:
      'Maps a forge namespace to an organisation: its services may then link repositories inside it',
  })
  mapForgeNamespace(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: ForgeNamespaceInput,
  ): Promise<ForgeNamespace> {
    return this.namespaces.map(viewer, input);
  }

  @Roles(Role.OPERATOR)
  @Mutation(() => ForgeNamespace, {
    description: 'Removes a mapping; existing links stay, and deliveries from its repositories are skipped',
  })
  unmapForgeNamespace(
    @CurrentViewer() viewer: Viewer,
    @Args('input', InputValidationPipe) input: ForgeNamespaceInput,
  ): Promise<ForgeNamespace> {
    return this.namespaces.unmap(viewer, input);
  }
}
