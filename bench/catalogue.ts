/**
 * npm run bench:catalogue — the catalogue page under load.
 *
 * Builds its own database (10,000 services, 1,100 organisations, 200 norms, 3 legal bases per
 * service) on an embedded PostgreSQL in a temporary folder (or on DATABASE_URL's server, in a new
 * database that is dropped afterwards), starts the built service against it, and drives it with
 * autocannon: 16 connections for 10 s after a 3 s warm-up, for a 20-row page with owners and legal
 * bases, the same page with a full-text search, and suggestions while typing. Prints requests/s,
 * p50/p95/p99 latency, SQL statements per request, the service's peak RSS, and for the plain page
 * the same SQL run directly through pg.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { Pool } from 'pg';
import { createApp } from '#src/app';
import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import { SettableClock } from '#src/common/clock';
import { loadConfig } from '#src/config/config';
import { createDataSource } from '#src/data-source';
import { migrate } from '#src/database/migrations';
import { percentile, withBenchDatabase } from './bench-database';

const CONNECTIONS = 16;
const DURATION_S = 10;
const WARMUP_S = 3;
const SEARCH = 'Antrag';

const PAGE = `{ services(first: 20) { totalCount edges { cursor node { slug name summary owner { key name } legalBases { provision norm { abbreviation title url } } } } } }`;
const SUBSCRIPTIONS = `{ subscriptions(serviceSlug: "service-1", first: 50) { totalCount edges { cursor node { id versionRange state deployedVersion upgradeAvailable targetRelease { version } organisation { key name } } } } }`;
const CAMPAIGN = `{ campaign(id: "00000000-0000-0000-0000-0000000000ca") { progress { targetsTotal overdueTargets subscribersTotal subscribersCompliant byState { state count } burndown { date openTargets } } targets { state subscribersTotal subscribersCompliant } } }`;
const SECRET = 'bench-secret-bench-secret-bench-secret-bench';
const SUGGEST_PREFIX = 'Führersch';
const SUGGESTIONS = `{ serviceSuggestions(prefix: "${SUGGEST_PREFIX}") { slug name matchedKeyword } }`;
const SEARCH_PAGE = PAGE.replace(
  'services(first: 20)',
  `services(first: 20, filter: { search: "${SEARCH}" })`,
);

const WORDS = [
  'Antrag',
  'Genehmigung',
  'Anmeldung',
  'Bescheinigung',
  'Erlaubnis',
  'Zuschuss',
  'Ausweis',
  'Meldung',
  'Förderung',
  'Registrierung',
  'Auskunft',
  'Abmeldung',
];
const TOPICS = [
  'Wohngeld',
  'Gewerbe',
  'Hundesteuer',
  'Baugenehmigung',
  'Parkausweis',
  'Kita-Platz',
  'Fischereischein',
  'Führerschein',
  'Meldebescheinigung',
  'Elterngeld',
  'Sondernutzung',
  'Gaststätte',
  'Fahrzeug',
  'Wohnsitz',
  'Schwerbehinderung',
  'Einbürgerung',
  'Führungszeugnis',
];

async function buildData(url: string): Promise<void> {
  const db = createDataSource(url);
  await db.initialize();
  await migrate(db);
  await db.query(`
    INSERT INTO organisation (key, name, kind, ars, created_at, updated_at)
    SELECT '01' || lpad(g::text, 10, '0'), 'Gemeinde ' || g, 'MUNICIPALITY', '01' || lpad(g::text, 10, '0'), now(), now()
      FROM generate_series(1, 1100) g`);
  await db.query(`
    INSERT INTO legal_norm (abbreviation, title, jurisdiction, url, created_at)
    SELECT 'N' || g || 'G', 'Gesetz Nummer ' || g, 'DE', 'https://www.gesetze-im-internet.de/n' || g || 'g/', now()
      FROM generate_series(1, 200) g`);
  await db.query(
    `INSERT INTO online_service (slug, name, summary, description, keywords, leika_keys, ozg_ids, themenfeld, maturity_level, maturity_model, sdg_relevant,
                                 lifecycle, reuse_model, subscription_approval, owner_id, created_at, updated_at)
     SELECT 'service-' || g,
            ($2::text[])[1 + g % 17] || ' ' || ($1::text[])[1 + g % 12] || ' ' || g,
            ($1::text[])[1 + (g / 12) % 12] || ' für ' || ($2::text[])[1 + (g / 17) % 17] || ' online stellen',
            'Die Leistung ' || ($2::text[])[1 + (g / 3) % 17] || ' wird digital beantragt, geprüft und beschieden. ' || repeat('Text ', 20),
            -- Keywords as people type them: a compound of topic and word, and a second word.
            ARRAY[replace(($2::text[])[1 + g % 17], '-', '') || lower(($1::text[])[1 + g % 12]), ($1::text[])[1 + (g / 7) % 12] || ' online'],
            ARRAY['99' || lpad((g * 7919 % 999999999999)::text, 12, '0')], ARRAY[]::text[], 'BAUEN_WOHNEN', g % 5, 'V1_1', g % 3 = 0,
            'ACTIVE', 'EFA_CENTRAL', 'MANUAL', (SELECT id FROM organisation ORDER BY key OFFSET (g % 1100) LIMIT 1), now(), now()
       FROM generate_series(1, 10000) g`,
    [WORDS, TOPICS],
  );
  await db.query(`
    WITH s AS (SELECT id, row_number() OVER (ORDER BY slug) AS n FROM online_service),
         n AS (SELECT id, row_number() OVER (ORDER BY abbreviation) - 1 AS i FROM legal_norm)
    INSERT INTO service_legal_basis (service_id, norm_id, provision, position)
    SELECT s.id, n.id, '§ ' || (s.n % 40 + k), k
      FROM s CROSS JOIN generate_series(0, 2) k JOIN n ON n.i = (s.n * 7 + k * 61) % 200`);
  // Subscriptions: every organisation subscribes to service-1 (owned by 010000000001), which has
  // eleven published releases; 48,900 more spread over the catalogue (one open per pair).
  await db.query(
    `UPDATE online_service SET owner_id = (SELECT id FROM organisation WHERE key = '010000000001') WHERE slug = 'service-1'`,
  );
  await db.query(`
    INSERT INTO release (service_id, version, major, minor, patch, prerelease, state, changes, interfaces, artifact_digest,
                         created_by, author_subject, created_at, published_at)
    SELECT s.id, v.major || '.' || v.minor || '.0', v.major, v.minor, 0, NULL, 'PUBLISHED', '[]', '[]',
           'sha256:' || repeat('a', 64), '{"subject":"bench","name":null,"organisation":null}', 'bench', now(), now()
      FROM online_service s, (SELECT 1 AS major, g AS minor FROM generate_series(0, 9) g UNION ALL SELECT 2, 0) v
     WHERE s.slug = 'service-1'`);
  await db.query(`
    WITH o AS (SELECT id, row_number() OVER (ORDER BY key) - 1 AS i FROM organisation),
         s AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS i FROM online_service)
    INSERT INTO service_subscription (organisation_id, service_id, version_range, state, deployed_version, requested_at, decided_at)
    SELECT o.id, (SELECT id FROM online_service WHERE slug = 'service-1'), '^1.0.0', 'ACTIVE',
           CASE WHEN o.i % 4 = 0 THEN NULL ELSE '1.' || (o.i % 10) || '.0' END, now(), now()
      FROM o`);
  await db.query(`
    WITH o AS (SELECT id, row_number() OVER (ORDER BY key) - 1 AS i FROM organisation),
         s AS (SELECT id, row_number() OVER (ORDER BY slug) - 1 AS i FROM online_service WHERE slug <> 'service-1')
    INSERT INTO service_subscription (organisation_id, service_id, version_range, state, requested_at, decided_at)
    SELECT o.id, s.id, '^1.0.0', 'ACTIVE', now(), now()
      FROM generate_series(1, 48900) g
      JOIN o ON o.i = g % 1100
      JOIN s ON s.i = (g * 13) % 9999`);
  // A campaign with 50 targets: services service-2 .. service-51, 400 ACTIVE subscribers each
  // (20,000), releases 1.0.0 and 1.1.0; half the targets fulfilled by 1.1.0, deployments mixed.
  await db.query(`
    INSERT INTO release (service_id, version, major, minor, patch, prerelease, state, changes, interfaces, artifact_digest,
                         created_by, author_subject, created_at, published_at)
    SELECT s.id, '1.' || m || '.0', 1, m, 0, NULL, 'PUBLISHED', '[]', '[]', 'sha256:' || repeat('b', 64),
           '{"subject":"bench","name":null,"organisation":null}', 'bench', now(), now() - (1 - m) * interval '1 day'
      FROM online_service s, generate_series(0, 1) m
     WHERE s.slug IN (SELECT 'service-' || g FROM generate_series(2, 51) g)`);
  await db.query(`
    WITH o AS (SELECT id, row_number() OVER (ORDER BY key) - 1 AS i FROM organisation)
    INSERT INTO service_subscription (organisation_id, service_id, version_range, state, deployed_version, requested_at, decided_at)
    SELECT o.id, s.id, '^1.0.0', 'ACTIVE', CASE o.i % 3 WHEN 0 THEN NULL WHEN 1 THEN '1.0.0' ELSE '1.1.0' END, now(), now()
      FROM online_service s JOIN o ON o.i < 400
     WHERE s.slug IN (SELECT 'service-' || g FROM generate_series(2, 51) g)
    ON CONFLICT DO NOTHING`);
  await db.query(`
    INSERT INTO campaign (id, title, norm_id, provisions, effective_date, state, created_by, created_at)
    SELECT '00000000-0000-0000-0000-0000000000ca', 'Bench', id, '{}', current_date + 30, 'ACTIVE',
           '{"subject":"bench","name":null,"organisation":null}', now() - interval '30 days'
      FROM legal_norm ORDER BY abbreviation LIMIT 1`);
  await db.query(`
    INSERT INTO campaign_target (campaign_id, service_id, added_at)
    SELECT '00000000-0000-0000-0000-0000000000ca', s.id, now() - interval '30 days'
      FROM online_service s WHERE s.slug IN (SELECT 'service-' || g FROM generate_series(2, 51) g)`);
  await db.query(`
    INSERT INTO campaign_fulfilment (target_id, release_id, linked_at)
    SELECT t.id, r.id, now() FROM campaign_target t
      JOIN online_service s ON s.id = t.service_id
      JOIN release r ON r.service_id = t.service_id AND r.version = '1.1.0'
     WHERE substring(s.slug from 9)::int % 2 = 0`);
  // What autovacuum does for a live database: statistics and the visibility map (index-only counts).
  await db.query('VACUUM ANALYZE');
  await db.destroy();
}

async function statementsPerRequest(databaseUrl: string, query: string, token?: string): Promise<number> {
  let count = 0;
  const logger = {
    logQuery: () => void count++,
    logQueryError() {},
    logQuerySlow() {},
    logSchemaBuild() {},
    logMigration() {},
    log() {},
  };
  const config = loadConfig({ NODE_ENV: 'test', AUTH_JWT_SECRET: SECRET, LOG_LEVEL: 'silent' });
  const app = await createApp({ config, databaseUrl, clock: new SettableClock(), sqlLogger: logger });
  await app.getHttpAdapter().getInstance().ready();
  const inject = () =>
    app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/graphql',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        payload: { query },
      });
  await inject();
  count = 0;
  const response = await inject();
  const { errors } = response.json<{ errors?: unknown[] }>();
  if (errors) {
    throw new Error(JSON.stringify(errors));
  }
  await app.close();
  return count;
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

async function load(url: string, query: string, duration: number, token?: string): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
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
  };
}

/** The service's own SQL for the plain page, sent straight through pg by 16 concurrent clients. */
async function rawSql(databaseUrl: string): Promise<number> {
  const pool = new Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  // The service's plan: the count, and the page with owners and legal bases as JSON.
  const once = async () => {
    await pool.query(`SELECT count(*)::int FROM online_service s`);
    await pool.query(
      `SELECT s.*, (SELECT json_build_object('id', o.id, 'key', o.key, 'name', o.name) FROM organisation o WHERE o.id = s.owner_id) AS owner,
              (SELECT coalesce(json_agg(json_build_object('provision', lb.provision, 'abbreviation', n.abbreviation, 'title', n.title, 'url', n.url)
                                        ORDER BY lb.position), '[]'::json)
                 FROM service_legal_basis lb JOIN legal_norm n ON n.id = lb.norm_id WHERE lb.service_id = s.id) AS legal_bases
         FROM online_service s ORDER BY s.name, s.id LIMIT 21`,
    );
  };
  const deadline = Date.now() + DURATION_S * 1000;
  let done = 0;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (Date.now() < deadline) {
        await once();
        done++;
      }
    }),
  );
  await pool.end();
  return done / DURATION_S;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

