import { NotificationKind } from './notification-enums';
import type { NotificationRow } from './notification.repository';

/**
 * The e-mails (docs/notifications.md, "E-mail"): German, plain text and HTML, each item with a
 * link to its console page, an unsubscribe link (and the List-Unsubscribe headers of RFC 8058).
 */
export interface MailMessage {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** How the digest groups its items, in this order. */
const KIND_HEADINGS: { readonly [K in NotificationKind]: string } = {
  [NotificationKind.RELEASE_PUBLISHED]: 'Neue Versionen',
  [NotificationKind.RELEASE_DEPRECATED]: 'Abgekündigte Versionen',
  [NotificationKind.SUBSCRIPTION_REQUESTED]: 'Anträge auf Nachnutzung',
  [NotificationKind.SUBSCRIPTION_APPROVED]: 'Angenommene Nachnutzungen',
  [NotificationKind.SUBSCRIPTION_REJECTED]: 'Abgelehnte Nachnutzungen',
  [NotificationKind.SUBSCRIPTION_SUSPENDED]: 'Ausgesetzte Nachnutzungen',
  [NotificationKind.SUBSCRIPTION_RESUMED]: 'Fortgesetzte Nachnutzungen',
  [NotificationKind.SUBSCRIPTION_TERMINATED]: 'Gekündigte Nachnutzungen',
  [NotificationKind.GATE_AWAITING_REVIEW]: 'Wartende Prüfungen',
  [NotificationKind.CAMPAIGN_OPENED]: 'Eröffnete Kampagnen',
  [NotificationKind.CAMPAIGN_TARGET_ADDED]: 'Neue Kampagnenziele',
  [NotificationKind.CAMPAIGN_DEADLINE_APPROACHING]: 'Nahende Stichtage',
  [NotificationKind.CAMPAIGN_TARGET_OVERDUE]: 'Überfällige Kampagnenziele',
};

const ORDER = Object.keys(KIND_HEADINGS) as NotificationKind[];

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

interface Context {
  publicUrl: string;
  unsubscribeUrl: string;
  organisationName: string;
}

function footer(context: Context) {
  const text =
    `\n-- \nSie erhalten diese Nachricht, weil für ${context.organisationName} im Nachnutzungsregister ` +
    `Benachrichtigungen an diese Adresse eingerichtet sind.\n` +
    `Einstellungen: ${context.publicUrl}/benachrichtigungen/einstellungen\n` +
    `Abbestellen: ${context.unsubscribeUrl}\n`;
  const html =
    `<hr><p style="color:#555;font-size:90%">Sie erhalten diese Nachricht, weil für ${escapeHtml(context.organisationName)} ` +
    `im Nachnutzungsregister Benachrichtigungen an diese Adresse eingerichtet sind.<br>` +
    `<a href="${escapeHtml(`${context.publicUrl}/benachrichtigungen/einstellungen`)}">Einstellungen ändern</a> · ` +
    `<a href="${escapeHtml(context.unsubscribeUrl)}">Abbestellen</a></p>`;
  return { text, html };
}

function headers(context: Context): Record<string, string> {
  return {
    'List-Unsubscribe': `<${context.unsubscribeUrl}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    'Auto-Submitted': 'auto-generated',
  };
}

function page(body: string, foot: string) {
  return `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Nachnutzungsregister</title></head><body style="font-family:sans-serif;line-height:1.5">${body}${foot}</body></html>`;
}

/** One notification, at once. */
export function singleMail(notification: NotificationRow, context: Context): MailMessage {
  const url = `${context.publicUrl}${notification.link}`;
  const foot = footer(context);
  return {
    subject: notification.title,
    text: `${notification.title}\n\nZur Ansicht im Nachnutzungsregister:\n${url}\n${foot.text}`,
    html: page(
      `<p>${escapeHtml(notification.title)}</p><p><a href="${escapeHtml(url)}">Im Nachnutzungsregister ansehen</a></p>`,
      foot.html,
    ),
    headers: headers(context),
  };
}

/** A day's notifications in one message, grouped by kind. */
export function digestMail(day: string, items: readonly NotificationRow[], context: Context): MailMessage {
  const [y, m, d] = day.split('-');
  const date = `${d}.${m}.${y}`;
  const groups = ORDER.map((kind) => ({ kind, items: items.filter((n) => n.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  const foot = footer(context);
  const text = groups
    .map(
      (g) =>
        `${KIND_HEADINGS[g.kind]} (${g.items.length})\n` +
        g.items.map((n) => `- ${n.title}\n  ${context.publicUrl}${n.link}`).join('\n'),
    )
    .join('\n\n');
  const html = groups
    .map(
      (g) =>
        `<h2 style="font-size:110%">${escapeHtml(KIND_HEADINGS[g.kind])} (${g.items.length})</h2><ul>` +
        g.items
          .map(
            (n) =>
              `<li><a href="${escapeHtml(`${context.publicUrl}${n.link}`)}">${escapeHtml(n.title)}</a></li>`,
          )
          .join('') +
        '</ul>',
    )
    .join('');
  const count = items.length === 1 ? '1 Benachrichtigung' : `${items.length} Benachrichtigungen`;
  return {
    subject: `Nachnutzungsregister: ${count} vom ${date}`,
    text: `Ihre Benachrichtigungen vom ${date} für ${context.organisationName}:\n\n${text}\n${foot.text}`,
    html: page(
      `<h1 style="font-size:130%">Ihre Benachrichtigungen vom ${date}</h1><p>für ${escapeHtml(context.organisationName)}</p>${html}`,
      foot.html,
    ),
    headers: headers(context),
  };
}
