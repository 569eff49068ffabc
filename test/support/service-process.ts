import { spawn, type ChildProcess } from 'node:child_process';
import { execFile } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { TEST_SECRET, type GqlResult } from './test-app';

/**
 * The real service as a child process (`node dist/src/main.js`, built by the pretest) on a test
 * database: for the fault tests that kill it. Its output is kept for the failure message.
 */

const ROOT = join(__dirname, '..', '..');
const MAIN = join(ROOT, 'dist', 'src', 'main.js');
const run = promisify(execFile);

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
  /** What the process wrote to stdout and stderr so far. */
  output(): string;
  gql<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GqlResult<T>>;
  /** Sends the signal and waits for the process to end; the signal it ended by. */
  kill(signal: NodeJS.Signals): Promise<NodeJS.Signals | null>;
}

/** An environment with no variable of the test runner's own (only what a process needs to start). */
function childEnv(databaseUrl: string, port: number, extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: 'UTC',
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    AUTH_JWT_SECRET: TEST_SECRET,
    SEED_DEMO_DATA: 'false',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    ...extra,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts the service and waits until /health/ready answers 200. */
export async function startServiceProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  readyWithinMs = 30_000,
): Promise<ServiceProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: childEnv(databaseUrl, port, env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const exited = new Promise<NodeJS.Signals | null>((resolve) =>
    child.once('exit', (_code, signal) => resolve(signal)),
  );
  let ended = false;
  void exited.then(() => (ended = true));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + readyWithinMs;
  for (;;) {
    if (ended) {
      throw new Error(`the service ended before it was ready:\n${output}`);
    }
    const ready = await fetch(`${url}/health/ready`).then(
      (response) => response.status === 200,
      () => false,
    );
    if (ready) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the service was not ready within ${readyWithinMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    child,
    url,
    output: () => output,
    async gql(query, variables, token) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: any; errors?: GqlResult['errors'] };
      return { status: response.status, data: body.data ?? null, errors: body.errors };
    },
    async kill(signal) {
      if (!ended) {
        child.kill(signal);
      }
      return exited;
    },
  };
}

/** Runs a command-line tool of the build (dist/src/cli/<name>.js) on the database; its exit code and output. */
export async function runCli(
  name: string,
  databaseUrl: string,
  args: string[] = [],
  env: Record<string, string> = {},
): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'dist', 'src', 'cli', `${name}.js`), ...args],
      {
        cwd: ROOT,
        env: childEnv(databaseUrl, 0, env),
      },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, output: failure.stdout + failure.stderr };
  }
}
