import { createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';

/**
 * The one reader of process.env. Everything the service can be told from outside is here,
 * validated at boot; a bad variable stops the boot with its name.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  port: number;
  /** Unset: the embedded PostgreSQL under dataDir is started and used. */
  databaseUrl: string | undefined;
  /**
   * Folder for the embedded database and the development signing secret: DATA_DIR, relative to
   * the project root (PROJECT_ROOT), by default `.data` there.
   */
  dataDir: string;
  embeddedPostgresPort: number;
  seedDemoData: boolean;
  auth: AuthConfig;
  console: ConsoleConfig;
  graphql: { introspection: boolean; fieldSuggestions: boolean };
  /**
   * QA_DEFAULT_POLICY as given ("USABILITY=1,SECURITY=1,INTERFACES=1"), the policy of services
   * without their own; undefined: the built-in default. The QA module checks it when the
   * application starts (config knows no domain rules).
   */
  qaDefaultPolicy: string | undefined;
  effort: { hoursPerFteYear: number; hourlyRateEur: number };
  /** Where links to the registry point (the link back in GitHub issues). */
  publicUrl: string;
  github: GithubConfig;
  notifications: NotificationsConfig;
  audit: AuditConfig;
  rateLimit: RateLimitConfig;
  /**
   * Which proxies' X-Forwarded-For to believe for the client address (Fastify's trustProxy):
   * false (the socket's address), a hop count, or the proxies' addresses and CIDR ranges.
   */
  trustProxy: false | number | string[];
  logLevel: string;
}

/** The GitHub integration (docs/github.md): each half is on only when configured. */
export interface GithubConfig {
  /** REST API root: https://api.github.com, or https://<host>/api/v3 for GitHub Enterprise Server. */
  apiUrl: string;
  /** Web hosts whose repository URLs link to this API: github.com, and an Enterprise host. */
  webHosts: string[];
  /** Credentials for calls out (issues); null: no calls out. */
  credentials: { kind: 'app'; appId: string; privateKey: string } | { kind: 'token'; token: string } | null;
  /** Webhook secrets, the current one first; empty: webhooks are refused. */
  webhookSecrets: string[];
  /** How often an idle worker looks for queued work; 0: no background worker (tests drive it). */
  pollIntervalMs: number;
  /** Issues opened at most per minute and per hour, across all instances (GitHub's content limits). */
  issuesPerMinute: number;
  issuesPerHour: number;
  /**
   * Least time between two writes of this instance (octokit's throttling plugin); undefined: the
   * plugin's own pace (1 s between writes, 3 s between writes that notify, such as new issues).
   */
  writeIntervalMs: number | undefined;
  /** Attempts before a delivery or an issue is FAILED. */
  maxAttempts: number;
  /** Base of the retry delay after a failed attempt (doubled per attempt). */
  retryDelayMs: number;
}

/** Notifications out (docs/notifications.md): webhooks always, e-mail when SMTP is configured. */
export interface NotificationsConfig {
  /** How often an idle worker looks for due work; 0: no background worker (tests drive it). */
  pollIntervalMs: number;
  /** Attempts before a delivery is FAILED (the retries span about a day and a half by default). */
  maxAttempts: number;
  /** Base of the retry delay (doubled per attempt, at most 6 h, with jitter). */
  retryDelayMs: number;
  /** Failed attempts in a row after which a webhook endpoint is switched off. */
  disableAfterFailures: number;
  /** Deliveries in flight at once per instance. */
  concurrency: number;
  /** How long a receiver may take to answer. */
  timeoutMs: number;
  /** The UTC hour at which the daily digests of the day before go out. */
  digestHourUtc: number;
  /** Outside production only: webhook endpoints on loopback addresses (a receiver on this machine). */
  allowLoopback: boolean;
  /** SMTP for e-mail; null: e-mail off (no e-mail deliveries are made). */
  smtp: { url: string; from: string; requireTls: boolean } | null;
}