async function waitReady(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) {
        return;
      }
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('service did not become ready');
}

async function main(): Promise<void> {
  await withBenchDatabase('bench', async (databaseUrl) => {
    const port = 46000 + Math.floor(Math.random() * 1000);
    let service: ReturnType<typeof spawn> | undefined;
    try {
      process.stdout.write(
        'building the data: 10,000 services, 1,100 organisations, 200 norms, 30,000 legal bases, 50,000 subscriptions ...\n',
      );
      await buildData(databaseUrl);
      const maintainer = await signDevToken(
        { sub: 'bench', roles: [Role.MAINTAINER], org: '010000000001' },
        { secret: SECRET },
      );
      const statements = {
        page: await statementsPerRequest(databaseUrl, PAGE),
        search: await statementsPerRequest(databaseUrl, SEARCH_PAGE),
        suggestions: await statementsPerRequest(databaseUrl, SUGGESTIONS),
        subscriptions: await statementsPerRequest(databaseUrl, SUBSCRIPTIONS, maintainer),
        campaign: await statementsPerRequest(databaseUrl, CAMPAIGN, maintainer),
      };

      service = spawn(
        process.execPath,
        [
          ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
          join(__dirname, '..', 'src', 'main.js'),
        ],
        {
          env: {
            PATH: process.env.PATH,
            NODE_ENV: 'test',
            PORT: String(port),
            DATABASE_URL: databaseUrl,
            LOG_LEVEL: 'warn',
            AUTH_JWT_SECRET: SECRET,
          },
          stdio: 'inherit',
        },
      );
      const base = `http://127.0.0.1:${port}`;
      await waitReady(base);
      const rows: [string, Figures, number, number][] = [];
      for (const [label, query, search] of [
        ['page (20 rows, owners, legal bases)', PAGE, null],
        [`page with search "${SEARCH}"`, SEARCH_PAGE, SEARCH],
      ] as const) {
        await load(`${base}/graphql`, query, WARMUP_S);
        const figures = await load(`${base}/graphql`, query, DURATION_S);
        // The search's SQL depends on the expansion (docs/search.md): only the plain page has a
        // fixed statement to compare with.
        const raw = search ? NaN : await rawSql(databaseUrl);
        rows.push([label, figures, search ? statements.search : statements.page, raw]);
      }
      await load(`${base}/graphql`, SUGGESTIONS, WARMUP_S);
      rows.push([
        `suggestions for "${SUGGEST_PREFIX}" (about 1,200 matching names and keywords)`,
        await load(`${base}/graphql`, SUGGESTIONS, DURATION_S),
        statements.suggestions,
        NaN,
      ]);
      await load(`${base}/graphql`, SUBSCRIPTIONS, WARMUP_S, maintainer);
      const subscriptionFigures = await load(`${base}/graphql`, SUBSCRIPTIONS, DURATION_S, maintainer);
      rows.push([
        'subscriptions of one service (50 of 1,100, target, organisation), as its maintainer',
        subscriptionFigures,
        statements.subscriptions,
        NaN,
      ]);
      await load(`${base}/graphql`, CAMPAIGN, WARMUP_S, maintainer);
      const campaignFigures = await load(`${base}/graphql`, CAMPAIGN, DURATION_S, maintainer);
      rows.push([
        'campaign progress and 50 targets over 20,000 ACTIVE subscriptions',
        campaignFigures,
        statements.campaign,
        NaN,
      ]);
      const rss = peakRssMb(service.pid!);
      process.stdout.write(
        `\ncatalogue benchmark: ${CONNECTIONS} connections, ${DURATION_S} s after ${WARMUP_S} s warm-up, node ${process.version}\n\n`,
      );
      process.stdout.write(
        '| query | requests/s | p50 ms | p95 ms | p99 ms | errors | SQL statements/request | raw SQL requests/s | API/raw |\n|---|---|---|---|---|---|---|---|---|\n',
      );
      for (const [label, f, sql, raw] of rows) {
        process.stdout.write(
          `| ${label} | ${f.requestsPerSecond.toFixed(0)} | ${f.p50} | ${f.p95} | ${f.p99} | ${f.errors} | ${sql} | ${raw.toFixed(0)} | ${(f.requestsPerSecond / raw).toFixed(2)} |\n`,
        );
      }
      process.stdout.write(`\npeak RSS of the service: ${rss.toFixed(0)} MB\n`);
    } finally {
      service?.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  });
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
