import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignQueries } from '#src/campaigns/campaign-queries.service';
import { CampaignRepository } from '#src/campaigns/campaign.repository';
import type { Actor } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { Wakeup } from '#src/common/wakeup';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions } from '#src/database/transactions';
import { Mailer } from './mailer';
import { NotificationChannelType, NotificationDeliveryState, NotificationKind } from './notification-enums';
import { digestMail, singleMail } from './notification-mail';
import { NotificationNotices } from './notification-notices';
import {
  NotificationRepository,
  type ChannelRow,
  type DeliveryRow,
  type EventSubject,
  type NotificationRow,
} from './notification.repository';
import {
  daysUntil,
  digestDue,
  disableReason,
  EVENT_TYPES,
  isSuccessStatus,
  payloadOf,
  reminderFor,
  retryDelay,
} from './notification.rules';
import { RefusedAddress } from './webhook-address';
import { postWebhook } from './webhook-sender';

export const NOTIFICATIONS_ACTOR: Actor = { kind: 'system', subject: 'notifications' };

type Claimed = DeliveryRow & { channel: ChannelRow };

interface Attempt {
  ok: boolean;
  status: number | null;
  detail: string;
}

/** Reminders are looked for at most this often per instance (their dedupe keys make them once-only anyway). */
const REMINDER_INTERVAL_MS = 60_000;

/**
 * The notification worker of each instance, in three steps, each safe with any number of instances
 * on one database:
 * 1. distribute: an event of the outbox (claimed FOR UPDATE SKIP LOCKED) becomes one notification
 *    per recipient and one delivery per channel that wants it, in one transaction;
 * 2. remind: campaign deadlines 30 and 7 days ahead and overdue targets become events, once each
 *    (a unique dedupe key);
 * 3. send: due deliveries are claimed in a short transaction (the attempt counted, the delivery
 *    leased), sent outside any transaction, and their outcome recorded only while the lease is
 *    still theirs. Webhooks are retried with exponential backoff and jitter; an endpoint that
 *    keeps failing is switched off with the reason.
 */
