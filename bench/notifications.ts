/**
 * npm run bench:notifications — a release published to a service with 10,000 subscribers: how
 * long until every webhook has reached a local receiver, and what it does to the publish mutation.
 *
 * Starts the service in this process on a fresh database (an embedded PostgreSQL in a temporary
 * folder, or a new database on DATABASE_URL's server, dropped afterwards) with the notification
 * worker's loop on, and an HTTP receiver on 127.0.0.1 that answers 200 at once. The subscribers
 * are written with SQL (10,000 organisations, each with an ACTIVE subscription ^1.0.0 to one
 * service and a webhook endpoint for RELEASE_PUBLISHED at /hook/<n>). Then:
 * 1. The publish mutation alone (the release created, submitted and approved beforehand), with
 *    the worker idle, for a service without subscribers: BENCH_RUNS (5) times.
 * 2. BENCH_RUNS times: publish a release of the service with the subscribers (timed), watch the
 *    event until it is distributed (polled), and the receiver until it has every delivery; half
 *    way through the sending, time one more publish of the service without subscribers.
 * 3. Unless BENCH_TWO_INSTANCES=0: one more such release with a second instance on the same
 *    database, both workers on.
 * Every run checks exactly-once: one request per (path, webhook-id), none more, all answered 200
 * and DELIVERED in the database; a sample of the signatures is verified with standardwebhooks.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { createApp } from '#src/app';
import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import { APP_CONFIG, loadConfig, type AppConfig } from '#src/config/config';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { newWebhookSecret } from '#src/notifications/notification.rules';
import { percentile, withBenchDatabase } from './bench-database';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TWO_INSTANCES = process.env.BENCH_TWO_INSTANCES !== '0';
const POLL_INTERVAL_MS = 200;
/** Every n-th request's signature is verified (all of them would measure the receiver). */
const VERIFY_EVERY = 250;
/** A run that has not finished by then has lost deliveries. */
const RUN_TIMEOUT_MS = 10 * 60_000;
const SECRET = 'bench-secret-bench-secret-bench-secret-bench';

const now = () => Number(process.hrtime.bigint()) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------- the receiver

interface Receiver {
  url: string;
  /** Requests received in all. */
  total: number;
  /** Requests per `path webhook-id`: exactly one each, or a delivery was repeated. */
  pairs: Map<string, number>;
  /** When (ms, hrtime) the latest request arrived, and the first since `mark()`. */
  last: number;
  first: number;
  /** Signatures verified, and those that failed (or a path without a secret). */
  verified: number;
  badSignatures: number;
  /** Bodies whose `type` was not release.published. */
  wrongType: number;
  mark(): void;
  close(): Promise<void>;
}

async function startReceiver(secrets: Map<string, string>): Promise<Receiver> {
  const receiver: Receiver = {
    url: '',
    total: 0,
    pairs: new Map(),
    last: 0,
    first: 0,
    verified: 0,
    badSignatures: 0,
    wrongType: 0,
    mark() {
      this.first = 0;
    },
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const at = now();
      res.statusCode = 200;
      res.end();
      const path = req.url ?? '';
      const id = String(req.headers['webhook-id'] ?? '');
      const key = `${path} ${id}`;
      receiver.pairs.set(key, (receiver.pairs.get(key) ?? 0) + 1);
      receiver.total++;
      receiver.last = at;
      receiver.first ||= at;
      if (receiver.total % VERIFY_EVERY === 0) {
        verify(receiver, secrets.get(path), Buffer.concat(chunks).toString('utf8'), req.headers);
      }
    });
  });
  // Plenty of keep-alive sockets, as a real receiver behind a load balancer would allow.
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return receiver;
}

function verify(receiver: Receiver, secret: string | undefined, body: string, headers: IncomingHttpHeaders) {
  try {
    if (!secret) {
      throw new Error('no secret for the path');
    }
    const payload = new Webhook(secret).verify(body, {
      'webhook-id': String(headers['webhook-id']),
      'webhook-timestamp': String(headers['webhook-timestamp']),
      'webhook-signature': String(headers['webhook-signature']),
    }) as { type?: string };
    receiver.verified++;
    if (payload.type !== 'release.published') {
      receiver.wrongType++;
    }
  } catch {
    receiver.badSignatures++;
  }
}

