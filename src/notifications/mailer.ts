import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import type { MailMessage } from './notification-mail';

/** SMTP out by nodemailer (SMTP_URL, SMTP_FROM, SMTP_REQUIRE_TLS); off without SMTP_URL. */
@Injectable()
export class Mailer implements OnModuleDestroy {
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const smtp = config.notifications.smtp;
    this.transport = smtp
      ? createTransport({
          url: smtp.url,
          requireTLS: smtp.requireTls,
          connectionTimeout: config.notifications.timeoutMs,
          greetingTimeout: config.notifications.timeoutMs,
          socketTimeout: config.notifications.timeoutMs,
        } as Parameters<typeof createTransport>[0])
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** Sends one message; rejects when the server refuses it or cannot be reached. */
  async send(to: string, message: MailMessage): Promise<{ messageId: string; response: string }> {
    if (!this.transport) {
      throw new Error('e-mail is off (no SMTP_URL)');
    }
    const info = await this.transport.sendMail({
      from: this.config.notifications.smtp!.from,
      to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
    });
    return { messageId: info.messageId, response: String(info.response ?? '') };
  }

  onModuleDestroy() {
    this.transport?.close();
  }
}
