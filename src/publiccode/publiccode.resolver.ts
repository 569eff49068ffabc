import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SERVICE_ID_ARG, SERVICE_SLUG_ARG } from '#src/catalogue/service-ref';
import { ServicesService } from '#src/catalogue/services.service';
import { CurrentViewer, Roles } from '#src/common/auth/decorators';
import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { PubliccodeImport } from './publiccode.model';
import { PubliccodeService } from './publiccode.service';

@Resolver(() => PubliccodeImport)
export class PubliccodeResolver {
  constructor(
    private readonly publiccode: PubliccodeService,
    private readonly services: ServicesService,
  ) {}

  @Roles(Role.MAINTAINER, Role.OPERATOR)
  @Mutation(() => PubliccodeImport, {
    description:
      "Takes a service's name, summary, description, licence and repository from a publiccode.yml: the text given, " +
      "else the file at the root of the service's GitHub repository. Checked against the standard (every problem " +
      'with its line in extensions.problems); what the registry owns is never changed (docs/opencode.md)',
  })
  async importPubliccode(
    @CurrentViewer() viewer: Viewer,
    @Args('serviceId', SERVICE_ID_ARG) serviceId: string | null,
    @Args('serviceSlug', SERVICE_SLUG_ARG) serviceSlug: string | null,
    @Args('text', {
      type: () => String,
      nullable: true,
      description: "The file's content (at most 1 MiB); left out, it is read from the service's repository",
    })
    text: string | null,
    @Args('dryRun', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'true: answer what would change, write nothing',
    })
    dryRun: boolean | null,
  ): Promise<PubliccodeImport> {
    const ref = await this.services.resolveRef({ serviceId, serviceSlug });
    return this.publiccode.import(viewer, ref.serviceId, text ?? null, dryRun ?? false);
  }
}
