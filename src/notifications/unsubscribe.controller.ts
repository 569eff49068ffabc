import { Controller, Get, Header, HttpCode, Post, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { Public } from '#src/common/auth/decorators';
import { escapeHtml } from './notification-mail';
import { NotificationsService } from './notifications.service';

function page(title: string, body: string): string {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)} – Nachnutzungsregister</title></head><body style="font-family:sans-serif;max-width:40rem;margin:3rem auto;line-height:1.5"><main><h1>${escapeHtml(title)}</h1>${body}</main></body></html>`;
}

/**
 * The unsubscribe link of every e-mail (RFC 8058): GET shows a page with a button (a link
 * scanner that follows links unsubscribes nobody), POST switches the recipient off; mail clients'
 * one-click unsubscribe POSTs `List-Unsubscribe=One-Click` to the same URL.
 */
@Controller('notifications')
export class UnsubscribeController {
  constructor(private readonly notifications: NotificationsService) {}

  @Public()
  @Get('unsubscribe')
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  confirm(@Query('token') token: string | undefined): string {
    const action = `/notifications/unsubscribe?token=${encodeURIComponent(token ?? '')}`;
    return page(
      'Benachrichtigungen abbestellen',
      `<p>Möchten Sie keine E-Mails dieser Benachrichtigung mehr erhalten?</p>` +
        `<form method="post" action="${escapeHtml(action)}"><button type="submit">Abbestellen</button></form>`,
    );
  }

  @Public()
  @Post('unsubscribe')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async unsubscribe(
    @Query('token') token: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const done = await this.notifications.unsubscribe(token ?? '');
    reply.header('content-type', 'text/html; charset=utf-8');
    if (!done) {
      reply.status(404);
      return page('Link ungültig', '<p>Dieser Abbestell-Link ist nicht (mehr) gültig.</p>');
    }
    return page(
      'Abbestellt',
      `<p>An ${escapeHtml(done.email)} gehen keine Benachrichtigungen mehr. In den Einstellungen Ihrer Organisation im Nachnutzungsregister können Sie sie wieder einschalten.</p>`,
    );
  }
}
