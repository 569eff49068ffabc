import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { Public } from '#src/common/auth/decorators';
import { migrationsApplied } from '#src/database/migrations';

@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The process answers: for the orchestrator's liveness probe. */
  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** The database answers and every migration of this build is applied: ready for traffic. */
  @Public()
  @Get('ready')
  async ready(@Res({ passthrough: true }) reply: FastifyReply) {
    try {
      await this.db.query('SELECT 1');
      if (!(await migrationsApplied(this.db))) {
        reply.status(503);
        return { status: 'unavailable', reason: 'migrations pending' };
      }
      return { status: 'ok' };
    } catch {
      reply.status(503);
      return { status: 'unavailable', reason: 'database unreachable' };
    }
  }
}
