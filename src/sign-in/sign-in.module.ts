import { Injectable, Module, type DynamicModule, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import type { AppConfig } from '#src/config/config';
import { ConsoleConfigController } from './console-config.controller';
import { DevSignInController } from './dev-sign-in.controller';
import { devSignInAvailable } from './sign-in-mode';

export const DEV_TOKEN_PATH = '/auth/dev/token';

/**
 * Refuses a development-token request that is not JSON before its body is parsed, with the same
 * answer as the GraphQL endpoint gives (415 UNSUPPORTED_MEDIA_TYPE): a form post from another
 * site cannot reach the handler, and a client that sends text learns what to send instead.
 */
@Injectable()
class DevSignInGate implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (request.routeOptions.url !== DEV_TOKEN_PATH || request.method !== 'POST') {
        return;
      }
      const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (mediaType !== 'application/json') {
        return reply
          .status(415)
          .header('content-type', 'application/json; charset=utf-8')
          .send({
            error: {
              code: 'UNSUPPORTED_MEDIA_TYPE',
              message: `Send the request as Content-Type: application/json (not ${mediaType || 'none'}), e.g. {"persona": "kim.kiel"}.`,
            },
          });
      }
    });
  }
}

/**
 * Sign-in for the console: its configuration endpoint always; the demo personas and their
 * development tokens only where development tokens exist (never in production). The routes of the
 * personas are not registered at all in production, so they answer 404 like any unknown path.
 */
@Module({})
export class SignInModule {
  static forRoot(config: AppConfig): DynamicModule {
    const dev = devSignInAvailable(config);
    return {
      module: SignInModule,
      controllers: dev ? [ConsoleConfigController, DevSignInController] : [ConsoleConfigController],
      providers: dev ? [DevSignInGate] : [],
    };
  }
}
