import { Injectable, type OnModuleInit } from '@nestjs/common';
import '#src/campaigns/campaign.events';
import { TransactionEvents } from '#src/database/transaction-events';
import type { Tx } from '#src/database/transactions';
import '#src/releases/release.events';
import '#src/subscriptions/subscription.events';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import { NotificationKind } from './notification-enums';
import { NotificationRepository, type EventSubject } from './notification.repository';
import { NotificationWorker } from './notification-worker';

/** A subscription's transitions and the kind its parties learn of. */
const SUBSCRIPTION_KINDS: Record<string, NotificationKind | undefined> = {
  request: NotificationKind.SUBSCRIPTION_REQUESTED,
  approve: NotificationKind.SUBSCRIPTION_APPROVED,
  reject: NotificationKind.SUBSCRIPTION_REJECTED,
  suspend: NotificationKind.SUBSCRIPTION_SUSPENDED,
  resume: NotificationKind.SUBSCRIPTION_RESUMED,
  terminate: NotificationKind.SUBSCRIPTION_TERMINATED,
};

/**
 * The transactional outbox: each change that concerns someone writes one event row in its own
 * transaction (so an event exists exactly when its change committed); nothing is sent here. The
 * worker (NotificationWorker) distributes the events to their recipients and sends them.
 */
@Injectable()
export class NotificationOutbox implements OnModuleInit {
  constructor(
    private readonly events: TransactionEvents,
    private readonly repository: NotificationRepository,
    private readonly worker: NotificationWorker,
  ) {}

  onModuleInit() {
    this.events.on('release.published', (tx, { release }) =>
      this.write(tx, NotificationKind.RELEASE_PUBLISHED, {
        releaseId: release.id,
        serviceId: release.serviceId,
        version: release.version,
      }),
    );
    this.events.on('release.deprecated', (tx, { release, reason }) =>
      this.write(tx, NotificationKind.RELEASE_DEPRECATED, {
        releaseId: release.id,
        serviceId: release.serviceId,
        version: release.version,
        reason,
      }),
    );
    // One event per gate kind: each kind has its own reviewers.
    this.events.on('release.gatesPending', async (tx, { release, kinds }) => {
      for (const gateKind of kinds) {
        await this.write(tx, NotificationKind.GATE_AWAITING_REVIEW, {
          releaseId: release.id,
          serviceId: release.serviceId,
          version: release.version,
          gateKind: gateKind as QaGateKind,
        });
      }
    });
    this.events.on('subscription.changed', async (tx, { subscription, action, reason }) => {
      const kind = SUBSCRIPTION_KINDS[action];
      if (kind) {
        await this.write(tx, kind, {
          subscriptionId: subscription.id,
          serviceId: subscription.serviceId,
          organisationId: subscription.organisationId,
          state: subscription.state,
          reason,
        });
      }
    });
    this.events.on('campaign.targetsAdded', (tx, { campaignId, targetIds, cause }) =>
      this.write(
        tx,
        cause === 'opened' ? NotificationKind.CAMPAIGN_OPENED : NotificationKind.CAMPAIGN_TARGET_ADDED,
        {
          campaignId,
          targetIds: [...targetIds],
          cause,
        },
      ),
    );
  }

  private async write(tx: Tx, kind: NotificationKind, subject: Partial<EventSubject>): Promise<void> {
    await this.repository.insertEvent(tx.manager, { kind, at: tx.now, actor: tx.actor, subject });
    // This instance's worker starts on it at once instead of at its next poll.
    tx.afterCommit(() => this.worker.poke());
  }
}
