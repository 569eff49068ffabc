import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, type CombinedError } from 'urql';
import { problemFor, problemsOf, type ApiProblem } from '../graphql/errors';
import type { NotificationDeliveryMode, NotificationKind, QaGateKind } from '../graphql/generated/enums';
import { Alert } from '../ui/alert';
import { ErrorSummary } from '../ui/error-summary';
import { Field, inputClass } from '../ui/field';
import { NOTIFICATION_DELIVERY_MODE } from '../ui/labels';
import { gateKindsFieldId, initialChoice, kindsFieldId, KindsFields, type KindsChoice } from './kinds-fields';
import {
  AddEmailRecipientMutation,
  AddWebhookEndpointMutation,
  REFRESH_SETTINGS,
} from './notification-queries';
import { SecretNotice } from './secret-notice';

export interface Choosable {
  kinds: NotificationKind[];
  gateKinds: QaGateKind[];
}

type FieldName = 'address' | 'kinds' | 'gateKinds';

/** The form's errors: the ones found before sending, else the API's at the fields they name. */
function fieldErrors(
  missing: Partial<Record<FieldName, string>>,
  error: CombinedError | undefined,
  addressField: 'url' | 'email',
): { errors: Partial<Record<FieldName, string>>; others: ApiProblem[] } {
  const problems = problemsOf(error);
  const at = {
    address: problemFor(problems, addressField),
    kinds: problemFor(problems, 'kinds'),
    gateKinds: problemFor(problems, 'gateKinds'),
  };
  const owned = new Set(Object.values(at).filter(Boolean));
  return {
    errors: {
      address: missing.address ?? at.address?.message,
      kinds: missing.kinds ?? at.kinds?.message,
      gateKinds: missing.gateKinds ?? at.gateKinds?.message,
    },
    others: problems.filter((p) => !owned.has(p)),
  };
}

function missingOf(address: string, choice: KindsChoice, addressMissing: string) {
  const missing: Partial<Record<FieldName, string>> = {};
  if (address.trim() === '') {
    missing.address = addressMissing;
  }
  if (choice.kinds.length === 0) {
    missing.kinds = 'Bitte wählen Sie mindestens ein Ereignis.';
  }
  if (choice.kinds.includes('GATE_AWAITING_REVIEW') && choice.gateKinds.length === 0) {
    missing.gateKinds = 'Bitte wählen Sie mindestens einen Prüfbereich.';
  }
  return missing;
}

/**
 * The fields both forms share and their submit: the address, the events, the summary of errors
 * (focused after a submit that did not go through), the button.
 */