// ---------------------------------------------------------------- the service

async function startInstance(databaseUrl: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    GITHUB_POLL_INTERVAL_MS: '0',
    NOTIFICATION_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
    NOTIFICATION_ALLOW_LOOPBACK: 'true',
    // The default (16) unless BENCH_CONCURRENCY says otherwise.
    ...(process.env.BENCH_CONCURRENCY ? { NOTIFICATION_CONCURRENCY: process.env.BENCH_CONCURRENCY } : {}),
  });
  return createApp({ config, databaseUrl }, { quiet: true });
}

type Gql = <T>(query: string, variables: unknown, token: string) => Promise<T>;

function gqlOf(app: NestFastifyApplication): Gql {
  return async <T>(query: string, variables: unknown, token: string): Promise<T> => {
    const response = await app.inject({
      method: 'POST',
      url: '/graphql',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      payload: JSON.stringify({ query, variables }),
    });
    const body = response.json<{ data?: T; errors?: unknown }>();
    if (body.errors) {
      throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    }
    return body.data!;
  };
}

const token = (roles: Role[], sub: string, org?: string) =>
  signDevToken({ sub, roles, org }, { secret: SECRET });

/** Creates, submits and approves a release (three reviewers of `reviewerOrg`): ready to publish. */
async function prepareRelease(gql: Gql, serviceId: string, version: string): Promise<string> {
  const operator = await token([Role.OPERATOR], 'bench-operator');
  const created = await gql<{ createRelease: { id: string } }>(
    `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
    { input: { serviceId, version, artifactDigest: `sha256:${'c'.repeat(64)}` } },
    operator,
  );
  const id = created.createRelease.id;
  await gql(`mutation($id: ID!) { submitRelease(id: $id) { id } }`, { id }, operator);
  for (const [kind, role] of [
    ['USABILITY', Role.REVIEWER_USABILITY],
    ['SECURITY', Role.REVIEWER_SECURITY],
    ['INTERFACES', Role.REVIEWER_INTERFACES],
  ] as const) {
    await gql(
      `mutation($input: SignOffInput!) { signOff(input: $input) { status } }`,
      { input: { releaseId: id, kind, verdict: 'APPROVE' } },
      await token([role], `bench-${kind.toLowerCase()}`, 'reviewers'),
    );
  }
  return id;
}

/** The publish mutation alone: its latency in ms. */
async function publish(gql: Gql, releaseId: string): Promise<number> {
  const operator = await token([Role.OPERATOR], 'bench-operator');
  const started = now();
  const published = await gql<{ publishRelease: { state: string } }>(
    `mutation($id: ID!) { publishRelease(id: $id) { state } }`,
    { id: releaseId },
    operator,
  );
  const ms = now() - started;
  if (published.publishRelease.state !== 'PUBLISHED') {
    throw new Error(`release ${releaseId}: ${JSON.stringify(published)}`);
  }
  return ms;
}

/** Waits until no event is undistributed and no delivery pending: the worker is idle. */
async function idle(db: Client) {
  for (;;) {
    const { rows } = await db.query<{ events: number; deliveries: number }>(
      `SELECT (SELECT count(*)::int FROM notification_event WHERE distributed_at IS NULL) AS events,
              (SELECT count(*)::int FROM notification_delivery WHERE state = 'PENDING') AS deliveries`,
    );
    if (rows[0].events === 0 && rows[0].deliveries === 0) {
      return;
    }
    await sleep(100);
  }
}

// ---------------------------------------------------------------- one run

interface Run {
  publishMs: number;
  /** From the publish's answer: the distributed event seen committed (polled every 20 ms). */
  distributedS: number;
  /** The distributing transaction's own length (its distributed_at is the transaction's start). */
  firstRequestS: number;
  lastRequestS: number;
  perSecond: number;
  /** The publish of the service without subscribers, half way through the sending. */
  busyPublishMs: number;
  peakRssMb: number;
  maxAttempts: number;
  /** CPU time of this process (the service and the receiver) per second of the run: 1 = one core. */
  cores: number;
}

async function run(
  gql: Gql,
  db: Client,
  receiver: Receiver,
  big: { serviceId: string; version: string },
  small: { serviceId: string; version: string },
): Promise<Run> {
  const releaseId = await prepareRelease(gql, big.serviceId, big.version);
  const busyReleaseId = await prepareRelease(gql, small.serviceId, small.version);
  await idle(db);
  const before = receiver.total;
  receiver.mark();
  let peakRss = process.memoryUsage().rss;
  const cpu = process.cpuUsage();
  const publishMs = await publish(gql, releaseId);
  const answered = now();

  let distributed = 0;
  let busyPublishMs = NaN;
  let busy: Promise<void> | undefined;
  for (;;) {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (!distributed) {
      const { rows } = await db.query<{ distributed_at: Date | null; recipients: number | null }>(
        `SELECT distributed_at, recipients FROM notification_event
          WHERE kind = 'RELEASE_PUBLISHED' AND subject->>'releaseId' = $1`,
        [releaseId],
      );
      if (rows[0]?.distributed_at) {
        distributed = now();
        if (rows[0].recipients !== SUBSCRIBERS) {
          throw new Error(`distributed to ${rows[0].recipients} of ${SUBSCRIBERS}`);
        }
      }
    }
    const received = receiver.total - before;
    if (!busy && received >= SUBSCRIBERS / 2) {
      busy = publish(gql, busyReleaseId).then((ms) => {
        busyPublishMs = ms;
      });
    }
    if (received >= SUBSCRIBERS && distributed) {
      break;
    }
    if (now() - answered > RUN_TIMEOUT_MS) {
      throw new Error(`only ${received} of ${SUBSCRIBERS} deliveries after ${RUN_TIMEOUT_MS} ms`);
    }
    await sleep(20);
  }
  await busy;
  const used = process.cpuUsage(cpu);
  const cores = (used.user + used.system) / 1000 / (now() - answered);
  // Late repeats would show up now.
  await sleep(500);
  const { rows } = await db.query<{ delivered: number; pending: number; max_attempts: number }>(
    `SELECT count(*) FILTER (WHERE d.state = 'DELIVERED')::int AS delivered,
            count(*) FILTER (WHERE d.state <> 'DELIVERED')::int AS pending,
            coalesce(max(d.attempts), 0)::int AS max_attempts
       FROM notification_delivery d JOIN notification n ON n.id = d.notification_id
       JOIN notification_event e ON e.id = n.event_id
      WHERE e.subject->>'releaseId' = $1`,
    [releaseId],
  );
  if (rows[0].delivered !== SUBSCRIBERS || rows[0].pending !== 0) {
    throw new Error(`database: ${JSON.stringify(rows[0])}`);
  }
  if (receiver.total - before !== SUBSCRIBERS) {
    throw new Error(`received ${receiver.total - before} requests for ${SUBSCRIBERS} deliveries`);
  }
  const lastRequestS = (receiver.last - answered) / 1000;
  return {
    publishMs,
    distributedS: (distributed - answered) / 1000,
    firstRequestS: (receiver.first - answered) / 1000,
    lastRequestS,
    perSecond: SUBSCRIBERS / ((receiver.last - receiver.first) / 1000),
    busyPublishMs,
    peakRssMb: peakRss / 1_048_576,
    maxAttempts: rows[0].max_attempts,
    cores,
  };
}

// ---------------------------------------------------------------- setup

async function setup(gql: Gql, db: Client, receiverUrl: string) {
  const operator = await token([Role.OPERATOR], 'bench-operator');
  for (const [key, kind] of [
    ['owner', 'SERVICE_PROVIDER'],
    ['reviewers', 'SERVICE_PROVIDER'],
  ]) {
    await gql(
      `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { key } }`,
      { input: { key, name: `Bench ${key}`, kind } },
      operator,
    );
  }
  const service = async (slug: string) =>
    (
      await gql<{ registerService: { id: string } }>(
        `mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }`,
        {
          input: {
            slug,
            name: `Bench ${slug}`,
            summary: 'Bench',
            ownerKey: 'owner',
            reuseModel: 'EFA_CENTRAL',
          },
        },
        operator,
      )
    ).registerService.id;
  const bigId = await service('wohngeld');
  const smallId = await service('hundesteuer');
  for (const id of [bigId, smallId]) {
    await publish(gql, await prepareRelease(gql, id, '1.0.0'));
  }
  // 1.0.0's event distributed before there are subscribers: it goes to nobody.
  await idle(db);

  // The subscribers, in three statements; a subscription requested yesterday, an endpoint each.
  const keys = Array.from({ length: SUBSCRIBERS }, (_, i) => `bench-${String(i + 1).padStart(5, '0')}`);
  const secrets = keys.map(() => newWebhookSecret());
  const started = now();
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO organisation (key, name, kind, created_at, updated_at)
     SELECT k, 'Gemeinde ' || k, 'MUNICIPALITY', now(), now() FROM unnest($1::text[]) AS k`,
    [keys],
  );
  await db.query(
    `INSERT INTO service_subscription (organisation_id, service_id, version_range, state, requested_at, decided_at)
     SELECT o.id, $2, '^1.0.0', 'ACTIVE', now() - interval '1 day', now() - interval '1 day'
       FROM organisation o WHERE o.key = ANY($1::text[])`,
    [keys, bigId],
  );
  await db.query(
    `INSERT INTO notification_channel (organisation_id, type, kinds, mode, url, secret, created_by, created_at, updated_at)
     SELECT o.id, 'WEBHOOK', '{RELEASE_PUBLISHED}', 'IMMEDIATE', $2 || '/hook/' || x.key, x.secret,
            '{"subject":"bench","name":null,"organisation":null}', now(), now()
       FROM unnest($1::text[], $3::text[]) AS x(key, secret) JOIN organisation o ON o.key = x.key`,
    [keys, receiverUrl, secrets],
  );
  await db.query('COMMIT');
  await db.query('ANALYZE');
  const setupS = (now() - started) / 1000;
  return {
    bigId,
    smallId,
    setupS,
    secrets: new Map(keys.map((key, i) => [`/hook/${key}`, secrets[i]])),
  };
}

