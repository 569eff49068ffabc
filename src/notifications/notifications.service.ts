import { Inject, Injectable } from '@nestjs/common';
import { actorOf, type Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { isUuid } from '#src/common/ids';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { Transactions } from '#src/database/transactions';
import type { OrganisationEntity } from '#src/organisations/organisation.entity';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import { GATE_KINDS } from '#src/qa/qa.rules';
import type {
  AddEmailRecipientInput,
  AddWebhookEndpointInput,
  MarkNotificationsReadInput,
  UpdateNotificationChannelInput,
} from './dto/notification.inputs';
import {
  NotificationChannelType,
  NotificationDeliveryMode,
  NotificationDeliveryState,
  NotificationKind,
} from './notification-enums';
import type {
  Notification,
  NotificationChannel,
  NotificationDelivery,
  NotificationPage,
  NotificationSettings,
  WebhookEndpointSecret,
} from './notification.model';
import { NotificationRepository, type ChannelRow, type NotificationRow } from './notification.repository';
import {
  ALL_KINDS,
  checkChoice,
  checkMode,
  EVENT_TYPES,
  isEmailAddress,
  newUnsubscribeToken,
  newWebhookSecret,
  payloadOf,
  PREVIOUS_SECRET_VALID_MS,
  requireScope,
  scopeOwnsChannel,
  type NotificationScope,
} from './notification.rules';
import { checkWebhookUrl, RefusedAddress } from './webhook-address';

type Scope = NonNullable<NotificationScope>;

/**
 * An organisation's notifications: the console's list with unread markers, and the channels
 * (webhook endpoints, e-mail recipients) with their delivery logs. Who may: notification.rules.ts
 * (`notificationScope`): the organisation's MUNICIPALITY_ADMIN and MAINTAINER, its reviewers for
 * the gate events of their kinds, an OPERATOR for any organisation.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly transactions: Transactions,
    private readonly repository: NotificationRepository,
    private readonly organisations: OrganisationRepository,
    private readonly clock: Clock,
  ) {}

  async list(
    viewer: Viewer,
    organisationKey: string | null,
    options: { unreadOnly: boolean; first: number; offset: number },
  ): Promise<NotificationPage> {
    const { organisation, scope } = await this.scoped(viewer, organisationKey);
    const { rows, total, unread } = await this.repository.page(organisation.id, viewer.subject, {
      gateKinds: scope.all ? null : scope.gateKinds,
      ...options,
    });
    const shown = options.unreadOnly ? unread : total;
    return {
      items: rows.map((row) => this.notification(row, organisation, row.read_at !== null)),
      totalCount: total,
      unreadCount: unread,
      hasMore: options.offset + rows.length < shown,
    };
  }

  /** Marks notifications read for the viewer; the unread count left. */
  async markRead(viewer: Viewer, input: MarkNotificationsReadInput): Promise<number> {
    const { organisation, scope } = await this.scoped(viewer, input.organisationKey ?? null);
    const ids = input.ids ? input.ids.filter(isUuid) : null;
    await this.repository.markRead(
      organisation.id,
      viewer.subject,
      scope.all ? null : scope.gateKinds,
      ids,
      this.clock.now(),
    );
    const { unread } = await this.repository.page(organisation.id, viewer.subject, {
      gateKinds: scope.all ? null : scope.gateKinds,
      unreadOnly: true,
      first: 0,
      offset: 0,
    });
    return unread;
  }

  async settings(viewer: Viewer, organisationKey: string | null): Promise<NotificationSettings> {
    const { organisation, scope } = await this.scoped(viewer, organisationKey);
    const channels = (await this.repository.channels(organisation.id)).filter((c) =>
      scopeOwnsChannel(scope, { kinds: c.kinds, gateKinds: c.gate_kinds }),
    );
    return {
      organisation,
      choosableKinds: scope.all ? ALL_KINDS : [NotificationKind.GATE_AWAITING_REVIEW],
      choosableGateKinds: scope.all ? GATE_KINDS : scope.gateKinds,
      emailAvailable: this.config.notifications.smtp !== null,
      channels: channels.map((c) => this.channelView(c)),
    };
  }

  async addWebhook(viewer: Viewer, input: AddWebhookEndpointInput): Promise<WebhookEndpointSecret> {
    const { organisation, scope } = await this.scoped(viewer, input.organisationKey ?? null);
    const choice = checkChoice(scope, input);
    await this.checkUrl(input.url, 'input.url');
    const secret = newWebhookSecret();
    const channel = await this.transactions.run(actorOf(viewer), async (tx) => {
      const row = await this.repository.insertChannel(tx.manager, {
        organisation_id: organisation.id,
        type: NotificationChannelType.WEBHOOK,
        kinds: choice.kinds,
        gate_kinds: choice.gateKinds,
        mode: NotificationDeliveryMode.IMMEDIATE,
        url: input.url,
        secret,
        email: null,
        unsubscribe_token: null,
        created_by: {
          subject: viewer.subject,
          name: viewer.name,
          organisation: viewer.organisation?.key ?? null,
        },
        now: tx.now,
      });
      tx.audit('notification.addWebhook', 'NotificationChannel', row.id, {
        organisation: organisation.key,
        url: input.url,
        kinds: choice.kinds,
        gateKinds: choice.gateKinds,
      });
      return row;
    });
    return { channel: this.channelView(channel), secret };
  }

  async addEmail(viewer: Viewer, input: AddEmailRecipientInput): Promise<NotificationChannel> {
    const { organisation, scope } = await this.scoped(viewer, input.organisationKey ?? null);
    const choice = checkChoice(scope, input);
    const mode = input.mode ?? NotificationDeliveryMode.IMMEDIATE;
    const email = input.email.trim();
    if (!isEmailAddress(email)) {
      throw DomainError.badInput('input.email', 'EMAIL_ADDRESS');
    }
    const channel = await this.transactions.run(actorOf(viewer), async (tx) => {
      const row = await this.repository.insertChannel(tx.manager, {
        organisation_id: organisation.id,
        type: NotificationChannelType.EMAIL,
        kinds: choice.kinds,
        gate_kinds: choice.gateKinds,
        mode,
        url: null,
        secret: null,
        email,
        unsubscribe_token: newUnsubscribeToken(),
        created_by: {
          subject: viewer.subject,
          name: viewer.name,
          organisation: viewer.organisation?.key ?? null,
        },
        now: tx.now,
      });
      tx.audit('notification.addEmail', 'NotificationChannel', row.id, {
        organisation: organisation.key,
        email,
        kinds: choice.kinds,
        gateKinds: choice.gateKinds,
        mode,
      });
      return row;
    });
    return this.channelView(channel);
  }

  async update(viewer: Viewer, input: UpdateNotificationChannelInput): Promise<NotificationChannel> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const { channel, scope } = await this.lockChannel(viewer, input.id, tx.manager);
      const patch: Parameters<NotificationRepository['updateChannel']>[2] = {};
      if (input.kinds != null || input.gateKinds != null) {
        const choice = checkChoice(scope, {
          kinds: input.kinds ?? channel.kinds,
          gateKinds: input.gateKinds ?? channel.gate_kinds,
        });
        patch.kinds = choice.kinds;
        patch.gate_kinds = choice.gateKinds;
      }
      if (input.mode != null) {
        checkMode(channel.type, input.mode, 'input.mode');
        patch.mode = input.mode;
      }
      if (input.enabled != null && input.enabled !== channel.enabled) {
        if (input.enabled && channel.type === NotificationChannelType.WEBHOOK) {
          await this.checkUrl(channel.url!, 'input.enabled');
        }
        Object.assign(
          patch,
          input.enabled
            ? { enabled: true, disabled_reason: null, disabled_at: null, failure_streak: 0 }
            : { enabled: false, disabled_reason: 'switched off by hand', disabled_at: tx.now },
        );
      }
      if (Object.keys(patch).length === 0) {
        return this.channelView(channel);
      }
      const row = await this.repository.updateChannel(tx.manager, channel.id, patch, tx.now);
      tx.audit('notification.updateChannel', 'NotificationChannel', channel.id, patch);
      return this.channelView(row);
    });
  }

  /** A new secret; the previous one keeps signing for a day, so receivers can switch without losing events. */
  async rotateSecret(viewer: Viewer, id: string): Promise<WebhookEndpointSecret> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const { channel } = await this.lockChannel(viewer, id, tx.manager);
      if (channel.type !== NotificationChannelType.WEBHOOK) {
        throw DomainError.badInput('id', 'CHANNEL_NOT_WEBHOOK');
      }
      const secret = newWebhookSecret();
      const row = await this.repository.updateChannel(
        tx.manager,
        channel.id,
        {
          secret,
          previous_secret: channel.secret,
          previous_secret_until: new Date(tx.now.getTime() + PREVIOUS_SECRET_VALID_MS),
        },
        tx.now,
      );
      tx.audit('notification.rotateSecret', 'NotificationChannel', channel.id);
      return { channel: this.channelView(row), secret };
    });
  }

  async remove(viewer: Viewer, id: string): Promise<string> {
    return this.transactions.run(actorOf(viewer), async (tx) => {
      const { channel } = await this.lockChannel(viewer, id, tx.manager);
      await this.repository.deleteChannel(tx.manager, channel.id);
      tx.audit('notification.removeChannel', 'NotificationChannel', channel.id, {
        type: channel.type,
        url: channel.url,
        email: channel.email,
      });
      return channel.id;
    });
  }

  async deliveries(channelId: string, first: number): Promise<NotificationDelivery[]> {
    const rows = await this.repository.deliveries(channelId, Math.min(Math.max(first, 1), 100));
    return rows.map((d) => ({
      id: d.id,
      state: d.state,
      attempts: d.attempts,
      title: d.title,
      digestDay: d.digest_day,
      nextAttemptAt: d.state === NotificationDeliveryState.PENDING ? d.next_attempt_at : null,
      lastAttemptAt: d.last_attempt_at,
      responseStatus: d.response_status,
      detail: d.detail,
      deliveredAt: d.delivered_at,
      createdAt: d.created_at,
    }));
  }

  /** The unsubscribe link of an e-mail: switches the recipient off; false for an unknown token. */
  async unsubscribe(token: string): Promise<{ email: string } | null> {
    const channel = token ? await this.repository.channelByToken(token) : null;
    if (!channel) {
      return null;
    }
    if (channel.enabled) {
      await this.transactions.run({ kind: 'system', subject: 'notifications' }, async (tx) => {
        await this.repository.updateChannel(
          tx.manager,
          channel.id,
          {
            enabled: false,
            disabled_reason: 'unsubscribed by the recipient (link in the e-mail)',
            disabled_at: tx.now,
          },
          tx.now,
        );
        tx.audit('notification.unsubscribe', 'NotificationChannel', channel.id, { email: channel.email });
      });
    }
    return { email: channel.email! };
  }

  private async scoped(
    viewer: Viewer,
    organisationKey: string | null,
  ): Promise<{ organisation: OrganisationEntity; scope: Scope }> {
    const key = organisationKey?.trim() || viewer.organisation?.key;
    if (!key) {
      throw DomainError.badInput('organisationKey', 'ORGANISATION_REQUIRED');
    }
    const [organisation] = await this.organisations.byKeys([key]);
    if (!organisation) {
      throw DomainError.notFound('Organisation', key);
    }
    return { organisation, scope: requireScope(viewer, organisation) };
  }

  /** The channel locked FOR UPDATE: NOT_FOUND unless the viewer may see it (its organisation, its kinds). */
  private async lockChannel(
    viewer: Viewer,
    id: string,
    manager: Parameters<NotificationRepository['channel']>[1],
  ) {
    const channel = isUuid(id) ? await this.repository.channel(id, manager, true) : null;
    if (!channel) {
      throw DomainError.notFound('NotificationChannel', id);
    }
    const [organisation] = await this.organisations.byIds([channel.organisation_id]);
    const scope = organisation ? this.scopeOf(viewer, organisation) : null;
    if (!scope || !scopeOwnsChannel(scope, { kinds: channel.kinds, gateKinds: channel.gate_kinds })) {
      throw DomainError.notFound('NotificationChannel', id);
    }
    return { channel, scope };
  }

  private scopeOf(viewer: Viewer, organisation: OrganisationEntity): Scope | null {
    try {
      return requireScope(viewer, organisation);
    } catch {
      return null;
    }
  }

  private async checkUrl(url: string, field: string): Promise<void> {
    try {
      await checkWebhookUrl(url, {
        requireHttps: this.config.nodeEnv === 'production',
        allowLoopback: this.config.notifications.allowLoopback,
      });
    } catch (error) {
      if (error instanceof RefusedAddress) {
        throw DomainError.badInput(field, 'WEBHOOK_URL', { problem: error.message, ...error.refusal });
      }
      throw error;
    }
  }

  private channelView(c: ChannelRow): NotificationChannel {
    const until = c.previous_secret_until ? new Date(c.previous_secret_until) : null;
    return {
      id: c.id,
      type: c.type,
      kinds: c.kinds,
      gateKinds: c.gate_kinds,
      mode: c.mode,
      url: c.url,
      email: c.email,
      enabled: c.enabled,
      disabledReason: c.disabled_reason,
      disabledAt: c.disabled_at ? new Date(c.disabled_at) : null,
      failureStreak: c.failure_streak,
      previousSecretValidUntil: until && until > this.clock.now() ? until : null,
      createdAt: new Date(c.created_at),
      updatedAt: new Date(c.updated_at),
    };
  }

  notification(
    row: NotificationRow,
    organisation: { key: string; name: string },
    read: boolean,
  ): Notification {
    return {
      id: row.id,
      kind: row.kind,
      type: EVENT_TYPES[row.kind],
      title: row.title,
      link: row.link,
      gateKind: row.gate_kind,
      occurredAt: row.occurred_at,
      read,
      payload: JSON.stringify(payloadOf(row, organisation, this.config.publicUrl)),
    };
  }
}
