import { useId, useState } from 'react';
import { useMutation } from 'urql';
import { problemsOf } from '../graphql/errors';
import type { ChannelFieldsFragment } from '../graphql/generated/graphql';
import { Outcome } from '../subscriptions/action-form';
import { Badge } from '../subscriptions/state-badge';
import { Problems } from '../ui/alert';
import { DescriptionList } from '../ui/description-list';
import { Button } from '../ui/field';
import {
  formatDate,
  formatDateTime,
  formatNumber,
  NOTIFICATION_CHANNEL_TYPE,
  NOTIFICATION_DELIVERY_MODE,
  NOTIFICATION_DELIVERY_STATE,
} from '../ui/labels';
import { kindsText } from './kinds-fields';
import {
  REFRESH_SETTINGS,
  RemoveNotificationChannelMutation,
  RotateWebhookSecretMutation,
  UpdateNotificationChannelMutation,
} from './notification-queries';
import { SecretNotice } from './secret-notice';

type Channel = ChannelFieldsFragment;

/** The channel's address: the webhook's URL or the recipient's e-mail address. */
export function addressOf(channel: Channel): string {
  return (channel.type === 'WEBHOOK' ? channel.url : channel.email) ?? '';
}

/**
 * One channel: what it is told of and how, whether it is on (and why not), its failures in a row,
 * its actions ("Ausschalten"/"Einschalten", "Geheimnis erneuern" for a webhook, "Entfernen" after
 * a confirmation) and its delivery log, "Zustellungen", to open.
 */
export function ChannelCard({
  channel,
  onRemoved,
}: {
  channel: Channel;
  onRemoved: (message: string) => void;
}) {
  const headingId = useId();
  const address = addressOf(channel);
  const name = `${NOTIFICATION_CHANNEL_TYPE[channel.type]} ${address}`;
  const [update, updateChannel] = useMutation(UpdateNotificationChannelMutation);
  const [rotation, rotate] = useMutation(RotateWebhookSecretMutation);
  const [removal, remove] = useMutation(RemoveNotificationChannelMutation);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const busy = update.fetching || rotation.fetching || removal.fetching;
  const previousUntil =
    channel.previousSecretValidUntil && new Date(channel.previousSecretValidUntil) > new Date()
      ? formatDateTime(channel.previousSecretValidUntil)
      : null;

  const facts = [
    { term: 'Ereignisse', value: kindsText(channel.kinds, channel.gateKinds) },
    { term: 'Zustellung', value: NOTIFICATION_DELIVERY_MODE[channel.mode] },
    {
      term: 'Zustand',
      value: channel.enabled ? (
        <Badge tone="success">Aktiv</Badge>
      ) : (
        <>
          <Badge tone="danger">Abgeschaltet</Badge>
          <span className="kern-body kern-body--small cell-note">
            {channel.disabledAt ? `Seit ${formatDateTime(channel.disabledAt)}. ` : ''}
            {channel.disabledReason ? `Grund: ${channel.disabledReason}` : ''}
          </span>
        </>
      ),
    },
    ...(channel.type === 'WEBHOOK'
      ? [
          {
            term: 'Fehlversuche in Folge',
            value: formatNumber(channel.failureStreak),
          },
        ]
      : []),
    ...(previousUntil ? [{ term: 'Bisheriges Geheimnis gilt bis', value: previousUntil }] : []),
    { term: 'Eingerichtet', value: formatDate(channel.createdAt) },
  ];

  return (
    <li className="kern-card channel">
      <section className="kern-card__container stack" aria-labelledby={headingId}>
        <h3 className="kern-heading-medium channel__title" id={headingId}>
          {NOTIFICATION_CHANNEL_TYPE[channel.type]}: {address}
        </h3>
        <DescriptionList items={facts} />
        {secret ? (
          <SecretNotice
            secret={secret}
            url={address}
            rotated
            previousValidUntil={previousUntil ?? undefined}
          />
        ) : null}
        {outcome ? <Outcome message={outcome} /> : null}
        <Problems
          problems={[
            ...problemsOf(update.error),
            ...problemsOf(rotation.error),
            ...problemsOf(removal.error),
          ]}
        />
        <div className="inline-actions">
          <button
            type="button"
            className="kern-btn kern-btn--secondary kern-btn--small"
            aria-label={`${channel.enabled ? 'Ausschalten' : 'Einschalten'}: ${name}`}
            aria-disabled={busy || undefined}
            onClick={() => {
              if (busy) {
                return;
              }
              setOutcome(null);
              setSecret(null);
              void updateChannel(
                { input: { id: channel.id, enabled: !channel.enabled } },
                REFRESH_SETTINGS,
              ).then((answer) => {
                const changed = answer.data?.updateNotificationChannel;
                if (changed) {
                  setOutcome(
                    changed.enabled
                      ? `${name} ist wieder eingeschaltet.`
                      : `${name} ist ausgeschaltet: er erhält nichts, bis Sie ihn wieder einschalten.`,
                  );
                }
              });
            }}
          >
            <span className="kern-label">{channel.enabled ? 'Ausschalten' : 'Einschalten'}</span>
          </button>
          {channel.type === 'WEBHOOK' ? (
            <button
              type="button"
              className="kern-btn kern-btn--secondary kern-btn--small"
              aria-label={`Geheimnis erneuern: ${name}`}
              aria-disabled={busy || undefined}
              onClick={() => {
                if (busy) {
                  return;
                }
                setOutcome(null);
                void rotate({ id: channel.id }, REFRESH_SETTINGS).then((answer) => {
                  const rotated = answer.data?.rotateWebhookSecret;
                  if (rotated) {
                    setSecret(rotated.secret);
                  }
                });
              }}
            >
              <span className="kern-label">Geheimnis erneuern</span>
            </button>
          ) : null}
          <button
            type="button"
            className="kern-btn kern-btn--tertiary kern-btn--small"
            aria-label={`Entfernen: ${name}`}
            aria-expanded={confirming}
            onClick={() => {
              setOutcome(null);
              setConfirming(!confirming);
            }}
          >
            <span className="kern-label">Entfernen</span>
          </button>
        </div>
        {confirming ? (
          <div className="action-form stack" role="group" aria-label={`${name} entfernen`}>
            <p className="kern-body">
              {channel.type === 'WEBHOOK' ? 'Den Webhook' : 'Den E-Mail-Empfänger'} <code>{address}</code> mit
              seinen Zustellungen entfernen? Das lässt sich nicht rückgängig machen.
            </p>
            <div className="inline-actions">
              <Button
                variant="primary"
                aria-disabled={busy || undefined}
                onClick={() => {
                  if (busy) {
                    return;
                  }
                  void remove({ id: channel.id }, REFRESH_SETTINGS).then((answer) => {
                    if (answer.data?.removeNotificationChannel) {
                      onRemoved(`${name} ist entfernt.`);
                    }
                  });
                }}
              >
                Ja, entfernen
              </Button>
              <Button variant="secondary" onClick={() => setConfirming(false)}>
                Abbrechen
              </Button>
            </div>
          </div>
        ) : null}
        <Deliveries channel={channel} />
      </section>
    </li>
  );
}

