import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { NotificationWorker } from '#src/notifications/notification-worker';
import type { TestApp } from './test-app';

/**
 * Test support for the notification specs (test/notifications/*): the inbox as the console reads
 * it, the worker driven by hand, and real receivers: an HTTP server for webhooks and an SMTP
 * server for e-mail, both on loopback ports of their own.
 */

export interface InboxItem {
  id: string;
  kind: string;
  type: string;
  gateKind: string | null;
  title: string;
  link: string;
  read: boolean;
  occurredAt: string;
  /** The parsed webhook body (payload). */
  body: { type: string; schemaVersion: number; organisation: { key: string }; url: string; data: any };
}

export const INBOX = `query($organisationKey: String, $unreadOnly: Boolean!, $first: Int!) {
  notifications(organisationKey: $organisationKey, unreadOnly: $unreadOnly, first: $first) {
    totalCount unreadCount hasMore items { id kind type gateKind title link read occurredAt payload }
  }
}`;

/** The worker of the app's instance, run until nothing is due. */
export const drain = (t: TestApp) => t.app.get(NotificationWorker).drain();

/** The viewer's notifications (its own organisation unless one is named), newest first. */
export async function inbox(
  t: TestApp,
  token: string,
  options: { organisationKey?: string; unreadOnly?: boolean } = {},
): Promise<InboxItem[]> {
  const result = await t.gql(
    INBOX,
    { organisationKey: options.organisationKey, unreadOnly: options.unreadOnly ?? false, first: 100 },
    token,
  );
  if (result.errors) {
    throw new Error(`notifications failed: ${JSON.stringify(result.errors)}`);
  }
  return result.data!.notifications.items.map((n: any) => ({ ...n, body: JSON.parse(n.payload) }));
}

/** The viewer's unread notifications, which are then marked read: "what is new since the last look". */
export async function news(t: TestApp, token: string, organisationKey?: string): Promise<InboxItem[]> {
  const items = await inbox(t, token, { organisationKey, unreadOnly: true });
  await t.gql(
    `mutation($input: MarkNotificationsReadInput!) { markNotificationsRead(input: $input) }`,
    { input: { organisationKey } },
    token,
  );
  return items;
}

export const kinds = (items: InboxItem[]) => items.map((n) => n.kind).sort();

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP receiver of webhooks: records every request and answers with `status()` (200 by default). */
export interface WebhookReceiver {
  url: string;
  requests: ReceivedRequest[];
  /** The status for the next request, given how many came before it. */
  status: (index: number) => number;
  /** How long each answer takes (default 0). */
  delayMs: number;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const receiver: WebhookReceiver = {
    url: '',
    requests: [],
    status: () => 200,
    delayMs: 0,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const index = receiver.requests.length;
      receiver.requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const status = receiver.status(index);
      setTimeout(() => {
        res.statusCode = status;
        res.end('ok');
      }, receiver.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  receiver.close = () => new Promise((resolve) => server.close(() => resolve()));
  return receiver;
}

/** A real SMTP server (smtp-server) that keeps every message it receives, parsed (mailparser). */
export interface SmtpReceiver {
  url: string;
  messages: (ParsedMail & { envelopeTo: string[] })[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const messages: SmtpReceiver['messages'] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(Object.assign(mail, { envelopeTo: session.envelope.rcptTo.map((r) => r.address) }));
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
