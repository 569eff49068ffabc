import rateLimit, { type RateLimitPluginOptions } from '@fastify/rate-limit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { Authenticator } from '#src/common/auth/authenticator';
import { isGuess } from '#src/common/auth/token-verifier';
import { isDomainError } from '#src/common/errors/domain-error';
import { requestError, requestErrorBody } from '#src/common/errors/error-formatter';
import { languageOf } from '#src/common/errors/language';
import { GRAPHQL_PATH } from '#src/common/graphql/http-gate';
import type { RateLimitConfig } from '#src/config/config';

/** Where a failed signature is a failed authentication (GitHub's webhook deliveries). */
const SIGNED_ROUTES = ['/webhooks/github'];

type CheckLimit = ReturnType<FastifyInstance['createRateLimit']>;
type Limit = Awaited<ReturnType<CheckLimit>>;

/** Milliseconds until the limit's window ends when the request went over it, else null. */
function overLimit(limit: Limit): number | null {
  return !limit.isAllowed && limit.isExceeded ? limit.ttl : null;
}

/**
 * Rate limits, per instance, counted by @fastify/rate-limit (docs/security.md):
 * - failed authentications (an invalid token, a webhook with a bad signature): at most
 *   `failedAuthPerWindow` per client address; then every request of that address that carries
 *   credentials is answered 429 with Retry-After until the window has passed, so guessing a token
 *   or a webhook secret gets 20 tries a minute, and a correct guess among them still counts;
 * - optionally all requests, per client address and per token subject (off by default).
 * The client address is the socket's, or the proxy's forwarded one where TRUST_PROXY says so.
 */
export async function registerRateLimits(
  app: NestFastifyApplication,
  config: RateLimitConfig,
  authenticator: Authenticator,
): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const options: RateLimitPluginOptions = { global: false, timeWindow: config.windowMs, cache: 100_000 };
  await fastify.register(rateLimit, options);

  const failures: CheckLimit = fastify.createRateLimit({
    max: config.failedAuthPerWindow,
    keyGenerator: byAddress,
  });
  const perAddress: CheckLimit | null = config.perAddress
    ? fastify.createRateLimit({ max: config.perAddress, keyGenerator: byAddress })
    : null;
  const perSubject: CheckLimit | null = config.perSubject
    ? fastify.createRateLimit({
        max: config.perSubject,
        keyGenerator: (request) => `subject:${subjectOf(request)}`,
      })
    : null;
  // Addresses whose failures used up the window, until when.
  const blocked = new LRUCache<string, number>({ max: 100_000, ttl: config.windowMs });

  // The failure that uses up the window blocks the address: at most `failedAuthPerWindow` are tried.
  const counted = new WeakSet<FastifyRequest>();
  const recordFailure = async (request: FastifyRequest) => {
    counted.add(request);
    const limit = await failures(request);
    if (!limit.isAllowed && (limit.isExceeded || limit.remaining === 0)) {
      blocked.set(byAddress(request), Date.now() + limit.ttl, { ttl: limit.ttl });
    }
  };

  fastify.addHook('onRequest', async (request, reply) => {
    const credentials =
      Boolean(request.headers.authorization) || SIGNED_ROUTES.includes(request.routeOptions.url ?? '');
    const until = blocked.get(byAddress(request));
    if (credentials && until !== undefined) {
      return tooMany(
        request,
        reply,
        until - Date.now(),
        'Too many failed sign-in attempts from your address',
      );
    }
    if (perAddress) {
      const retryIn = overLimit(await perAddress(request));
      if (retryIn !== null) {
        return tooMany(request, reply, retryIn, 'Too many requests from your address');
      }
    }
    if (!request.headers.authorization) {
      return undefined;
    }
    // Authenticate now (the outcome is kept on the request for the guard and GraphQL), so that a
    // failure counts before anything else happens, whatever the route. An expired token, or one
    // that cannot be checked while the identity provider is away, is no guess: it does not count.
    const viewer = await authenticator.viewerFor(request).catch(async (error: unknown) => {
      if (isDomainError(error) && error.code === 'UNAUTHENTICATED') {
        if (isGuess(error)) {
          await recordFailure(request);
        }
        return null;
      }
      throw error;
    });
    if (perSubject && viewer) {
      subjects.set(request, viewer.subject);
      const retryIn = overLimit(await perSubject(request));
      if (retryIn !== null) {
        return tooMany(request, reply, retryIn, 'Too many requests for your account');
      }
    }
    return undefined;
  });

  fastify.addHook('onResponse', async (request, reply) => {
    // A bad webhook signature, whatever else the request carried (its token was counted above).
    if (
      reply.statusCode === 401 &&
      !counted.has(request) &&
      SIGNED_ROUTES.includes(request.routeOptions.url ?? '')
    ) {
      await recordFailure(request);
    }
  });
}

const subjects = new WeakMap<FastifyRequest, string>();

/**
 * The client, for counting: its IPv4 address, or the /64 network of its IPv6 address (one
 * subscriber line gets a whole /64, so single IPv6 addresses would be free to rotate).
 */
export function clientKeyOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) {
    return mapped[1];
  }
  if (!ip.includes(':')) {
    return ip;
  }
  const [head, tail = ''] = ip.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function byAddress(request: FastifyRequest): string {
  return `address:${clientKeyOf(request.ip)}`;
}

function subjectOf(request: FastifyRequest): string {
  return subjects.get(request) ?? byAddress(request);
}

function tooMany(
  request: FastifyRequest,
  reply: FastifyReply,
  retryInMs: number,
  what: string,
): FastifyReply {
  const seconds = Math.max(1, Math.ceil(retryInMs / 1000));
  const refusal = requestError(429, 'TOO_MANY_REQUESTS', {
    problem: `${what}: try again in ${seconds} s.`,
    seconds,
  });
  const body = requestErrorBody(refusal, languageOf(request.headers['accept-language']));
  reply.status(429).header('retry-after', String(seconds));
  if (request.routeOptions.url === GRAPHQL_PATH) {
    return reply.send(body);
  }
  const [{ message, extensions }] = body.errors;
  return reply.send({ error: { ...extensions, message } });
}
