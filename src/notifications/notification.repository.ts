import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { serviceSql } from '#src/catalogue/service.sql';
import type { Actor } from '#src/common/auth/viewer';
import { organisationSql } from '#src/organisations/organisation.sql';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import type { InterfaceUse } from '#src/releases/release-enums';
import { subscriptionStatements } from '#src/subscriptions/subscription.sql';
import {
  NotificationChannelType,
  NotificationDeliveryMode,
  NotificationDeliveryState,
  NotificationKind,
} from './notification-enums';

/** What an event is about: the ids its recipients are found by, and facts of the moment (docs/notifications.md). */
export interface EventSubject {
  releaseId: string;
  serviceId: string;
  version: string;
  reason: string | null;
  gateKind: QaGateKind;
  subscriptionId: string;
  organisationId: string;
  state: string;
  campaignId: string;
  targetIds: string[];
  targetId: string;
  daysLeft: number;
  reminder: number;
  cause: string;
}

/** An event in the outbox, as written in the transaction of its change. */
export interface EventRow {
  id: string;
  kind: NotificationKind;
  occurred_at: Date;
  actor: Actor;
  /** The fields of its kind (the others absent). */
  subject: EventSubject;
}

/** One organisation's notice of an event: what the console lists and every channel sends. */
export interface NotificationRow {
  id: string;
  event_id: string;
  organisation_id: string;
  kind: NotificationKind;
  gate_kind: QaGateKind | null;
  title: string;
  link: string;
  data: Record<string, unknown>;
  occurred_at: Date;
}

export interface ChannelRow {
  id: string;
  organisation_id: string;
  type: NotificationChannelType;
  kinds: NotificationKind[];
  gate_kinds: QaGateKind[];
  mode: NotificationDeliveryMode;
  url: string | null;
  secret: string | null;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  email: string | null;
  unsubscribe_token: string | null;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_at: Date | null;
  failure_streak: number;
  created_by: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

export interface DeliveryRow {
  id: string;
  channel_id: string;
  notification_id: string | null;
  digest_day: string | null;
  state: NotificationDeliveryState;
  attempts: number;
  next_attempt_at: Date;
  last_attempt_at: Date | null;
  response_status: number | null;
  detail: string | null;
  delivered_at: Date | null;
  created_at: Date;
}

/** A recipient's notice as the distributor composes it. */
export interface Notice {
  organisationId: string;
  gateKind: QaGateKind | null;
  title: string;
  link: string;
  data: Record<string, unknown>;
}

const CHANNEL_COLUMNS = `c.id, c.organisation_id, c.type, c.kinds, c.gate_kinds, c.mode, c.url, c.secret, c.previous_secret,
  c.previous_secret_until, c.email, c.unsubscribe_token, c.enabled, c.disabled_reason, c.disabled_at, c.failure_streak,
  c.created_by, c.created_at, c.updated_at`;

const DELIVERY_COLUMNS = `d.id, d.channel_id, d.notification_id, d.digest_day::text AS digest_day, d.state, d.attempts,
  d.next_attempt_at, d.last_attempt_at, d.response_status, d.detail, d.delivered_at, d.created_at`;

/** A channel wants a notification: its kind, and for gate events the gate's kind. */
const WANTS = `n.kind = ANY(c.kinds) AND (n.gate_kind IS NULL OR n.gate_kind = ANY(c.gate_kinds))`;

/**
 * The one home of the SQL over notification_event, notification, notification_read,
 * notification_channel and notification_delivery; the other modules' tables through their
 * owners' fragments.
 */
/**
 * Condition on notification `n`: readable by a scope whose gate kinds are the text[] parameter,
 * NULL meaning every notification (notificationScope's `all`).
 */
const readableBy = (gateKinds: string) =>
  `(${gateKinds}::text[] IS NULL OR (n.kind = 'GATE_AWAITING_REVIEW' AND n.gate_kind = ANY(${gateKinds}::text[])))`;

@Injectable()
export class NotificationRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  // ---------------------------------------------------------------- the outbox

