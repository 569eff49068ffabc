import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { mayUpdateService } from '#src/catalogue/service.access';
import { ServicesService } from '#src/catalogue/services.service';
import type { Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { publiccodeProblemText, type PubliccodeProblem } from '#src/common/errors/messages';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { GithubClient } from '#src/github/github-client';
import { repositoryOf } from '#src/github/repository-link';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import { ReleaseRepository } from '#src/releases/release.repository';
import { MAX_ALIAS_COUNT, MAX_FILE_BYTES, readPubliccode, type ReadResult } from './publiccode-reader';
import {
  importPlan,
  updateOf,
  writePubliccode,
  type ExportFacts,
  type FieldChange,
  type Skip,
} from './publiccode.rules';

/** Where a repository keeps it: the root of its default branch. */
export const PUBLICCODE_PATH = 'publiccode.yml';

export interface PubliccodeImportResult {
  service: OnlineServiceEntity;
  dryRun: boolean;
  /** Something was written (not a dry run, and the file changed something). */
  applied: boolean;
  /** The file's page on GitHub, or "text" where it was passed in. */
  source: string;
  publiccodeYmlVersion: string;
  changes: FieldChange[];
  skipped: Skip[];
}

/**
 * publiccode.yml out and in (docs/opencode.md): the export of a service as the standard's file,
 * and the import of one, from the caller or from the service's GitHub repository, into the
 * service's descriptive fields through the catalogue's update (its checks, its lock, its audit).
 */
@Injectable()
export class PubliccodeService {
  private readonly log = new Logger('Publiccode');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly services: ServicesService,
    private readonly releases: ReleaseRepository,
    private readonly organisations: OrganisationRepository,
    private readonly github: GithubClient,
  ) {}

  /** The file of the service with this slug; NOT_FOUND for an unknown one (the catalogue is public). */
  async export(slug: string): Promise<string> {
    const service = await this.services.findBySlug(slug);
    if (!service) {
      throw DomainError.notFound('Service', slug);
    }
    return writePubliccode(await this.facts(service));
  }

  /** What the file tells of the service: only what anyone may read (PUBLISHED releases, no subscribers). */
  private async facts(service: OnlineServiceEntity): Promise<ExportFacts> {
    const [[owner], latest, legalBases] = await Promise.all([
      this.organisations.byIds([service.ownerId]),
      this.releases.latestPublished([service.id]).then((byService) => byService.get(service.id) ?? null),
      this.services.legalBasesOf(service.id),
    ]);
    const standards = latest
      ? await this.organisations.standardsByKeys(latest.interfaces.map((use) => use.standard))
      : [];
    const byKey = new Map(standards.map((standard) => [standard.key, standard]));
    return {
      service,
      // The owner is a foreign key: always there.
      ownerName: owner?.name ?? 'Nachnutzungsregister',
      latest: latest && {
        version: latest.version,
        publishedAt: latest.publishedAt ?? latest.createdAt,
        interfaces: latest.interfaces.flatMap((use) => {
          const standard = byKey.get(use.standard);
          return standard ? [{ name: standard.name, kind: standard.kind, version: use.version }] : [];
        }),
      },
      normUrls: legalBases.flatMap((basis) =>
        basis.norm.url?.startsWith('https://') ? [basis.norm.url] : [],
      ),
      publicUrl: this.config.publicUrl,
    };
  }

  /**
   * Reads the file (the text given, else the repository's), checks it against the standard and
   * the registry's limits, and answers what it changes; unless `dryRun`, applies that in one
   * transaction with its audit event. Any problem refuses the whole file and writes nothing.
   */
  async import(
    viewer: Viewer,
    serviceId: string,
    text: string | null,
    dryRun: boolean,
  ): Promise<PubliccodeImportResult> {
    const service = await this.services.findById(serviceId);
    if (!service) {
      throw DomainError.notFound('Service', serviceId);
    }
    // Before anything is read from GitHub: the permission of the update the import is.
    if (!mayUpdateService(viewer, service)) {
      throw DomainError.forbidden('NOT_OWNER', { subject: 'service' });
    }
    const { source, result } =
      text === null ? await this.fromRepository(service) : { source: 'text', result: readPubliccode(text) };
    const field = text === null ? undefined : 'text';
    const file = this.acceptOrThrow(result, field);

    const planned = importPlan(file.file, file.placeOf, service, this.config.publicUrl);
    if (planned.problems.length > 0) {
      throw this.invalid(planned.problems, field);
    }
    const answer = (at: OnlineServiceEntity, changes: FieldChange[], applied: boolean) => ({
      service: at,
      dryRun,
      applied,
      source,
      publiccodeYmlVersion: file.file.publiccodeYmlVersion,
      changes,
      skipped: planned.skipped,
    });
    if (dryRun || planned.changes.length === 0) {
      return answer(service, planned.changes, false);
    }
    // Worked out again on the locked row: what is applied is what was compared, whatever changed meanwhile.
    let changes: FieldChange[] = [];
    const { service: updated, written } = await this.services.updateWith(
      viewer,
      service.id,
      (locked) => {
        const again = importPlan(file.file, file.placeOf, locked, this.config.publicUrl);
        if (again.problems.length > 0) {
          throw this.invalid(again.problems, field);
        }
        changes = again.changes;
        return changes.length === 0 ? null : updateOf(changes);
      },
      { action: 'service.importPubliccode', data: { publiccode: { source } } },
    );
    return answer(updated, changes, written);
  }

  private acceptOrThrow(result: ReadResult, field: string | undefined) {
    const details = field ? { field } : {};
    switch (result.kind) {
      case 'read':
        return result;
      case 'tooLarge':
        throw new DomainError('PUBLICCODE_TOO_LARGE', { size: result.size, max: MAX_FILE_BYTES }, details);
      case 'aliasBomb':
        throw new DomainError('PUBLICCODE_ALIAS_LIMIT', { max: MAX_ALIAS_COUNT }, details);
      case 'invalid':
        throw this.invalid(result.problems, field);
    }
  }

  /** BAD_USER_INPUT with every problem in `extensions.problems` (English words beside each rule). */
  private invalid(problems: PubliccodeProblem[], field: string | undefined): DomainError {
    return new DomainError(
      'PUBLICCODE_INVALID',
      { problems },
      {
        ...(field ? { field } : {}),
        problems: problems.map((problem) => ({
          line: problem.line,
          column: problem.column,
          field: problem.field,
          rule: problem.rule,
          message: publiccodeProblemText(problem, 'en'),
        })),
      },
    );
  }

  /** publiccode.yml of the service's linked GitHub repository (GithubClient), read up to 1 MiB. */
  private async fromRepository(
    service: OnlineServiceEntity,
  ): Promise<{ source: string; result: ReadResult }> {
    if (!this.github.enabled) {
      throw DomainError.conflict('GITHUB_NOT_CONFIGURED');
    }
    const ref = repositoryOf(service.repositoryUrl, this.config.github.webHosts);
    if (!ref) {
      throw DomainError.conflict('PUBLICCODE_NO_REPOSITORY');
    }
    const repository = `${ref.owner}/${ref.repo}`;
    let file: Awaited<ReturnType<GithubClient['fileContent']>>;
    try {
      file = await this.github.fileContent(ref, PUBLICCODE_PATH, MAX_FILE_BYTES);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      this.log.warn(`reading ${PUBLICCODE_PATH} of ${repository} failed: ${String(error)}`);
      throw DomainError.conflict('PUBLICCODE_REPOSITORY_UNAVAILABLE', {
        repository,
        status: typeof status === 'number' ? `HTTP ${status}` : 'no answer',
      });
    }
    if (!file) {
      throw DomainError.conflict('PUBLICCODE_NOT_IN_REPOSITORY', { repository });
    }
    const source = file.htmlUrl ?? `https://github.com/${repository}/blob/HEAD/${PUBLICCODE_PATH}`;
    if (file.bytes === null) {
      return { source, result: { kind: 'tooLarge', size: file.size } };
    }
    return { source, result: readPubliccode(file.bytes) };
  }
}
