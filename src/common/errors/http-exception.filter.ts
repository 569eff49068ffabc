import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_OF, toClientError } from './error-formatter';
import { languageOf } from './language';
import { messageOf } from './messages';

/**
 * REST routes (health, later reports and webhooks) answer errors with the same codes as GraphQL.
 * GraphQL errors are left to the GraphQL error formatter.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpErrorFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    if (host.getType<string>() !== 'http') {
      throw exception;
    }
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const language = languageOf(request.headers['accept-language']);
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      const message = messageOf('ROUTE_NOT_FOUND', language, { method: request.method, url: request.url });
      return reply.status(404).send({ error: { code: 'NOT_FOUND', reason: 'ROUTE_NOT_FOUND', message } });
    }
    const error = toClientError(exception instanceof Error ? exception : new Error(String(exception)), {
      requestId: String(request.id),
      logger: this.logger,
      fieldSuggestions: false,
      language,
    });
    // JSON even where the route declared another type (a CSV report, say).
    return reply
      .status(STATUS_OF[error.extensions.code])
      .header('content-type', 'application/json; charset=utf-8')
      .send(
        JSON.stringify({
          error: {
            code: error.extensions.code,
            reason: error.extensions.reason,
            ...(typeof error.extensions.field === 'string' ? { field: error.extensions.field } : {}),
            message: error.message,
          },
        }),
      );
  }
}
