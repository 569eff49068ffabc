import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_OF, toClientError } from './error-formatter';

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
    if (exception instanceof HttpException && exception.getStatus() === 404) {
      return reply
        .status(404)
        .send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}` } });
    }
    const error = toClientError(exception instanceof Error ? exception : new Error(String(exception)), {
      requestId: String(request.id),
      logger: this.logger,
      fieldSuggestions: false,
    });
    // JSON even where the route declared another type (a CSV report, say).
    return reply
      .status(STATUS_OF[error.extensions.code])
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify({ error: { code: error.extensions.code, message: error.message } }));
  }
}
