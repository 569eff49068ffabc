import { Controller, Headers, HttpCode, Inject, Post, Req, Res, type RawBodyRequest } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '#src/common/auth/decorators';
import { DomainError } from '#src/common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { GithubDeliveriesService } from './github-deliveries.service';
import { GithubWorker } from './github-worker';
import { WebhookVerifier } from './webhook-verifier';

/**
 * GitHub's webhook: the signature is checked on the raw body against every configured secret,
 * the delivery is stored once (the queue), and the answer goes back at once. Work happens in
 * the worker, never in the request.
 */
@Controller('webhooks')
export class GithubWebhooksController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly verifier: WebhookVerifier,
    private readonly deliveries: GithubDeliveriesService,
    private readonly worker: GithubWorker,
  ) {}

  @Public()
  @Post('github')
  @HttpCode(202)
  async receive(
    @Req() request: RawBodyRequest<FastifyRequest>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Headers('x-hub-signature-256') signature: string | undefined,
    @Headers('x-github-delivery') deliveryId: string | undefined,
    @Headers('x-github-event') event: string | undefined,
  ) {
    if (this.config.github.webhookSecrets.length === 0) {
      throw DomainError.unauthenticated('WEBHOOK_NOT_CONFIGURED');
    }
    const raw = request.rawBody;
    // Nothing is stored, and no header or field is looked at, before the signature matches.
    if (!raw || !signature || !(await this.verifier.verify(raw.toString('utf8'), signature))) {
      throw DomainError.unauthenticated('WEBHOOK_SIGNATURE_INVALID');
    }
    if (!/^application\/json\b/i.test(request.headers['content-type'] ?? '')) {
      throw DomainError.badInput('content-type', 'WEBHOOK_CONTENT_TYPE');
    }
    if (!deliveryId || !/^[\w-]{1,100}$/.test(deliveryId)) {
      throw DomainError.badInput('X-GitHub-Delivery', 'WEBHOOK_DELIVERY_ID');
    }
    // Event names are lower-case words joined by "_", with digits ("projects_v2_item").
    if (!event || !/^[a-z][a-z0-9_]{0,63}$/.test(event)) {
      throw DomainError.badInput('X-GitHub-Event', 'WEBHOOK_EVENT');
    }
    const payload = request.body;
    if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
      throw DomainError.badInput('body', 'WEBHOOK_BODY');
    }
    const fresh = await this.deliveries.receive({
      id: deliveryId,
      event,
      payload: payload as Record<string, unknown>,
    });
    if (!fresh) {
      // GitHub sent this delivery before: acknowledged, not processed again.
      reply.status(200);
      return { delivery: deliveryId, status: 'duplicate' };
    }
    this.worker.poke();
    return { delivery: deliveryId, status: 'queued' };
  }
}
