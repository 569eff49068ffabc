import { Inject, Injectable } from '@nestjs/common';
import type { Webhooks } from '@octokit/webhooks' with { 'resolution-mode': 'import' };
import { APP_CONFIG, type AppConfig } from '#src/config/config';

/**
 * Checks X-Hub-Signature-256 with @octokit/webhooks (HMAC-SHA256, compared in constant time)
 * against each configured secret, the current one first: during a rotation both are accepted.
 */
@Injectable()
export class WebhookVerifier {
  private verifiers?: Promise<Webhooks[]>;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async verify(rawBody: string, signature: string): Promise<boolean> {
    this.verifiers ??= this.load();
    for (const webhooks of await this.verifiers) {
      if (await webhooks.verify(rawBody, signature).catch(() => false)) {
        return true;
      }
    }
    return false;
  }

  private async load(): Promise<Webhooks[]> {
    const { Webhooks } = await import('@octokit/webhooks');
    return this.config.github.webhookSecrets.map((secret) => new Webhooks({ secret }));
  }
}