function ChannelForm({
  label,
  addressLabel,
  addressHint,
  addressType,
  addressField,
  addressMissing,
  choosable,
  disabled = false,
  fetching,
  error,
  extra,
  onSubmit,
  resetKey,
}: {
  label: string;
  addressLabel: string;
  addressHint: string;
  addressType: 'url' | 'email';
  addressField: 'url' | 'email';
  addressMissing: string;
  choosable: Choosable;
  disabled?: boolean;
  fetching: boolean;
  error?: CombinedError;
  extra?: React.ReactNode;
  onSubmit: (address: string, choice: KindsChoice) => void;
  /** Changes after a success: the form starts empty again. */
  resetKey: number;
}) {
  const prefix = useId();
  const [address, setAddress] = useState('');
  const [choice, setChoice] = useState<KindsChoice>(() => initialChoice(choosable));
  const [missing, setMissing] = useState<Partial<Record<FieldName, string>>>({});
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const [seenReset, setSeenReset] = useState(resetKey);
  if (seenReset !== resetKey) {
    setSeenReset(resetKey);
    setAddress('');
    setChoice(initialChoice(choosable));
    setMissing({});
  }
  const { errors, others } = fieldErrors(missing, error, addressField);
  useEffect(() => {
    if (attempt > 0 || error) {
      summary.current?.focus();
    }
  }, [attempt, error]);

  const addressId = `${prefix}-address`;
  const labels: Record<FieldName, { id: string; label: string }> = {
    address: { id: addressId, label: addressLabel },
    kinds: { id: kindsFieldId(prefix), label: 'Ereignisse' },
    gateKinds: { id: gateKindsFieldId(prefix), label: 'Prüfbereiche' },
  };
  const summaryFields = (Object.keys(labels) as FieldName[])
    .filter((name) => errors[name])
    .map((name) => ({ ...labels[name], message: errors[name]! }));

  return (
    <form
      className="stack"
      noValidate
      aria-label={label}
      onSubmit={(event) => {
        event.preventDefault();
        if (fetching || disabled) {
          return;
        }
        const absent = missingOf(address, choice, addressMissing);
        setMissing(absent);
        if (Object.keys(absent).length > 0) {
          setAttempt((n) => n + 1);
          return;
        }
        onSubmit(address.trim(), choice);
      }}
    >
      <ErrorSummary ref={summary} fields={summaryFields} problems={others} />
      <fieldset className="plain-fieldset stack" disabled={disabled}>
        <Field id={addressId} label={addressLabel} hint={addressHint} error={errors.address}>
          {(control) => (
            <input
              {...control}
              className={inputClass(errors.address)}
              type={addressType}
              autoComplete="off"
              spellCheck={false}
              value={address}
              onChange={(event) => setAddress(event.target.value)}
            />
          )}
        </Field>
        <KindsFields
          idPrefix={prefix}
          choosable={choosable}
          value={choice}
          errors={errors}
          onChange={setChoice}
        />
        {extra}
        <div className="inline-actions">
          <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching || undefined}>
            <span className="kern-label">{label}</span>
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/**
 * "Webhook hinzufügen": an endpoint's address and its events. The answer's secret is shown here
 * once (SecretNotice); it lives only in this form's state, so a reload forgets it.
 */
export function AddWebhookForm({ choosable }: { choosable: Choosable }) {
  const [result, add] = useMutation(AddWebhookEndpointMutation);
  const [added, setAdded] = useState<{ secret: string; url: string } | null>(null);
  const [resetKey, setResetKey] = useState(0);
  return (
    <div className="stack">
      {added ? <SecretNotice secret={added.secret} url={added.url} /> : null}
      <ChannelForm
        label="Webhook hinzufügen"
        addressLabel="Adresse (URL)"
        addressHint="Die Adresse, an die das Register jede Benachrichtigung sendet (HTTP POST, JSON), z. B. https://verfahren.kiel.de/register-hook."
        addressType="url"
        addressField="url"
        addressMissing="Bitte geben Sie die Adresse des Webhooks an."
        choosable={choosable}
        fetching={result.fetching}
        error={result.error}
        resetKey={resetKey}
        onSubmit={(url, choice) => {
          setAdded(null);
          void add(
            {
              input: {
                url,
                kinds: choice.kinds,
                ...(choice.gateKinds.length > 0 ? { gateKinds: choice.gateKinds } : {}),
              },
            },
            REFRESH_SETTINGS,
          ).then((answer) => {
            const endpoint = answer.data?.addWebhookEndpoint;
            if (endpoint) {
              setAdded({ secret: endpoint.secret, url: endpoint.channel.url ?? url });
              setResetKey((n) => n + 1);
            }
          });
        }}
      />
    </div>
  );
}

const MODES: NotificationDeliveryMode[] = ['IMMEDIATE', 'DAILY_DIGEST'];

/**
 * "E-Mail-Empfänger hinzufügen": an address, its events, each at once or a daily digest. Where
 * the registry has no mail server configured (`emailAvailable` false) it says so and is disabled.
 */
export function AddEmailForm({ choosable, available }: { choosable: Choosable; available: boolean }) {
  const [result, add] = useMutation(AddEmailRecipientMutation);
  const [mode, setMode] = useState<NotificationDeliveryMode>('IMMEDIATE');
  const [outcome, setOutcome] = useState<string | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const modeId = useId();
  return (
    <div className="stack">
      {available ? null : (
        <Alert tone="info" title="E-Mail ist nicht eingerichtet">
          <p className="kern-body">
            Auf diesem Register ist kein Mailserver eingerichtet: E-Mail-Benachrichtigungen sind hier nicht
            möglich. Webhooks gehen; für E-Mail wenden Sie sich an den Betrieb des Registers.
          </p>
        </Alert>
      )}
      {outcome ? (
        <Alert tone="success">
          <p className="kern-body">{outcome}</p>
        </Alert>
      ) : null}
      <ChannelForm
        label="E-Mail-Empfänger hinzufügen"
        addressLabel="E-Mail-Adresse"
        addressHint="Am besten ein Funktionspostfach, z. B. digitalisierung@kiel.de. Jede E-Mail enthält einen Link zum Abbestellen."
        addressType="email"
        addressField="email"
        addressMissing="Bitte geben Sie die E-Mail-Adresse an."
        choosable={choosable}
        disabled={!available}
        fetching={result.fetching}
        error={result.error}
        resetKey={resetKey}
        extra={
          <fieldset className="kern-fieldset">
            <legend className="kern-label">Zustellung</legend>
            <div className="kern-fieldset__body">
              {MODES.map((value, index) => (
                <div className="kern-form-check" key={value}>
                  <input
                    className="kern-form-check__radio"
                    type="radio"
                    id={`${modeId}-${index}`}
                    name={modeId}
                    value={value}
                    checked={mode === value}
                    aria-describedby={`${modeId}-${index}-hint`}
                    onChange={() => setMode(value)}
                  />
                  <label className="kern-label" htmlFor={`${modeId}-${index}`}>
                    {NOTIFICATION_DELIVERY_MODE[value]}
                  </label>
                  <div className="kern-hint" id={`${modeId}-${index}-hint`}>
                    {value === 'IMMEDIATE'
                      ? 'Eine E-Mail je Benachrichtigung, gleich wenn sie entsteht.'
                      : 'Eine E-Mail am Tag mit allen Benachrichtigungen des Vortags.'}
                  </div>
                </div>
              ))}
            </div>
          </fieldset>
        }
        onSubmit={(email, choice) => {
          setOutcome(null);
          void add(
            {
              input: {
                email,
                mode,
                kinds: choice.kinds,
                ...(choice.gateKinds.length > 0 ? { gateKinds: choice.gateKinds } : {}),
              },
            },
            REFRESH_SETTINGS,
          ).then((answer) => {
            const recipient = answer.data?.addEmailRecipient;
            if (recipient) {
              setOutcome(`${recipient.email ?? email} erhält ab jetzt Benachrichtigungen.`);
              setResetKey((n) => n + 1);
              setMode('IMMEDIATE');
            }
          });
        }}
      />
    </div>
  );
}
