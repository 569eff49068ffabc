import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Wakeup } from '#src/common/wakeup';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { CampaignIssueWorker } from './campaign-issue-worker';
import { GithubClient } from './github-client';
import { GithubDeliveriesService } from './github-deliveries.service';

/**
 * The background worker of each instance: processes due deliveries and opens due issues, then
 * sleeps for the poll interval (or until a delivery arrives here). Every instance may run one:
 * the queue rows are claimed with FOR UPDATE SKIP LOCKED.
 */
@Injectable()
export class GithubWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('GitHub');
  private running?: Promise<void>;
  private stopping = false;
  private readonly wakeup = new Wakeup();
  /** Poked while working: look again before sleeping (the new row may have come after the claim). */

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: GithubDeliveriesService,
    private readonly issues: CampaignIssueWorker,
    private readonly client: GithubClient,
  ) {}

  onApplicationBootstrap() {
    const { github } = this.config;
    const webhooks = github.webhookSecrets.length > 0;
    const calls = github.credentials !== null;
    if (!webhooks && !calls) {
      this.log.log(
        'GitHub integration off: set GITHUB_WEBHOOK_SECRET and a GitHub App or GITHUB_TOKEN to turn it on (docs/github.md)',
      );
      return;
    }
    this.log.log(
      `GitHub integration on (${github.apiUrl}): webhooks ${webhooks ? 'on' : 'off (no GITHUB_WEBHOOK_SECRET)'}, ` +
        `issues ${calls ? `on (${github.credentials!.kind})` : 'off (no GitHub App or GITHUB_TOKEN)'}`,
    );
    if (github.pollIntervalMs > 0) {
      this.running = Promise.all([
        this.loop(() => this.deliveries.processNext()),
        this.loop(async () => ['opened', 'settled'].includes(await this.issues.openNext())),
      ]).then(() => undefined);
    }
  }

  /** Before the database closes: the current step finishes, no new one starts. */
  async beforeApplicationShutdown() {
    this.stopping = true;
    // Calls in flight end now: their jobs are leased or rolled back, and taken up again later.
    this.client.abort();
    this.wakeup.wakeAll();
    await this.running;
  }

  /** A delivery arrived here: work now instead of at the next poll. */
  poke(): void {
    this.wakeup.poke();
  }

  /** Works until nothing is due (or the issues wait for their pace); the tests drive the queue with it. */
  async drain(): Promise<{ deliveries: number; issues: number }> {
    const done = { deliveries: 0, issues: 0 };
    while (!this.stopping) {
      const delivery = await this.deliveries.processNext();
      if (delivery) {
        done.deliveries++;
      }
      const issue = await this.issues.openNext();
      if (issue === 'opened' || issue === 'settled') {
        done.issues++;
      }
      if (!delivery && !(issue === 'opened' || issue === 'settled')) {
        break;
      }
    }
    return done;
  }

  /** One loop per queue: slow issue creation (paced, 3 s apart) never holds up deliveries. */
  private async loop(step: () => Promise<boolean>): Promise<void> {
    while (!this.stopping) {
      try {
        while (!this.stopping && (await step())) {}
      } catch (error) {
        this.log.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopping) {
        break;
      }
      await this.wakeup.sleep(this.config.github.pollIntervalMs);
    }
  }
}
