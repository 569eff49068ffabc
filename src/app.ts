import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule, requestIdOf, type AppOptions } from '#src/app.module';
import { Authenticator } from '#src/common/auth/authenticator';
import { registerGraphqlHttpGate } from '#src/common/graphql/http-gate';
import { registerRateLimits } from '#src/common/rate-limit/rate-limits';
import { registerConsole } from '#src/console/console-static';
import { registerSecurityHeaders } from '#src/console/security-headers';

/** Builds the HTTP application (used by main and by the tests, so both run the same wiring). */
export async function createApp(
  options: AppOptions,
  { quiet = false } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    genReqId: (req: IncomingMessage) => requestIdOf(req) ?? randomUUID(),
    bodyLimit: 1_048_576,
    // Off unless configured: X-Forwarded-For from anyone would let a client choose its address.
    trustProxy: options.config.trustProxy,
  });
  registerGraphqlHttpGate(adapter.getInstance());
  // Echo the request id, so a caller can quote it (it is in every log line of the request).
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(options), adapter, {
    bufferLogs: true,
    // The GitHub webhook's signature is over the exact bytes received (request.rawBody).
    rawBody: true,
    logger: quiet ? false : undefined,
  });
  if (!quiet) {
    app.useLogger(app.get(Logger));
  }
  const fastify = app.getHttpAdapter().getInstance();
  await registerSecurityHeaders(fastify, {
    identityProvider: options.config.console.oidc?.authority ?? null,
  });
  await registerRateLimits(app, options.config.rateLimit, app.get(Authenticator));
  await registerConsole(fastify, options.consoleDirectory);
  await app.init();
  return app;
}