@Injectable()
export class NotificationWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly log = new Logger('Notifications');
  private running?: Promise<void>;
  private stopping = false;
  private readonly wakeup = new Wakeup();
  private lastReminders = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly transactions: Transactions,
    private readonly repository: NotificationRepository,
    private readonly notices: NotificationNotices,
    private readonly mailer: Mailer,
    private readonly clock: Clock,
    private readonly campaigns: CampaignRepository,
    private readonly campaignQueries: CampaignQueries,
  ) {}

  onApplicationBootstrap() {
    const { notifications } = this.config;
    if (notifications.pollIntervalMs === 0) {
      return;
    }
    this.log.log(
      `notifications on: webhooks on, e-mail ${this.mailer.enabled ? 'on' : 'off (no SMTP_URL)'}, ` +
        `${notifications.concurrency} deliveries at a time`,
    );
    this.running = this.loop();
  }

  async beforeApplicationShutdown() {
    this.stopping = true;
    this.wakeup.wakeAll();
    await this.running;
  }

  /** Something was written to the outbox here: work now instead of at the next poll. */
  poke(): void {
    this.wakeup.poke();
  }

  /** Works until nothing is due; the tests and the benchmark drive the worker with it. */
  async drain(): Promise<{ distributed: number; sent: number }> {
    const done = { distributed: 0, sent: 0 };
    await this.remind();
    for (;;) {
      const distributed = await this.distributeNext();
      const sent = await this.sendDue();
      done.distributed += distributed ? 1 : 0;
      done.sent += sent;
      if (!distributed && sent === 0) {
        return done;
      }
    }
  }

  /** Step 1: one event to its recipients and their channels; false when none is waiting. */
  async distributeNext(): Promise<boolean> {
    return this.transactions.run(NOTIFICATIONS_ACTOR, async (tx) => {
      const event = await this.repository.claimEvent(tx.manager);
      if (!event) {
        return false;
      }
      const notices = await this.notices.of(tx.manager, event);
      const day = tx.now.toISOString().slice(0, 10);
      const created = await this.repository.insertNotices(tx.manager, event, notices, {
        now: tx.now,
        emailOn: this.mailer.enabled,
        digestDay: day,
        digestDue: digestDue(day, this.config.notifications.digestHourUtc),
      });
      await this.repository.markDistributed(tx.manager, event.id, tx.now, created);
      this.log.log(`event ${event.id} (${EVENT_TYPES[event.kind]}): ${created} recipient(s)`);
      return true;
    });
  }

  /** Step 2: the deadline reminders and overdue targets of the ACTIVE campaigns, each once. */
  async remind(): Promise<number> {
    this.lastReminders = Date.now();
    const today = this.clock.today();
    let written = 0;
    for (const campaign of await this.campaigns.active()) {
      const daysLeft = daysUntil(today, campaign.effectiveDate);
      const events: { kind: NotificationKind; subject: Partial<EventSubject>; dedupeKey: string }[] = [];
      const reminder = reminderFor(daysLeft);
      if (reminder) {
        events.push({
          kind: NotificationKind.CAMPAIGN_DEADLINE_APPROACHING,
          subject: { campaignId: campaign.id, daysLeft, reminder },
          dedupeKey: `campaign:${campaign.id}:deadline:${reminder}`,
        });
      }
      if (daysLeft <= 0) {
        for (const target of await this.campaignQueries.views({ campaignIds: [campaign.id] })) {
          if (target.overdue) {
            events.push({
              kind: NotificationKind.CAMPAIGN_TARGET_OVERDUE,
              subject: { campaignId: campaign.id, targetId: target.id },
              dedupeKey: `target:${target.id}:overdue`,
            });
          }
        }
      }
      if (events.length > 0) {
        written += await this.transactions.run(NOTIFICATIONS_ACTOR, async (tx) => {
          let n = 0;
          for (const event of events) {
            n += (await this.repository.insertEvent(tx.manager, { ...event, at: tx.now, actor: tx.actor }))
              ? 1
              : 0;
          }
          return n;
        });
      }
    }
    return written;
  }

  /** Step 3: up to `concurrency` due deliveries, sent at once; how many were attempted. */
  async sendDue(): Promise<number> {
    const { concurrency, timeoutMs } = this.config.notifications;
    const now = this.clock.now();
    // Longer than any attempt can take (an e-mail's three timeouts, a webhook's one).
    const leaseEnd = new Date(now.getTime() + 4 * timeoutMs + 60_000);
    const claimed = await this.transactions.run(NOTIFICATIONS_ACTOR, (tx) =>
      this.repository.claimDeliveries(tx.manager, tx.now, leaseEnd, concurrency),
    );
    if (claimed.length === 0) {
      return 0;
    }
    const notifications = new Map(
      (
        await this.repository.notificationsByIds(
          claimed.flatMap((d) => (d.notification_id ? [d.notification_id] : [])),
        )
      ).map((n) => [n.id, n]),
    );
    const organisations = await this.repository.organisations(
      this.db.manager,
      claimed.map((d) => d.channel.organisation_id),
    );
    await Promise.all(
      claimed.map(async (delivery) => {
        const started = Date.now();
        const organisation = organisations.get(delivery.channel.organisation_id) ?? { key: '?', name: '?' };
        const attempt = await this.attempt(delivery, notifications, organisation).catch(
          (error: unknown): Attempt => ({
            ok: false,
            status: null,
            detail: error instanceof Error ? error.message : String(error),
          }),
        );
        await this.settle(delivery, attempt, Date.now() - started);
      }),
    );
    return claimed.length;
  }

  private async attempt(
    delivery: Claimed,
    notifications: Map<string, NotificationRow>,
    organisation: { key: string; name: string },
  ): Promise<Attempt> {
    const { channel } = delivery;
    const publicUrl = this.config.publicUrl;
    if (channel.type === NotificationChannelType.WEBHOOK) {
      const notification = notifications.get(delivery.notification_id!)!;
      const body = JSON.stringify(payloadOf(notification, organisation, publicUrl));
      const now = this.clock.now();
      const secrets = [
        channel.secret!,
        ...(channel.previous_secret &&
        channel.previous_secret_until &&
        new Date(channel.previous_secret_until) > now
          ? [channel.previous_secret]
          : []),
      ];
      try {
        const answer = await postWebhook(
          channel.url!,
          secrets,
          { id: notification.id, timestamp: new Date(), body },
          {
            timeoutMs: this.config.notifications.timeoutMs,
            userAgent: 'Nachnutzungsregister-Webhooks/1',
            policy: {
              requireHttps: this.config.nodeEnv === 'production',
              allowLoopback: this.config.notifications.allowLoopback,
            },
          },
        );
        return { ok: isSuccessStatus(answer.status), status: answer.status, detail: `HTTP ${answer.status}` };
      } catch (error) {
        const refused = error instanceof RefusedAddress;
        const message = error instanceof Error ? error.message : String(error);
        return { ok: false, status: null, detail: refused ? `refused: ${message}` : message };
      }
    }
    const context = {
      publicUrl,
      unsubscribeUrl: `${publicUrl}/notifications/unsubscribe?token=${channel.unsubscribe_token}`,
      organisationName: organisation.name,
    };
    if (delivery.digest_day) {
      const day = typeof delivery.digest_day === 'string' ? delivery.digest_day : toDay(delivery.digest_day);
      const items = await this.repository.digestItems(channel, day);
      if (items.length === 0) {
        return { ok: true, status: null, detail: 'nothing left to send (the settings changed)' };
      }
      const sent = await this.mailer.send(channel.email!, digestMail(day, items, context));
      return { ok: true, status: null, detail: `${items.length} item(s): ${sent.response}` };
    }
    const notification = notifications.get(delivery.notification_id!)!;
    const sent = await this.mailer.send(channel.email!, singleMail(notification, context));
    return { ok: true, status: null, detail: sent.response };
  }

  /** Records the attempt while the lease is ours; counts the channel's failures, switching it off when they persist. */
  private async settle(delivery: Claimed, attempt: Attempt, ms: number): Promise<void> {
    const { maxAttempts, retryDelayMs, disableAfterFailures } = this.config.notifications;
    const what = `${delivery.channel.type.toLowerCase()} ${delivery.channel.id} (${delivery.notification_id ? `notification ${delivery.notification_id}` : `digest ${delivery.digest_day}`})`;
    await this.transactions.run(NOTIFICATIONS_ACTOR, async (tx) => {
      const final = attempt.ok || delivery.attempts >= maxAttempts;
      const settled = await this.repository.settleDelivery(tx.manager, delivery, {
        state: attempt.ok
          ? NotificationDeliveryState.DELIVERED
          : final
            ? NotificationDeliveryState.FAILED
            : NotificationDeliveryState.PENDING,
        nextAttemptAt: final
          ? tx.now
          : new Date(tx.now.getTime() + retryDelay(retryDelayMs, delivery.attempts)),
        responseStatus: attempt.status,
        detail: attempt.detail.slice(0, 2_000),
        deliveredAt: attempt.ok ? tx.now : null,
      });
      if (!settled) {
        this.log.warn(`${what}: the lease ended before the answer; left to the next attempt`);
        return;
      }
      if (attempt.ok) {
        this.log.log(`${what}: delivered on attempt ${delivery.attempts} in ${ms} ms (${attempt.detail})`);
      } else {
        this.log.warn(`${what}: attempt ${delivery.attempts} failed in ${ms} ms: ${attempt.detail}`);
      }
      if (delivery.channel.type !== NotificationChannelType.WEBHOOK) {
        return;
      }
      const streak = await this.repository.recordStreak(tx.manager, delivery.channel.id, !attempt.ok);
      const reason = attempt.ok
        ? null
        : disableReason(streak, disableAfterFailures, attempt.status, attempt.detail);
      if (reason) {
        await this.repository.updateChannel(
          tx.manager,
          delivery.channel.id,
          { enabled: false, disabled_reason: reason.slice(0, 2_000), disabled_at: tx.now },
          tx.now,
        );
        tx.audit('notification.disableEndpoint', 'NotificationChannel', delivery.channel.id, { reason });
        this.log.warn(`webhook ${delivery.channel.id} switched off: ${reason}`);
      }
    });
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let busy = false;
      try {
        if (Date.now() - this.lastReminders >= REMINDER_INTERVAL_MS) {
          await this.remind();
        }
        const distributed = await this.distributeNext();
        const sent = await this.sendDue();
        busy = distributed || sent > 0;
      } catch (error) {
        this.log.error(`worker: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (this.stopping) {
        break;
      }
      if (busy) {
        continue;
      }
      await this.wakeup.sleep(this.config.notifications.pollIntervalMs);
    }
  }
}

function toDay(value: unknown): string {
  return value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
}