/** Rate limits per instance (docs/security.md); 0 for perAddress or perSubject: off. */
export interface RateLimitConfig {
  windowMs: number;
  /** Failed authentications (invalid tokens, bad webhook signatures) per address and window. */
  failedAuthPerWindow: number;
  perAddress: number;
  perSubject: number;
}

export interface AuthConfig {
  /** HS256 secret (development and tests only). */
  jwtSecret: string | undefined;
  /** True when no auth setting was given in development: a secret is generated and kept in dataDir. */
  generateDevSecret: boolean;
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string | undefined;
  /** Dotted path of the roles claim: "roles", or "realm_access.roles" for Keycloak. */
  rolesClaim: string;
  /** The `typ` claim an access token must carry (Keycloak: "Bearer"; its ID tokens say "ID"). */
  tokenType: string | undefined;
  /** The `azp` claim (authorized party: the client the token was issued to) it must carry. */
  authorizedParty: string | undefined;
}

/** How the web console signs people in (docs/operations.md, "Signing in to the console"). */
export interface ConsoleConfig {
  /**
   * The console's OIDC client (Authorization Code with PKCE, a public client): the provider's
   * issuer URL (its discovery document lives below it), the client id and the scopes asked for.
   * Null when CONSOLE_OIDC_CLIENT_ID is not set: the console then signs in with the demo personas
   * outside production, and offers browsing only in production.
   */
  oidc: { authority: string; clientId: string; scope: string } | null;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  DATA_DIR: optionalText,
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1024).max(65535).default(54329),
  SEED_DEMO_DATA: booleanText.optional(),
  AUTH_JWT_SECRET: optionalText.pipe(z.string().min(32, 'must be at least 32 characters').optional()),
  AUTH_JWKS_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  AUTH_ISSUER: optionalText,
  AUTH_AUDIENCE: optionalText,
  AUTH_ROLES_CLAIM: optionalText.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_:-]+(\.[A-Za-z0-9_:-]+)*$/, 'must be a claim name or a dotted path')
      .default('roles'),
  ),
  AUTH_TOKEN_TYPE: optionalText,
  AUTH_AUTHORIZED_PARTY: optionalText,
  CONSOLE_OIDC_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^[\x21-\x7e]{1,255}$/, 'must be the client id: up to 255 printable characters, no spaces')
      .optional(),
  ),
  CONSOLE_OIDC_AUTHORITY: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  CONSOLE_OIDC_SCOPE: optionalText.pipe(
    z
      .string()
      .regex(
        /^[\x21\x23-\x5b\x5d-\x7e]+( [\x21\x23-\x5b\x5d-\x7e]+)*$/,
        'must be scopes separated by single spaces',
      )
      .refine((scope) => scope.split(' ').includes('openid'), 'must include openid')
      .default('openid profile'),
  ),
  RATE_LIMIT_WINDOW_MS: z.coerce.number().int().min(1000).max(86_400_000).default(60_000),
  RATE_LIMIT_FAILED_AUTH: z.coerce.number().int().min(1).max(100_000).default(20),
  RATE_LIMIT_PER_ADDRESS: z.coerce.number().int().min(0).max(10_000_000).default(0),
  RATE_LIMIT_PER_SUBJECT: z.coerce.number().int().min(0).max(10_000_000).default(0),
  TRUST_PROXY: optionalText.pipe(
    z
      .string()
      .regex(
        /^(false|\d{1,2}|[0-9A-Fa-f.:/]+(\s*,\s*[0-9A-Fa-f.:/]+)*)$/,
        'must be false, a hop count, or comma-separated proxy addresses or CIDR ranges',
      )
      .optional(),
  ),
  QA_DEFAULT_POLICY: optionalText,
  // 1,600 working hours a year; 76 EUR an hour: the full cost of an E9b-E12 post in the federal
  // finance ministry's 2014 personnel cost rates (docs/estimation.md).
  HOURS_PER_FTE_YEAR: z.coerce.number().positive().max(8760).default(1600),
  HOURLY_RATE_EUR: z.coerce.number().positive().max(10_000).default(76),
  PUBLIC_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  GITHUB_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).default('https://api.github.com')),
  GITHUB_APP_ID: optionalText.pipe(z.string().regex(/^\d+$/, 'must be the numeric App ID').optional()),
  GITHUB_APP_PRIVATE_KEY: optionalText,
  GITHUB_TOKEN: optionalText,
  GITHUB_WEBHOOK_SECRET: optionalText,
  NOTIFICATION_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(1000),
  NOTIFICATION_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(16),
  NOTIFICATION_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(3_600_000).default(30_000),
  NOTIFICATION_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(1).max(10_000).default(30),
  NOTIFICATION_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  NOTIFICATION_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  NOTIFICATION_DIGEST_HOUR_UTC: z.coerce.number().int().min(0).max(23).default(6),
  NOTIFICATION_ALLOW_LOOPBACK: booleanText.optional(),
  SMTP_URL: optionalText.pipe(z.url({ protocol: /^smtps?$/ }).optional()),
  SMTP_FROM: optionalText,
  SMTP_REQUIRE_TLS: booleanText.optional(),
  GITHUB_POLL_INTERVAL_MS: z.coerce.number().int().min(0).max(3_600_000).default(2000),
  GITHUB_ISSUES_PER_MINUTE: z.coerce.number().int().min(1).max(79).default(60),
  GITHUB_ISSUES_PER_HOUR: z.coerce.number().int().min(1).max(499).default(450),
  GITHUB_WRITE_INTERVAL_MS: z.coerce.number().int().min(0).max(60_000).optional(),
  GITHUB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  GITHUB_RETRY_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/**
 * The folder of the project's package.json, found from this file (src/config in the sources,
 * dist/src/config in the build). Relative paths (DATA_DIR, AUDIT_CHECKPOINT_FILE) are resolved
 * against it, not against the working directory, so the service, `npm run token` and the other
 * commands find the same development secret and database wherever they are started from.
 */
