import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { problemsOf } from '../graphql/errors';
import { ChannelCard } from '../notifications/channel-card';
import { AddEmailForm, AddWebhookForm } from '../notifications/channel-forms';
import { NotificationSettingsQuery } from '../notifications/notification-queries';
import { Outcome } from '../subscriptions/action-form';
import { Loading, Problems } from '../ui/alert';
import { Page } from '../ui/page';
import { NotificationsGate } from './notifications';

const TITLE = 'Benachrichtigungen einstellen';

/**
 * "Benachrichtigungen einstellen" (/benachrichtigungen/einstellungen): the organisation's
 * channels (webhooks and e-mail recipients) with their delivery logs, and the forms to add one.
 * What the viewer may choose comes from the API (choosableKinds, choosableGateKinds): a reviewer
 * only the reviews waiting of its own kinds.
 */
export function NotificationSettingsPage() {
  return (
    <NotificationsGate title={TITLE}>
      <Settings />
    </NotificationsGate>
  );
}

function Settings() {
  const [{ data, error }] = useQuery({ query: NotificationSettingsQuery });
  const [outcome, setOutcome] = useState<string | null>(null);
  const channelsId = useId();
  const webhookId = useId();
  const emailId = useId();
  const settings = data?.notificationSettings;

  return (
    <Page
      title={TITLE}
      lead="Außer im Register selbst erfahren Sie von Benachrichtigungen per Webhook (für Ihre Verfahren) oder per E-Mail."
    >
      <p className="kern-body">
        <Link className="kern-link" to="/benachrichtigungen">
          Zurück zu den Benachrichtigungen
        </Link>
      </p>
      {!settings ? (
        error ? (
          <Problems problems={problemsOf(error)} title="Die Einstellungen konnten nicht geladen werden" />
        ) : (
          <Loading />
        )
      ) : (
        <>
          <section className="stack" aria-labelledby={channelsId}>
            <h2 className="kern-heading-large" id={channelsId}>
              Kanäle von {settings.organisation.name}
            </h2>
            {outcome ? <Outcome message={outcome} /> : null}
            {settings.channels.length === 0 ? (
              <p className="kern-body">
                Noch kein Webhook und kein E-Mail-Empfänger: Benachrichtigungen stehen nur im Register.
              </p>
            ) : (
              <ul className="channel-list" aria-label="Kanäle">
                {settings.channels.map((channel) => (
                  <ChannelCard key={channel.id} channel={channel} onRemoved={setOutcome} />
                ))}
              </ul>
            )}
          </section>
          <section className="stack" aria-labelledby={webhookId}>
            <h2 className="kern-heading-large" id={webhookId}>
              Webhook hinzufügen
            </h2>
            <p className="kern-body">
              Das Register sendet jede Benachrichtigung sofort als JSON an die Adresse, signiert nach dem
              Standard Webhooks. Schlägt eine Zustellung fehl, versucht es das Register später erneut; nach
              vielen Fehlversuchen in Folge schaltet es den Webhook ab.
            </p>
            <AddWebhookForm
              choosable={{ kinds: settings.choosableKinds, gateKinds: settings.choosableGateKinds }}
            />
          </section>
          <section className="stack" aria-labelledby={emailId}>
            <h2 className="kern-heading-large" id={emailId}>
              E-Mail-Empfänger hinzufügen
            </h2>
            <AddEmailForm
              choosable={{ kinds: settings.choosableKinds, gateKinds: settings.choosableGateKinds }}
              available={settings.emailAvailable}
            />
          </section>
        </>
      )}
    </Page>
  );
}
