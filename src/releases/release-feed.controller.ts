import { Controller, Get, Header, Headers, Inject, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ServicesService } from '#src/catalogue/services.service';
import { Public } from '#src/common/auth/decorators';
import { DomainError } from '#src/common/errors/domain-error';
import { etagOf, matchesEtag } from '#src/common/http/etag';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import { maySeeRelease } from './release.access';
import type { ReleaseEntity } from './release.entity';
import { buildReleaseFeed, FEED_ENTRIES, type FeedRelease, type FeedService } from './release-feed';
import { ReleaseRepository } from './release.repository';
import { impactOf } from './release.rules';

/**
 * The Atom feed of a service's releases, for feed readers: public (what anyone may read of the
 * service's releases and nothing else), cached five minutes, and answered 304 when the reader's
 * copy is current (ETag over the document). An unknown slug is the API's JSON NOT_FOUND.
 */
@Controller('services')
export class ReleaseFeedController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly services: ServicesService,
    private readonly releases: ReleaseRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  @Public()
  @Get(':slug/releases.atom')
  @Header('cache-control', 'public, max-age=300')
  async feed(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const { service, releases } = await this.facts(slug);
    const xml = buildReleaseFeed(service, releases, this.config.publicUrl);
    const etag = etagOf(xml);
    reply.header('etag', etag).header('content-language', 'de');
    if (matchesEtag(ifNoneMatch, etag)) {
      reply.status(304);
      return '';
    }
    reply.header('content-type', 'application/atom+xml; charset=utf-8');
    return xml;
  }

  /** The service and what an anonymous reader may see of its newest releases, with their impact. */
  private async facts(slug: string): Promise<{ service: FeedService; releases: FeedRelease[] }> {
    const row = await this.services.findBySlug(slug);
    if (!row) {
      throw DomainError.notFound('Service', slug);
    }
    const [owner] = await this.organisations.byIds([row.ownerId]);
    const rows = (await this.releases.feedReleases(row.id, FEED_ENTRIES)).filter((release) =>
      maySeeRelease(null, release, row.ownerId),
    );
    const baselines = await this.releases.baselines(
      this.releases.manager,
      rows.map((release) => release.id),
    );
    return {
      service: {
        slug: row.slug,
        name: row.name,
        summary: row.summary,
        // The owner is a foreign key: always there.
        ownerName: owner?.name ?? 'Nachnutzungsregister',
        updatedAt: row.updatedAt,
      },
      releases: rows.map((release) => feedRelease(release, baselines.get(release.id) ?? null)),
    };
  }
}

function feedRelease(release: ReleaseEntity, baseline: ReleaseEntity | null): FeedRelease {
  return {
    id: release.id,
    version: release.version,
    publishedAt: release.publishedAt ?? release.createdAt,
    notes: release.notes,
    changes: release.changes,
    deprecation: release.deprecation,
    impact: impactOf(release, baseline),
  };
}
