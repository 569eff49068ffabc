import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, RefusedAddress, urlProblem, type AddressPolicy } from './webhook-address';

/** One message as the Standard Webhooks specification frames it: id, timestamp, body. */
export interface WebhookMessage {
  /** `webhook-id`: the same for every attempt of one notification, so a receiver can drop repeats. */
  id: string;
  timestamp: Date;
  body: string;
}

/**
 * `webhook-signature`: `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` per valid secret,
 * separated by spaces (during a rotation both the new and the previous secret sign).
 */
export function signatureHeader(secrets: readonly string[], message: WebhookMessage): string {
  return secrets
    .map((secret) => new Webhook(secret).sign(message.id, message.timestamp, message.body))
    .join(' ');
}

export interface WebhookAnswer {
  status: number;
}

/**
 * POSTs the message to the endpoint: signed, without redirects, within the timeout, to an
 * address the policy admits (checked on the connection's own lookup). Resolves with the status
 * of any answer; rejects when there is none (refused address, DNS, connection, timeout).
 */
export function postWebhook(
  url: string,
  secrets: readonly string[],
  message: WebhookMessage,
  options: { timeoutMs: number; policy: AddressPolicy; userAgent: string },
): Promise<WebhookAnswer> {
  const problem = urlProblem(url, options.policy);
  if (problem) {
    return Promise.reject(new RefusedAddress(problem));
  }
  const target = new URL(url);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      target,
      {
        method: 'POST',
        lookup: guardedLookup(options.policy),
        timeout: options.timeoutMs,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(message.body),
          'user-agent': options.userAgent,
          'webhook-id': message.id,
          'webhook-timestamp': String(Math.floor(message.timestamp.getTime() / 1000)),
          'webhook-signature': signatureHeader(secrets, message),
        },
      },
      (res) => {
        // The answer's body is not needed: read (at most 64 KiB) and dropped.
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > 65_536) {
            res.destroy();
          }
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('error', () => resolve({ status: res.statusCode ?? 0 }));
        res.on('close', () => resolve({ status: res.statusCode ?? 0 }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
    req.on('error', reject);
    req.end(message.body);
  });
}