export const PROJECT_ROOT = projectRootOf(__dirname);

function projectRootOf(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      return dir;
    }
    if (dirname(dir) === dir) {
      return process.cwd();
    }
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, projectRoot = PROJECT_ROOT): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const problems: string[] = [];

  if (production) {
    // Production identity comes from the state's identity provider; a shared secret is never accepted.
    if (!e.AUTH_JWKS_URL) {
      problems.push('AUTH_JWKS_URL: required in production (OIDC)');
    }
    if (!e.AUTH_ISSUER) {
      problems.push('AUTH_ISSUER: required in production (OIDC)');
    }
    if (!e.AUTH_AUDIENCE) {
      problems.push('AUTH_AUDIENCE: required in production (OIDC)');
    }
    if (e.AUTH_JWT_SECRET) {
      problems.push('AUTH_JWT_SECRET: HS256 tokens are off in production; remove it');
    }
    if (!e.DATABASE_URL) {
      problems.push('DATABASE_URL: required in production (the embedded database is for development)');
    }
  } else if (e.AUTH_JWKS_URL && (!e.AUTH_ISSUER || !e.AUTH_AUDIENCE)) {
    problems.push('AUTH_ISSUER and AUTH_AUDIENCE: required together with AUTH_JWKS_URL');
  }
  const consoleSettings = consoleConfig(e, problems, production);
  const github = githubConfig(e, problems, production);
  const notifications = notificationsConfig(e, problems, production);
  const audit = auditConfig(env, problems, projectRoot);
  if (problems.length > 0) {
    throw new ConfigError(problems);
  }

  const anyAuth = Boolean(e.AUTH_JWT_SECRET || e.AUTH_JWKS_URL);
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(projectRoot, e.DATA_DIR ?? '.data'),
    embeddedPostgresPort: e.EMBEDDED_PG_PORT,
    seedDemoData: e.SEED_DEMO_DATA ?? !e.DATABASE_URL,
    auth: {
      jwtSecret: e.AUTH_JWT_SECRET,
      generateDevSecret: !production && !anyAuth,
      jwksUrl: e.AUTH_JWKS_URL,
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE,
      rolesClaim: e.AUTH_ROLES_CLAIM,
      tokenType: e.AUTH_TOKEN_TYPE,
      authorizedParty: e.AUTH_AUTHORIZED_PARTY,
    },
    console: consoleSettings,
    rateLimit: {
      windowMs: e.RATE_LIMIT_WINDOW_MS,
      failedAuthPerWindow: e.RATE_LIMIT_FAILED_AUTH,
      perAddress: e.RATE_LIMIT_PER_ADDRESS,
      perSubject: e.RATE_LIMIT_PER_SUBJECT,
    },
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    graphql: { introspection: !production, fieldSuggestions: !production },
    qaDefaultPolicy: e.QA_DEFAULT_POLICY,
    effort: { hoursPerFteYear: e.HOURS_PER_FTE_YEAR, hourlyRateEur: e.HOURLY_RATE_EUR },
    publicUrl: (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/+$/, ''),
    github,
    notifications,
    audit,
    logLevel: e.LOG_LEVEL,
  };
}

