import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '#src/common/clock';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { appendCheckpoint, CheckpointSigner, type AuditCheckpoint } from './audit-checkpoint';
import { auditRepository } from './audit.repository';

/** Takes a signed checkpoint of the chain's head at start-up and every AUDIT_CHECKPOINT_INTERVAL_MS. */
@Injectable()
export class AuditCheckpoints implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Audit');
  private readonly signer: CheckpointSigner | null;
  private timer?: NodeJS.Timeout;
  private writing?: Promise<unknown>;
  /** The head this instance checkpointed last: an idle chain is not checkpointed again and again. */
  private lastHash?: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {
    const { key } = config.audit.checkpoint;
    this.signer = key ? new CheckpointSigner(key) : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { intervalMs } = this.config.audit.checkpoint;
    if (!this.signer?.canSign || intervalMs === 0) {
      return;
    }
    await this.tick();
    this.timer = setInterval(() => void this.tick(), intervalMs);
    // Never keeps the process alive by itself.
    this.timer.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.writing;
  }

  /**
   * Writes a checkpoint of the current head to the log and, when configured, the file; null for
   * an empty chain, or when `onlyWhenGrown` and the head is the one checkpointed last.
   */
  async write({ onlyWhenGrown = false } = {}): Promise<AuditCheckpoint | null> {
    if (!this.signer) {
      throw new Error('AUDIT_CHECKPOINT_KEY is not set: no checkpoint can be signed');
    }
    const head = await auditRepository.head(this.db);
    if (!head || (onlyWhenGrown && head.hash === this.lastHash)) {
      return null;
    }
    const checkpoint = this.signer.checkpoint(head, this.clock.now());
    if (this.config.audit.checkpoint.file) {
      appendCheckpoint(this.config.audit.checkpoint.file, checkpoint);
    }
    // The log is a second place outside the database (and the only one without a file).
    this.log.log(`audit checkpoint ${JSON.stringify(checkpoint)}`);
    this.lastHash = head.hash;
    return checkpoint;
  }

  private async tick(): Promise<void> {
    if (this.writing) {
      return;
    }
    this.writing = this.write({ onlyWhenGrown: true })
      .catch((error: unknown) =>
        this.log.error(`audit checkpoint failed: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => (this.writing = undefined));
    await this.writing;
  }
}