// ---------------------------------------------------------------- main

const median = (figures: number[]) =>
  percentile(
    [...figures].sort((a, b) => a - b),
    50,
  );
const max = (figures: number[]) => Math.max(...figures);
const ms = (figures: number[]) =>
  `median ${median(figures).toFixed(1)} ms, max ${max(figures).toFixed(1)} ms`;

async function main(): Promise<void> {
  await withBenchDatabase('bench_notifications', async (databaseUrl) => {
    const apps: NestFastifyApplication[] = [];
    const db = new Client({ connectionString: databaseUrl });
    db.on('error', () => undefined); // dropped with the database when a step fails
    let receiver: Receiver | undefined;
    try {
      const ds = createDataSource(databaseUrl);
      await ds.initialize();
      await migrate(ds);
      await ds.destroy();
      await db.connect();
      const secrets = new Map<string, string>();
      receiver = await startReceiver(secrets);
      apps.push(await startInstance(databaseUrl));
      const gql = gqlOf(apps[0]);
      const { rows: version } = await db.query<{ v: string }>(
        `SELECT current_setting('server_version') AS v`,
      );
      process.stdout.write(
        `PostgreSQL ${version[0].v}, load ${loadavg()
          .map((l) => l.toFixed(2))
          .join(' ')}; ${SUBSCRIBERS} subscribers, ${RUNS} runs, ` +
          `${apps[0].get<AppConfig>(APP_CONFIG).notifications.concurrency} deliveries at a time\n`,
      );

      const world = await setup(gql, db, receiver.url);
      for (const [path, secret] of world.secrets) {
        secrets.set(path, secret);
      }
      process.stdout.write(
        `setup: ${SUBSCRIBERS} organisations, subscriptions, endpoints in ${world.setupS.toFixed(1)} s (SQL)\n`,
      );
      await idle(db);

      // 1. The publish mutation with no subscribers, the worker idle.
      const idleMs: number[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const id = await prepareRelease(gql, world.smallId, `1.${i}.0`);
        await idle(db);
        idleMs.push(await publish(gql, id));
      }

      // 2. The service with the subscribers.
      const runs: Run[] = [];
      for (let i = 1; i <= RUNS; i++) {
        const r = await run(
          gql,
          db,
          receiver,
          { serviceId: world.bigId, version: `1.${i}.0` },
          { serviceId: world.smallId, version: `1.${RUNS + i}.0` },
        );
        runs.push(r);
        process.stdout.write(
          `  run ${i}: publish ${r.publishMs.toFixed(1)} ms; distributed after ${r.distributedS.toFixed(2)} s, ` +
            `first request ${r.firstRequestS.toFixed(2)} s, all ${SUBSCRIBERS} after ${r.lastRequestS.toFixed(1)} s ` +
            `(${r.perSecond.toFixed(0)}/s); a publish meanwhile ${r.busyPublishMs.toFixed(1)} ms; ` +
            `rss ${r.peakRssMb.toFixed(0)} MB; node ${r.cores.toFixed(2)} cores; max attempts ${r.maxAttempts}; load ${loadavg()[0].toFixed(2)}\n`,
        );
      }

      // 3. Two instances on the one database.
      let two: Run | undefined;
      if (TWO_INSTANCES) {
        apps.push(await startInstance(databaseUrl));
        two = await run(
          gql,
          db,
          receiver,
          { serviceId: world.bigId, version: `1.${RUNS + 1}.0` },
          { serviceId: world.smallId, version: `1.${2 * RUNS + 1}.0` },
        );
        process.stdout.write(
          `  two instances: publish ${two.publishMs.toFixed(1)} ms; distributed after ${two.distributedS.toFixed(2)} s, ` +
            `all after ${two.lastRequestS.toFixed(1)} s (${two.perSecond.toFixed(0)}/s); max attempts ${two.maxAttempts}\n`,
        );
      }

      const events = runs.length + (two ? 1 : 0);
      const repeats = [...receiver.pairs.values()].filter((n) => n > 1).length;
      const pairs = receiver.pairs.size;
      process.stdout.write(
        `\n| figure | ${SUBSCRIBERS} subscribers, ${RUNS} releases |\n| --- | --- |\n` +
          `| publish, service without subscribers, worker idle | ${ms(idleMs)} |\n` +
          `| publish, service with ${SUBSCRIBERS} subscribers | ${ms(runs.map((r) => r.publishMs))} |\n` +
          `| publish, no subscribers, while sending | ${ms(runs.map((r) => r.busyPublishMs))} |\n` +
          `| publish answer → event distributed | median ${median(runs.map((r) => r.distributedS)).toFixed(2)} s, max ${max(runs.map((r) => r.distributedS)).toFixed(2)} s |\n` +
          `| publish answer → first webhook | median ${median(runs.map((r) => r.firstRequestS)).toFixed(2)} s |\n` +
          `| publish answer → all ${SUBSCRIBERS} webhooks | median ${median(runs.map((r) => r.lastRequestS)).toFixed(1)} s, max ${max(runs.map((r) => r.lastRequestS)).toFixed(1)} s |\n` +
          `| sending rate (first to last request) | median ${median(runs.map((r) => r.perSecond)).toFixed(0)}/s |\n` +
          (two
            ? `| two instances: all webhooks, rate | ${two.lastRequestS.toFixed(1)} s, ${two.perSecond.toFixed(0)}/s |\n`
            : '') +
          `| exactly once | ${pairs} distinct (path, webhook-id) of ${events * SUBSCRIBERS}, ${receiver.total} requests, ${repeats} repeated |\n` +
          `| signatures verified (every ${VERIFY_EVERY}th) | ${receiver.verified} valid, ${receiver.badSignatures} invalid, ${receiver.wrongType} of another type |\n` +
          `| peak RSS of the process | ${max(runs.map((r) => r.peakRssMb)).toFixed(0)} MB |\n`,
      );
      if (
        pairs !== events * SUBSCRIBERS ||
        repeats > 0 ||
        receiver.total !== pairs ||
        receiver.badSignatures > 0
      ) {
        throw new Error('not exactly once, or a signature failed');
      }
    } finally {
      for (const app of apps) {
        await app.close();
      }
      await receiver?.close();
      await db.end().catch(() => undefined);
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
