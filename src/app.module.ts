import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Global, Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { MercuriusDriver, type MercuriusDriverConfig } from '@nestjs/mercurius';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AuditModule } from '#src/common/audit/audit.module';
import { Access } from '#src/common/auth/access';
import { AuthGuard } from '#src/common/auth/auth.guard';
import { Authenticator } from '#src/common/auth/authenticator';
import { DevSecret } from '#src/common/auth/dev-secret';
import { TokenVerifier } from '#src/common/auth/token-verifier';
import { Clock, SystemClock } from '#src/common/clock';
import { formatExecution } from '#src/common/errors/error-formatter';
import { languageOf } from '#src/common/errors/language';
import { HttpErrorFilter } from '#src/common/errors/http-exception.filter';
import { checkCost, validationRules } from '#src/common/graphql/limits';
import { DateTimeScalar } from '#src/common/graphql/scalars';
import { refuseUnstorableText } from '#src/common/graphql/unstorable-text';
import { createRequestContext, type RequestContext } from '#src/common/graphql/request-context';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { dataSourceOptions } from '#src/data-source';
import { TransactionEvents } from '#src/database/transaction-events';
import { Transactions } from '#src/database/transactions';
import { HealthController } from '#src/health/health.controller';
import { User } from '#src/organisations/organisation.model';
import { CatalogueModule } from '#src/catalogue/catalogue.module';
import { OrganisationsModule } from '#src/organisations/organisations.module';
import { ReleasesModule } from '#src/releases/releases.module';
import { SubscriptionsModule } from '#src/subscriptions/subscriptions.module';
import { CampaignsModule } from '#src/campaigns/campaigns.module';
import { EffortModule } from '#src/effort/effort.module';
import { GithubModule } from '#src/github/github.module';
import { NotificationsModule } from '#src/notifications/notifications.module';
import { PubliccodeModule } from '#src/publiccode/publiccode.module';
import { SeedModule } from '#src/seed/seed.module';
import { SignInModule } from '#src/sign-in/sign-in.module';

export interface AppOptions {
  config: AppConfig;
  /** The resolved database: DATABASE_URL, or the embedded server's URL. */
  databaseUrl: string;
  clock?: Clock;
  /** Sees every SQL statement (the tests count them per request). */
  sqlLogger?: TypeOrmLogger;
  /** Where the built console is (default: dist/console under the project). */
  consoleDirectory?: string;
}

/** A request id for every log line: the caller's X-Request-Id when it is sane, else a new one. */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given)) {
    return given;
  }
  const id = randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

@Global()
@Module({})
class CoreModule {
  static forRoot(options: AppOptions): DynamicModule {
    const devSecret = DevSecret.resolve(options.config);
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: Clock, useValue: options.clock ?? new SystemClock() },
        { provide: DevSecret, useValue: devSecret },
        TokenVerifier,
        Authenticator,
        Access,
        Transactions,
        TransactionEvents,
      ],
      exports: [
        APP_CONFIG,
        Clock,
        DevSecret,
        TokenVerifier,
        Authenticator,
        Access,
        Transactions,
        TransactionEvents,
      ],
    };
  }
}

@Module({})
export class AppModule {
  static forRoot(options: AppOptions): DynamicModule {
    const { config } = options;
    const gqlLogger = new Logger('GraphQL');
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            genReqId: (req) => requestIdOf(req),
            customProps: () => ({ service: 'ozg-registry' }),
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            autoLogging: { ignore: (req) => (req.url ?? '').startsWith('/health') },
          },
        }),
        CoreModule.forRoot(options),
        TypeOrmModule.forRoot(
          dataSourceOptions(
            options.databaseUrl,
            options.sqlLogger ? { logger: options.sqlLogger, logging: ['query'] } : {},
          ),
        ),
        GraphQLModule.forRootAsync<MercuriusDriverConfig>({
          driver: MercuriusDriver,
          inject: [Authenticator],
          useFactory: (authenticator: Authenticator) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            // No GraphiQL: it loads its scripts from a CDN (not in a closed network, not under our
            // Content-Security-Policy). The console is the user interface; developers use any client.
            graphiql: false,
            // Compile a query to JavaScript (graphql-jit) from its second use on.
            jit: 1,
            // User is referenced by the release and campaign types of later modules.
            buildSchemaOptions: {
              dateScalarMode: 'isoDate',
              // A strict DateTime: the framework's takes anything `new Date()` takes.
              scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
              orphanedTypes: [User],
            },
            context: createRequestContext,
            validationRules: validationRules({ introspection: config.graphql.introspection }),
            hooks: {
              preExecution: async (schema, document, ctx, variables) => {
                // Refuse an invalid token before anything runs, also for fields no guard sees.
                await authenticator.viewerFor((ctx as unknown as RequestContext).req);
                checkCost(schema, document, variables);
                refuseUnstorableText(document, variables);
              },
            },
            errorFormatter: (execution, ctx) =>
              formatExecution(execution, {
                requestId: String((ctx as unknown as RequestContext).reply?.request.id ?? 'unknown'),
                logger: gqlLogger,
                fieldSuggestions: config.graphql.fieldSuggestions,
                language: languageOf((ctx as unknown as RequestContext).req?.headers['accept-language']),
              }),
          }),
        }),
        AuditModule,
        OrganisationsModule,
        CatalogueModule,
        ReleasesModule,
        SubscriptionsModule,
        CampaignsModule,
        EffortModule,
        GithubModule,
        PubliccodeModule,
        NotificationsModule,
        SeedModule,
        SignInModule.forRoot(config),
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpErrorFilter },
      ],
    };
  }
}
