import { Controller, Get, Header, Headers, Param, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '#src/common/auth/decorators';
import { etagOf, matchesEtag } from '#src/common/http/etag';
import { PubliccodeService } from './publiccode.service';

/**
 * A service's publiccode.yml (docs/opencode.md), for Open CoDE's software directory and other
 * crawlers: public, cached five minutes and answered 304 when the reader's copy is current, like
 * the release feed. An unknown slug is the API's JSON NOT_FOUND.
 */
@Controller('services')
export class PubliccodeController {
  constructor(private readonly publiccode: PubliccodeService) {}

  @Public()
  @Get(':slug/publiccode.yml')
  @Header('cache-control', 'public, max-age=300')
  async file(
    @Param('slug') slug: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const yaml = await this.publiccode.export(slug);
    const etag = etagOf(yaml);
    reply.header('etag', etag).header('content-language', 'de');
    if (matchesEtag(ifNoneMatch, etag)) {
      reply.status(304);
      return '';
    }
    // RFC 9512's media type for YAML.
    reply.header('content-type', 'application/yaml; charset=utf-8');
    return yaml;
  }
}