function notificationsConfig(
  e: z.infer<typeof schema>,
  problems: string[],
  production: boolean,
): NotificationsConfig {
  if (production && e.NOTIFICATION_ALLOW_LOOPBACK) {
    problems.push('NOTIFICATION_ALLOW_LOOPBACK: not in production (webhooks must not reach this machine)');
  }
  if (production && e.SMTP_URL && !e.SMTP_FROM) {
    problems.push('SMTP_FROM: required in production with SMTP_URL (the sender of the e-mails)');
  }
  return {
    pollIntervalMs: e.NOTIFICATION_POLL_INTERVAL_MS,
    maxAttempts: e.NOTIFICATION_MAX_ATTEMPTS,
    retryDelayMs: e.NOTIFICATION_RETRY_DELAY_MS,
    disableAfterFailures: e.NOTIFICATION_DISABLE_AFTER_FAILURES,
    concurrency: e.NOTIFICATION_CONCURRENCY,
    timeoutMs: e.NOTIFICATION_TIMEOUT_MS,
    digestHourUtc: e.NOTIFICATION_DIGEST_HOUR_UTC,
    allowLoopback: !production && (e.NOTIFICATION_ALLOW_LOOPBACK ?? false),
    smtp: e.SMTP_URL
      ? {
          url: e.SMTP_URL,
          from: e.SMTP_FROM ?? 'Nachnutzungsregister <noreply@localhost>',
          requireTls: e.SMTP_REQUIRE_TLS ?? production,
        }
      : null,
  };
}

function consoleConfig(e: z.infer<typeof schema>, problems: string[], production: boolean): ConsoleConfig {
  const clientId = e.CONSOLE_OIDC_CLIENT_ID;
  if (!clientId) {
    if (e.CONSOLE_OIDC_AUTHORITY) {
      problems.push('CONSOLE_OIDC_CLIENT_ID: required with CONSOLE_OIDC_AUTHORITY');
    }
    return { oidc: null };
  }
  // The console's tokens come back as bearer tokens: the service must be able to verify them.
  if (!e.AUTH_JWKS_URL) {
    problems.push(
      "CONSOLE_OIDC_CLIENT_ID: needs AUTH_JWKS_URL, AUTH_ISSUER and AUTH_AUDIENCE (the service verifies the console's tokens)",
    );
  }
  const authority = (e.CONSOLE_OIDC_AUTHORITY ?? e.AUTH_ISSUER)?.replace(/\/+$/, '');
  if (!authority) {
    problems.push('CONSOLE_OIDC_AUTHORITY: required with CONSOLE_OIDC_CLIENT_ID when AUTH_ISSUER is not set');
    return { oidc: null };
  }
  let url: URL | undefined;
  try {
    url = new URL(authority);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    problems.push(
      `${e.CONSOLE_OIDC_AUTHORITY ? 'CONSOLE_OIDC_AUTHORITY' : 'AUTH_ISSUER'}: the console's OIDC authority must be an http(s) URL (the provider's issuer)`,
    );
    return { oidc: null };
  }
  // Browsers treat the loopback host as a secure context; anything else needs TLS in production.
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (production && url.protocol !== 'https:' && !loopback) {
    problems.push('CONSOLE_OIDC_AUTHORITY: must be https in production');
  }
  return { oidc: { authority, clientId, scope: e.CONSOLE_OIDC_SCOPE } };
}