  /** Writes an event in the caller's transaction; with a dedupe key, at most once ever. */
  async insertEvent(
    manager: EntityManager,
    event: {
      kind: NotificationKind;
      at: Date;
      actor: Actor;
      subject: Partial<EventSubject>;
      dedupeKey?: string;
    },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO notification_event (kind, occurred_at, actor, subject, dedupe_key)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      [event.kind, event.at, event.actor, event.subject, event.dedupeKey ?? null],
    );
    return rows.length > 0;
  }

  /** The oldest undistributed event, claimed FOR UPDATE SKIP LOCKED until the caller commits. */
  async claimEvent(manager: EntityManager): Promise<EventRow | null> {
    const [row]: EventRow[] = await manager.query(
      `SELECT id, kind, occurred_at, actor, subject FROM notification_event
        WHERE distributed_at IS NULL ORDER BY seq LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    return row ?? null;
  }

  async markDistributed(manager: EntityManager, id: string, at: Date, recipients: number): Promise<void> {
    await manager.query(`UPDATE notification_event SET distributed_at = $2, recipients = $3 WHERE id = $1`, [
      id,
      at,
      recipients,
    ]);
  }

  /** Events not yet distributed (the worker's backlog, for the health of the queue). */
  async backlog(): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification_event WHERE distributed_at IS NULL`,
    );
    return row.n;
  }

  /**
   * One notification per recipient organisation (once per event and organisation, whatever the
   * retries), then one delivery per channel that wants it: at once, or in the channel's digest of
   * the day. E-mail channels only when e-mail is configured.
   */
  async insertNotices(
    manager: EntityManager,
    event: EventRow,
    notices: readonly Notice[],
    options: { now: Date; emailOn: boolean; digestDay: string; digestDue: Date },
  ): Promise<number> {
    if (notices.length === 0) {
      return 0;
    }
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO notification (event_id, organisation_id, kind, gate_kind, title, link, data, occurred_at)
       SELECT $1, n.organisation_id, $2, n.gate_kind, n.title, n.link, n.data, $3
         FROM jsonb_to_recordset($4::jsonb) AS n(organisation_id uuid, gate_kind text, title text, link text, data jsonb)
       ON CONFLICT (event_id, organisation_id) DO NOTHING RETURNING id`,
      [
        event.id,
        event.kind,
        event.occurred_at,
        JSON.stringify(
          notices.map((n) => ({
            organisation_id: n.organisationId,
            gate_kind: n.gateKind,
            title: n.title,
            link: n.link,
            data: n.data,
          })),
        ),
      ],
    );
    await manager.query(
      `INSERT INTO notification_delivery (channel_id, notification_id, digest_day, state, next_attempt_at, created_at)
       SELECT c.id,
              CASE WHEN c.mode = 'IMMEDIATE' THEN n.id END,
              CASE WHEN c.mode = 'DAILY_DIGEST' THEN $3::date END,
              'PENDING',
              CASE WHEN c.mode = 'IMMEDIATE' THEN $2::timestamptz ELSE $4::timestamptz END,
              $2::timestamptz
         FROM notification n
         JOIN notification_channel c ON c.organisation_id = n.organisation_id AND c.enabled AND ${WANTS}
        WHERE n.event_id = $1 AND (c.type = 'WEBHOOK' OR $5::boolean)
       ON CONFLICT DO NOTHING`,
      [event.id, options.now, options.digestDay, options.digestDue, options.emailOn],
    );
    return inserted.length;
  }

  // ---------------------------------------------------------------- reads for the distributor

  /** Service facts for notices: slug, name, owner (id, key, name). */
  async services(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<
    Map<
      string,
      { id: string; slug: string; name: string; ownerId: string; owner: { key: string; name: string } }
    >
  > {
    const rows: {
      id: string;
      slug: string;
      name: string;
      owner_id: string;
      owner: { key: string; name: string };
    }[] = await manager.query(
      // The outer alias must differ from the fragments' own (s, o), or they would correlate with themselves.
      `SELECT x.id, ${serviceSql.slugOf('x.id')} AS slug, ${serviceSql.nameOf('x.id')} AS name,
                ${serviceSql.ownerOf('x.id')} AS owner_id, ${organisationSql.asJson(serviceSql.ownerOf('x.id'))} AS owner
           FROM unnest($1::uuid[]) AS x(id)`,
      [ids],
    );
    return new Map(
      rows
        .filter((r) => r.slug !== null)
        .map((r) => [r.id, { id: r.id, slug: r.slug, name: r.name, ownerId: r.owner_id, owner: r.owner }]),
    );
  }

  /** Organisations by id: key and name. */
  async organisations(
    manager: EntityManager,
    ids: readonly string[],
  ): Promise<Map<string, { key: string; name: string }>> {
    const rows: { id: string; o: { key: string; name: string } }[] = await manager.query(
      `SELECT x.id, ${organisationSql.asJson('x.id')} AS o FROM unnest($1::uuid[]) AS x(id)`,
      [[...new Set(ids)]],
    );
    return new Map(rows.filter((r) => r.o).map((r) => [r.id, { key: r.o.key, name: r.o.name }]));
  }

  /**
   * The services' ACTIVE and SUSPENDED subscriptions requested by `asOf` (the event's time: who
   * subscribes later was not concerned), each with `affected`: its organisation declared a
   * standard among `uses` but not the version used (the interface impact's rule).
   */
  subscribers(
    manager: EntityManager,
    serviceIds: readonly string[],
    asOf: Date,
    uses: readonly InterfaceUse[] = [],
  ): Promise<
    {
      id: string;
      service_id: string;
      organisation_id: string;
      version_range: string;
      deployed_version: string | null;
      state: string;
      affected: boolean;
    }[]
  > {
    return manager.query(
      `SELECT s.*, ${organisationSql.lacksVersionOf('s.organisation_id', '$2')} AS affected
         FROM (${subscriptionStatements.decidedOf('$1')}) s WHERE s.requested_at <= $3 ORDER BY s.id`,
      [serviceIds, JSON.stringify(uses), asOf],
    );
  }

  async subscription(
    manager: EntityManager,
    id: string,
  ): Promise<{
    id: string;
    service_id: string;
    organisation_id: string;
    version_range: string;
    state: string;
    state_reason: string | null;
  } | null> {
    const rows: {
      id: string;
      service_id: string;
      organisation_id: string;
      version_range: string;
      state: string;
      state_reason: string | null;
    }[] = await manager.query(subscriptionStatements.byId('$1'), [id]);
    return rows[0] ?? null;
  }

  /** Organisations with an enabled channel that wants gate events of this kind. */
  async gateWatchers(manager: EntityManager, kind: QaGateKind): Promise<string[]> {
    const rows: { organisation_id: string }[] = await manager.query(
      `SELECT DISTINCT c.organisation_id FROM notification_channel c
        WHERE c.enabled AND 'GATE_AWAITING_REVIEW' = ANY(c.kinds) AND $1 = ANY(c.gate_kinds)`,
      [kind],
    );
    return rows.map((r) => r.organisation_id);
  }

  // ---------------------------------------------------------------- the console's list

  /** A page of the organisation's notifications, newest first, with whether the reader read each. */
  async page(
    organisationId: string,
    reader: string,
    options: { gateKinds: QaGateKind[] | null; unreadOnly: boolean; first: number; offset: number },
  ): Promise<{ rows: (NotificationRow & { read_at: Date | null })[]; total: number; unread: number }> {
    const params = [organisationId, reader, options.gateKinds];
    const from = `FROM notification n LEFT JOIN notification_read r ON r.notification_id = n.id AND r.reader = $2
                  WHERE n.organisation_id = $1 AND ${readableBy('$3')}`;
    const [counts]: { total: number; unread: number }[] = await this.db.query(
      `SELECT count(*)::int AS total, (count(*) FILTER (WHERE r.read_at IS NULL))::int AS unread ${from}`,
      params,
    );
    const rows: (NotificationRow & { read_at: Date | null })[] = await this.db.query(
      `SELECT n.*, r.read_at ${from} ${options.unreadOnly ? 'AND r.read_at IS NULL' : ''}
        ORDER BY n.occurred_at DESC, n.seq DESC LIMIT $4 OFFSET $5`,
      [...params, options.first, options.offset],
    );
    return { rows, total: counts.total, unread: counts.unread };
  }

  async notificationsByIds(ids: readonly string[]): Promise<NotificationRow[]> {
    if (ids.length === 0) {
      return [];
    }
    return this.db.query(`SELECT n.* FROM notification n WHERE n.id = ANY($1::uuid[])`, [ids]);
  }

  /** Marks the notifications read for the reader (those of the organisation the scope reads). */
  async markRead(
    organisationId: string,
    reader: string,
    gateKinds: QaGateKind[] | null,
    ids: readonly string[] | null,
    now: Date,
  ): Promise<number> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO notification_read (reader, notification_id, read_at)
       SELECT $2, n.id, $3 FROM notification n
        WHERE n.organisation_id = $1 AND ${readableBy('$4')} AND ($5::uuid[] IS NULL OR n.id = ANY($5::uuid[]))
       ON CONFLICT DO NOTHING RETURNING notification_id`,
      [organisationId, reader, now, gateKinds, ids],
    );
    return rows.length;
  }

  // ---------------------------------------------------------------- channels

  channels(organisationId: string): Promise<ChannelRow[]> {
    return this.db.query(
      `SELECT ${CHANNEL_COLUMNS} FROM notification_channel c WHERE c.organisation_id = $1 ORDER BY c.created_at, c.id`,
      [organisationId],
    );
  }

  async channel(
    id: string,
    manager: EntityManager = this.db.manager,
    lock = false,
  ): Promise<ChannelRow | null> {
    const [row]: ChannelRow[] = await manager.query(
      `SELECT ${CHANNEL_COLUMNS} FROM notification_channel c WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ?? null;
  }

  async channelByToken(token: string): Promise<ChannelRow | null> {
    const [row]: ChannelRow[] = await this.db.query(
      `SELECT ${CHANNEL_COLUMNS} FROM notification_channel c WHERE c.unsubscribe_token = $1`,
      [token],
    );
    return row ?? null;
  }

  async insertChannel(
    manager: EntityManager,
    channel: Pick<
      ChannelRow,
      | 'organisation_id'
      | 'type'
      | 'kinds'
      | 'gate_kinds'
      | 'mode'
      | 'url'
      | 'secret'
      | 'email'
      | 'unsubscribe_token'
      | 'created_by'
    > & { now: Date },
  ): Promise<ChannelRow> {
    const [row]: ChannelRow[] = await manager.query(
      `INSERT INTO notification_channel AS c (organisation_id, type, kinds, gate_kinds, mode, url, secret, email, unsubscribe_token,
              created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING ${CHANNEL_COLUMNS}`,
      [
        channel.organisation_id,
        channel.type,
        channel.kinds,
        channel.gate_kinds,
        channel.mode,
        channel.url,
        channel.secret,
        channel.email,
        channel.unsubscribe_token,
        channel.created_by,
        channel.now,
      ],
    );
    return row;
  }

  async updateChannel(
    manager: EntityManager,
    id: string,
    patch: Partial<
      Pick<
        ChannelRow,
        | 'kinds'
        | 'gate_kinds'
        | 'mode'
        | 'enabled'
        | 'disabled_reason'
        | 'disabled_at'
        | 'failure_streak'
        | 'secret'
        | 'previous_secret'
        | 'previous_secret_until'
      >
    >,
    now: Date,
  ): Promise<ChannelRow> {
    const columns = Object.keys(patch);
    const rows: ChannelRow[] = await manager.query(
      `WITH changed AS (
         UPDATE notification_channel AS c SET ${columns.map((c, i) => `${c} = $${i + 3}`).join(', ')}, updated_at = $2
          WHERE c.id = $1 RETURNING ${CHANNEL_COLUMNS})
       SELECT * FROM changed`,
      [id, now, ...columns.map((c) => (patch as Record<string, unknown>)[c])],
    );
    return rows[0];
  }

  async deleteChannel(manager: EntityManager, id: string): Promise<void> {
    await manager.query(`DELETE FROM notification_channel WHERE id = $1`, [id]);
  }

  // ---------------------------------------------------------------- deliveries

  /** A page of a channel's deliveries, newest first: the delivery log. */
  deliveries(
    channelId: string,
    first: number,
  ): Promise<(DeliveryRow & { title: string | null; kind: string | null })[]> {
    return this.db.query(
      `SELECT ${DELIVERY_COLUMNS}, n.title, n.kind FROM notification_delivery d LEFT JOIN notification n ON n.id = d.notification_id
        WHERE d.channel_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2`,
      [channelId, first],
    );
  }

  /**
   * Claims up to `limit` due deliveries of enabled channels (FOR UPDATE SKIP LOCKED): each attempt
   * is counted and the delivery is not due again before `leaseEnd`, so another instance leaves it
   * alone while this one sends; a worker that dies leaves it to be tried again then.
   */
  async claimDeliveries(
    manager: EntityManager,
    now: Date,
    leaseEnd: Date,
    limit: number,
  ): Promise<(DeliveryRow & { channel: ChannelRow })[]> {
    return manager.query(
      `WITH due AS (
         SELECT d.id FROM notification_delivery d
           JOIN notification_channel c ON c.id = d.channel_id AND c.enabled
          WHERE d.state = 'PENDING' AND d.next_attempt_at <= $1
          ORDER BY d.next_attempt_at, d.id LIMIT $3 FOR UPDATE OF d SKIP LOCKED),
       claimed AS (
         UPDATE notification_delivery d SET attempts = d.attempts + 1, next_attempt_at = $2, last_attempt_at = $1
           FROM due, notification_channel c
          WHERE d.id = due.id AND c.id = d.channel_id
         RETURNING ${DELIVERY_COLUMNS}, (SELECT row_to_json(x) FROM (SELECT ${CHANNEL_COLUMNS}) x) AS channel)
       SELECT * FROM claimed`,
      [now, leaseEnd, limit],
    );
  }

  /**
   * Records an attempt's outcome if the delivery is still this attempt's (same attempt count,
   * still PENDING); false when the lease ended and another attempt took it.
   */
  async settleDelivery(
    manager: EntityManager,
    delivery: { id: string; attempts: number },
    outcome: {
      state: NotificationDeliveryState;
      nextAttemptAt: Date;
      responseStatus: number | null;
      detail: string | null;
      deliveredAt: Date | null;
    },
  ): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `WITH settled AS (
         UPDATE notification_delivery SET state = $3, next_attempt_at = $4, response_status = $5, detail = $6, delivered_at = $7
          WHERE id = $1 AND attempts = $2 AND state = 'PENDING' RETURNING id)
       SELECT * FROM settled`,
      [
        delivery.id,
        delivery.attempts,
        outcome.state,
        outcome.nextAttemptAt,
        outcome.responseStatus,
        outcome.detail,
        outcome.deliveredAt,
      ],
    );
    return rows.length > 0;
  }

  /** Counts a failed attempt on the channel (locked), or resets the streak after a success; the new streak. */
  async recordStreak(manager: EntityManager, channelId: string, failed: boolean): Promise<number> {
    const rows: { failure_streak: number }[] = await manager.query(
      `WITH counted AS (
         UPDATE notification_channel SET failure_streak = CASE WHEN $2 THEN failure_streak + 1 ELSE 0 END
          WHERE id = $1 RETURNING failure_streak)
       SELECT * FROM counted`,
      [channelId, failed],
    );
    return rows[0]?.failure_streak ?? 0;
  }

  /** The notifications a digest collects: the channel's organisation's of that UTC day that the channel wants. */
  digestItems(channel: ChannelRow, day: string): Promise<NotificationRow[]> {
    return this.db.query(
      `SELECT n.* FROM notification n, (SELECT $2::text[] AS kinds, $3::text[] AS gate_kinds) c
        WHERE n.organisation_id = $1 AND ${WANTS}
          AND n.occurred_at >= ($4::date)::timestamp AT TIME ZONE 'UTC'
          AND n.occurred_at < ($4::date + 1)::timestamp AT TIME ZONE 'UTC'
        ORDER BY n.kind, n.occurred_at, n.seq`,
      [channel.organisation_id, channel.kinds, channel.gate_kinds, day],
    );
  }

  /** Pending deliveries in all (the worker's backlog, for the benchmark and the logs). */
  async pendingDeliveries(): Promise<number> {
    const [row]: { n: number }[] = await this.db.query(
      `SELECT count(*)::int AS n FROM notification_delivery WHERE state = 'PENDING'`,
    );
    return row.n;
  }
}