/** "Zustellungen": the channel's delivery log, newest first (the last 20), in a KERN accordion. */
function Deliveries({ channel }: { channel: Channel }) {
  const deliveries = channel.deliveries;
  return (
    <details className="kern-accordion">
      <summary className="kern-accordion__header">
        <span className="kern-title">
          Zustellungen ({deliveries.length === 0 ? 'keine' : formatNumber(deliveries.length)})
        </span>
      </summary>
      <div className="kern-accordion__body">
        {deliveries.length === 0 ? (
          <p className="kern-body">Noch keine Zustellung an diesen Kanal.</p>
        ) : (
          <div className="kern-table-responsive">
            <table className="kern-table kern-table--small">
              <caption className="kern-sr-only">
                Zustellungen an {addressOf(channel)}, die neueste zuerst
              </caption>
              <thead>
                <tr className="kern-table__row">
                  {[
                    'Benachrichtigung',
                    'Zustand',
                    'Versuche',
                    'Letzter Versuch',
                    'Nächster Versuch',
                    'Zugestellt',
                  ].map((column) => (
                    <th key={column} scope="col" className="kern-table__header">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody className="kern-table__body">
                {deliveries.map((d) => (
                  <tr className="kern-table__row" key={d.id}>
                    <td className="kern-table__cell">
                      {d.title ??
                        `Tägliche Zusammenfassung${d.digestDay ? ` vom ${formatDate(d.digestDay)}` : ''}`}
                    </td>
                    <td className="kern-table__cell">
                      <Badge
                        tone={d.state === 'DELIVERED' ? 'success' : d.state === 'FAILED' ? 'danger' : 'info'}
                      >
                        {NOTIFICATION_DELIVERY_STATE[d.state]}
                      </Badge>
                    </td>
                    <td className="kern-table__cell">{formatNumber(d.attempts)}</td>
                    <td className="kern-table__cell">
                      {d.lastAttemptAt ? formatDateTime(d.lastAttemptAt) : '–'}
                      {d.detail || d.responseStatus !== null ? (
                        <span className="kern-body kern-body--small cell-note">
                          {d.detail ?? `HTTP ${d.responseStatus}`}
                        </span>
                      ) : null}
                    </td>
                    <td className="kern-table__cell">
                      {d.state === 'PENDING' && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '–'}
                    </td>
                    <td className="kern-table__cell">
                      {d.deliveredAt ? formatDateTime(d.deliveredAt) : '–'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </details>
  );
}
