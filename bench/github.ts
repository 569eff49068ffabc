/**
 * npm run bench:github — webhook receipt under load, and how fast the queue is worked off.
 *
 * Starts the service in this process on a fresh database (an embedded PostgreSQL in a temporary
 * folder, or a new database on DATABASE_URL's server, dropped afterwards), with GitHub webhooks
 * configured and the background worker off. Then:
 * 1. Receipt: 16 connections post signed release.published deliveries for 10 s, each with a new
 *    X-GitHub-Delivery id. It prints requests/s and p50/p95/p99. The goal is an answer within a
 *    second; GitHub gives up after 10 s.
 * 2. Processing: one worker, then two workers at once, each drain a batch of 5,000 of the
 *    received deliveries (the rest wait). Each delivery is a draft release in one service. It
 *    prints deliveries/s.
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import autocannon from 'autocannon';
import { Client } from 'pg';
import { createApp } from '#src/app';
import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import { loadConfig } from '#src/config/config';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { percentile, withBenchDatabase } from './bench-database';
import { GithubWorker } from '#src/github/github-worker';

const CONNECTIONS = 16;
const DURATION_S = 10;
/** Deliveries processed per run: enough for a steady rate, few enough for a short benchmark. */
const BATCH = 5_000;
const SECRET = 'bench-secret-bench-secret-bench-secret-bench';
const WEBHOOK_SECRET = 'bench-webhook-secret-0001';

let tag = 0;
function delivery(): string {
  tag++;
  return JSON.stringify({
    action: 'published',
    release: {
      tag_name: `v1.${Math.floor(tag / 1000)}.${tag % 1000}`,
      body: 'Änderungen nach § 22 WoGG',
      draft: false,
      prerelease: false,
      html_url: `https://github.com/bench/wohngeld/releases/tag/v1.0.${tag}`,
      assets: [{ name: 'wohngeld.tgz', digest: `sha256:${'a'.repeat(64)}` }],
    },
    repository: { full_name: 'bench/wohngeld' },
    sender: { login: 'bench' },
  });
}

async function startService(databaseUrl: string, workers: number) {
  const config = loadConfig({
    NODE_ENV: 'test',
    AUTH_JWT_SECRET: SECRET,
    LOG_LEVEL: 'silent',
    GITHUB_WEBHOOK_SECRET: WEBHOOK_SECRET,
    GITHUB_POLL_INTERVAL_MS: '0',
  });
  const apps: NestFastifyApplication[] = [];
  for (let i = 0; i < workers; i++) {
    apps.push(await createApp({ config, databaseUrl }, { quiet: true }));
  }
  return apps;
}

async function gql(app: NestFastifyApplication, token: string, query: string, variables: unknown) {
  const response = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    payload: JSON.stringify({ query, variables }),
  });
  const body = response.json<{ errors?: unknown }>();
  if (body.errors) {
    throw new Error(JSON.stringify(body.errors));
  }
}

async function receipt(base: string) {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}/webhooks/github`,
        connections: CONNECTIONS,
        duration: DURATION_S,
        method: 'POST',
        requests: [
          {
            setupRequest: (request) => {
              const body = delivery();
              return {
                ...request,
                body,
                headers: {
                  'content-type': 'application/json',
                  'x-github-event': 'release',
                  'x-github-delivery': randomUUID(),
                  'x-hub-signature-256': `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`,
                },
              };
            },
          },
        ],
      },
      (error, outcome) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(outcome),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.non2xx,
    total: latencies.length,
  };
}

async function drain(apps: NestFastifyApplication[], limit: number) {
  const started = process.hrtime.bigint();
  // Each worker stops when nothing is due; `limit` deliveries were queued for this run.
  const done = await Promise.all(apps.map((app) => app.get(GithubWorker).drain()));
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const processed = done.reduce((n, d) => n + d.deliveries, 0);
  if (processed !== limit) {
    throw new Error(`processed ${processed} of ${limit} deliveries`);
  }
  return { processed, seconds, perSecond: processed / seconds };
}

async function main(): Promise<void> {
  await withBenchDatabase('bench_github', async (databaseUrl) => {
    const apps: NestFastifyApplication[] = [];
    try {
      const db = createDataSource(databaseUrl);
      await db.initialize();
      await migrate(db);
      await db.destroy();
      apps.push(...(await startService(databaseUrl, 2)));
      const operator = await signDevToken({ sub: 'bench', roles: [Role.OPERATOR] }, { secret: SECRET });
      await gql(
        apps[0],
        operator,
        `mutation { registerOrganisation(input: { key: "bench", name: "Bench", kind: SERVICE_PROVIDER }) { key } }`,
        {},
      );
      await gql(
        apps[0],
        operator,
        `mutation($input: RegisterServiceInput!) { registerService(input: $input) { id } }`,
        {
          input: {
            slug: 'wohngeld',
            name: 'Wohngeld',
            summary: 'Bench',
            ownerKey: 'bench',
            reuseModel: 'EFA_CENTRAL',
            repositoryUrl: 'https://github.com/bench/wohngeld',
          },
        },
      );
      await apps[0].listen({ port: 0, host: '127.0.0.1' });
      const address = apps[0].getHttpServer().address() as { port: number };
      const base = `http://127.0.0.1:${address.port}`;

      process.stdout.write(
        `receipt: ${CONNECTIONS} connections, ${DURATION_S} s, a new delivery id each ...\n`,
      );
      const r = await receipt(base);
      process.stdout.write(
        `  ${r.requestsPerSecond.toFixed(0)} deliveries/s received, p50 ${r.p50} ms, p95 ${r.p95} ms, p99 ${r.p99} ms, ${r.errors} errors (goal: p99 well under 1,000 ms)\n`,
      );

      // Processing: a batch of the received deliveries by one worker, the next batch by two together.
      const pending = new Client({ connectionString: databaseUrl });
      pending.on('error', () => undefined); // dropped with the database when a step fails
      await pending.connect();
      // Everything waits a day, then a batch at a time is made due (oldest first).
      await pending.query(`UPDATE github_delivery SET next_attempt_at = now() + interval '1 day'`);
      const release = () =>
        pending.query(
          `UPDATE github_delivery SET next_attempt_at = now() WHERE id IN (
             SELECT id FROM github_delivery WHERE outcome = 'PENDING' AND next_attempt_at > now()
              ORDER BY received_at, id LIMIT $1)`,
          [BATCH],
        );
      await release();
      const one = await drain([apps[0]], BATCH);
      await release();
      const two = await drain(apps, BATCH);
      await pending.end();
      process.stdout.write(
        `processing (each a draft release with its audit event):\n` +
          `  1 worker:  ${one.processed} deliveries in ${one.seconds.toFixed(1)} s, ${one.perSecond.toFixed(0)}/s\n` +
          `  2 workers: ${two.processed} deliveries in ${two.seconds.toFixed(1)} s, ${two.perSecond.toFixed(0)}/s\n`,
      );
    } finally {
      for (const app of apps) {
        await app.close();
      }
    }
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
