import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { CONSOLE_ROUTES } from './console-routes';

/** Where `npm run build` puts the console (vite: web/ → dist/console), from the project's root. */
export function consoleDirectory(start = __dirname): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) {
      return join(start, 'console');
    }
    dir = parent;
  }
  return join(dir, 'dist', 'console');
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Serves the console on the API's port: hashed assets under /assets/ cached for a year (their names
 * change with their content), index.html for every console route and never cached (so a new
 * release is picked up at the next load). Without a build the API still runs, and the console
 * routes say how to build it.
 */
export async function registerConsole(
  fastify: FastifyInstance,
  directory = consoleDirectory(),
): Promise<void> {
  const indexFile = join(directory, 'index.html');
  const built = existsSync(indexFile);
  // Read once: index.html changes only with a new build, which comes with a restart.
  const index = built ? readFileSync(indexFile) : null;

  const sendIndex = (reply: FastifyReply) => {
    if (!index) {
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .type('text/plain; charset=utf-8')
        .send(
          'The console has not been built. Run `npm run build` (or `npm start`, which builds it). The API is at /graphql.\n',
        );
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  };

  for (const url of CONSOLE_ROUTES) {
    fastify.get(url, (_request, reply) => sendIndex(reply));
  }

  if (!built) {
    return;
  }
  await fastify.register(fastifyStatic, {
    root: join(directory, 'assets'),
    prefix: '/assets/',
    decorateReply: false,
    index: false,
    immutable: true,
    maxAge: YEAR_SECONDS * 1000,
  });
  const favicon = join(directory, 'favicon.svg');
  if (existsSync(favicon)) {
    const icon = readFileSync(favicon);
    fastify.get('/favicon.svg', (_request, reply) =>
      reply.header('cache-control', 'public, max-age=86400').type('image/svg+xml').send(icon),
    );
  }
}