function trustProxyOf(value: string | undefined): false | number | string[] {
  if (value === undefined || value === 'false') {
    return false;
  }
  if (/^\d+$/.test(value)) {
    return Number(value);
  }
  return value.split(',').map((part) => part.trim());
}

function githubConfig(e: z.infer<typeof schema>, problems: string[], production: boolean): GithubConfig {
  const apiUrl = e.GITHUB_API_URL.replace(/\/+$/, '');
  const api = new URL(apiUrl);
  if (production && api.protocol !== 'https:') {
    problems.push('GITHUB_API_URL: must be https in production');
  }
  // github.com always links to the configured API (tests point it at a fake); an Enterprise
  // server's API lives at https://<host>/api/v3, and its repositories at https://<host>/<owner>/<repo>.
  const webHosts = ['github.com'];
  if (api.hostname !== 'api.github.com' && api.pathname.replace(/\/+$/, '') === '/api/v3') {
    webHosts.push(api.host.toLowerCase());
  }

  let credentials: GithubConfig['credentials'] = null;
  if (e.GITHUB_APP_ID || e.GITHUB_APP_PRIVATE_KEY) {
    if (e.GITHUB_TOKEN) {
      problems.push('GITHUB_TOKEN: set either a GitHub App or a token, not both');
    }
    if (!e.GITHUB_APP_ID) {
      problems.push('GITHUB_APP_ID: required together with GITHUB_APP_PRIVATE_KEY');
    }
    // A PEM in one line of an env file has its newlines escaped as \n.
    const privateKey = e.GITHUB_APP_PRIVATE_KEY?.replace(/\\n/g, '\n');
    if (!privateKey) {
      problems.push('GITHUB_APP_PRIVATE_KEY: required together with GITHUB_APP_ID');
    } else if (!/-----BEGIN (RSA )?PRIVATE KEY-----/.test(privateKey)) {
      problems.push('GITHUB_APP_PRIVATE_KEY: must be the PEM private key downloaded for the App');
    }
    if (e.GITHUB_APP_ID && privateKey) {
      credentials = { kind: 'app', appId: e.GITHUB_APP_ID, privateKey };
    }
  } else if (e.GITHUB_TOKEN) {
    credentials = { kind: 'token', token: e.GITHUB_TOKEN };
  }
  const webhookSecrets = (e.GITHUB_WEBHOOK_SECRET ?? '')
    .split(',')
    .map((secret) => secret.trim())
    .filter((secret) => secret !== '');
  if (webhookSecrets.some((secret) => secret.length < 16)) {
    problems.push('GITHUB_WEBHOOK_SECRET: each secret must be at least 16 characters');
  }
  if (production && (credentials || webhookSecrets.length > 0)) {
    // A worker that never runs would leave every delivery and issue PENDING, without a word.
    if (e.GITHUB_POLL_INTERVAL_MS === 0) {
      problems.push('GITHUB_POLL_INTERVAL_MS: 0 turns the GitHub worker off; not in production');
    }
    if (credentials && !e.PUBLIC_URL) {
      problems.push('PUBLIC_URL: required in production with GitHub issues (their link back)');
    }
  }
  if (e.GITHUB_ISSUES_PER_MINUTE > e.GITHUB_ISSUES_PER_HOUR) {
    problems.push('GITHUB_ISSUES_PER_MINUTE: must not exceed GITHUB_ISSUES_PER_HOUR');
  }
  return {
    apiUrl,
    webHosts,
    credentials,
    webhookSecrets,
    pollIntervalMs: e.GITHUB_POLL_INTERVAL_MS,
    issuesPerMinute: e.GITHUB_ISSUES_PER_MINUTE,
    issuesPerHour: e.GITHUB_ISSUES_PER_HOUR,
    writeIntervalMs: e.GITHUB_WRITE_INTERVAL_MS,
    maxAttempts: e.GITHUB_MAX_ATTEMPTS,
    retryDelayMs: e.GITHUB_RETRY_DELAY_MS,
  };
}

// --- The audit chain's signed checkpoints (docs/operations.md, "Anchoring the audit chain") ---

/** The key of the checkpoints: a shared secret (HMAC-SHA256) or an Ed25519 key (PEM). */
export type CheckpointKey =
  { kind: 'hmac'; secret: string } | { kind: 'ed25519'; pem: string; private: boolean };

export interface AuditConfig {
  checkpoint: {
    /** null: no checkpoints are written, and audit:verify cannot check a checkpoint file. */
    key: CheckpointKey | null;
    /** Where checkpoints are appended as JSON lines; undefined: the log only. */
    file: string | undefined;
    /** How often the service writes one (when the chain grew); 0: never (the CLI only). */
    intervalMs: number;
  };
}

const auditSchema = z.object({
  AUDIT_CHECKPOINT_KEY: optionalText,
  AUDIT_CHECKPOINT_FILE: optionalText,
  AUDIT_CHECKPOINT_INTERVAL_MS: z.coerce.number().int().min(0).max(604_800_000).default(3_600_000),
});

function auditConfig(env: NodeJS.ProcessEnv, problems: string[], projectRoot: string): AuditConfig {
  const parsed = auditSchema.safeParse(env);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    return { checkpoint: { key: null, file: undefined, intervalMs: 0 } };
  }
  const e = parsed.data;
  let key: CheckpointKey | null = null;
  // A PEM in one line of an env file has its newlines escaped as \n.
  const text = e.AUDIT_CHECKPOINT_KEY?.replace(/\\n/g, '\n');
  if (text?.startsWith('-----BEGIN')) {
    key = checkpointPem(text, problems);
  } else if (text) {
    if (text.length < 32) {
      problems.push('AUDIT_CHECKPOINT_KEY: a secret must be at least 32 characters (or an Ed25519 PEM key)');
    } else {
      key = { kind: 'hmac', secret: text };
    }
  }
  if (e.AUDIT_CHECKPOINT_FILE && !e.AUDIT_CHECKPOINT_KEY) {
    problems.push('AUDIT_CHECKPOINT_KEY: required with AUDIT_CHECKPOINT_FILE (checkpoints are signed)');
  }
  return {
    checkpoint: {
      key,
      file: e.AUDIT_CHECKPOINT_FILE ? resolve(projectRoot, e.AUDIT_CHECKPOINT_FILE) : undefined,
      intervalMs: e.AUDIT_CHECKPOINT_INTERVAL_MS,
    },
  };
}

/** An Ed25519 private key signs and verifies; a public key only verifies (a verifier's machine). */
function checkpointPem(pem: string, problems: string[]): CheckpointKey | null {
  const isPrivate = /-----BEGIN PRIVATE KEY-----/.test(pem);
  try {
    const key = isPrivate ? createPrivateKey(pem) : createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') {
      problems.push(`AUDIT_CHECKPOINT_KEY: an ${key.asymmetricKeyType} key; only Ed25519 keys are taken`);
      return null;
    }
  } catch {
    problems.push('AUDIT_CHECKPOINT_KEY: not a PEM key (PKCS#8 private or SPKI public Ed25519 key)');
    return null;
  }
  return { kind: 'ed25519', pem, private: isPrivate };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
