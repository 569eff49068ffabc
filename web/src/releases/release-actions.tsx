import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import type { ReleaseActionKind } from '../graphql/generated/enums';
import { FormButtons, Outcome, splitProblems, TextActionForm } from '../subscriptions/action-form';
import { Alert, Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import {
  DeprecateReleaseMutation,
  PublishReleaseMutation,
  SubmitReleaseMutation,
  UpdateReleaseArtifactMutation,
  WithdrawReleaseMutation,
} from './release-queries';

export interface ActionAvailability {
  action: ReleaseActionKind;
  allowed: boolean;
  reason?: string | null;
  message?: string | null;
}

/** The visible verbs, in the order of a release's life. WAIVE is offered per gate. */
export const ACTION_LABEL: Record<Exclude<ReleaseActionKind, 'WAIVE'>, string> = {
  SUBMIT: 'Einreichen',
  PUBLISH: 'Veröffentlichen',
  UPDATE_NOTES: 'Versionshinweise bearbeiten',
  UPDATE_CONTENTS: 'Änderungen und Schnittstellen bearbeiten',
  UPDATE_ARTIFACT: 'Artefakt ändern',
  WITHDRAW: 'Zurückziehen',
  DEPRECATE: 'Abkündigen',
};

const ORDER = Object.keys(ACTION_LABEL) as (keyof typeof ACTION_LABEL)[];

/** The next step of the workflow in a state: its refusal is shown at once, the others' on request. */
function nextStep(state: string): ReleaseActionKind | null {
  if (state === 'DRAFT') {
    return 'SUBMIT';
  }
  return state === 'IN_REVIEW' || state === 'APPROVED' || state === 'REJECTED' ? 'PUBLISH' : null;
}

/**
 * What the owner's maintainer (or the operator) may do with the release now, as the API answers
 * it in `Release.actions` from the rules that the mutations enforce: a button for each allowed
 * action, and for each other one the API's reason in German.
 */
export function ReleaseActions({
  release,
  slug,
  actions,
}: {
  release: { id: string; version: string; state: string };
  slug: string;
  actions: ActionAvailability[];
}) {
  const [open, setOpen] = useState<ReleaseActionKind | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [submitResult, submit] = useMutation(SubmitReleaseMutation);
  const [publishResult, publish] = useMutation(PublishReleaseMutation);
  const headingId = useId();
  const shown = ORDER.map((action) => actions.find((a) => a.action === action)).filter(
    (a): a is ActionAvailability => Boolean(a),
  );
  if (shown.length === 0) {
    return null;
  }
  const allowed = shown.filter((a) => a.allowed);
  const next = nextStep(release.state);
  const refusedMain = shown.filter((a) => !a.allowed && a.action === next);
  const refusedOther = shown.filter((a) => !a.allowed && !refusedMain.includes(a));
  const done = (message: string) => {
    setOpen(null);
    setOutcome(message);
  };
  const editPath = `/leistungen/${encodeURIComponent(slug)}/versionen/${encodeURIComponent(release.version)}/bearbeiten`;

  const run = (action: ReleaseActionKind) => {
    setOutcome(null);
    if (action === 'SUBMIT' && !submitResult.fetching) {
      void submit({ id: release.id }).then((answer) => {
        if (answer.data) {
          done(
            `Version ${release.version} ist eingereicht. Die Prüfungen stehen jetzt in der Warteschlange der Prüferinnen und Prüfer.`,
          );
        }
      });
    } else if (action === 'PUBLISH' && !publishResult.fetching) {
      void publish({ id: release.id }).then((answer) => {
        if (answer.data) {
          done(`Version ${release.version} ist veröffentlicht. Kommunen können sie jetzt nachnutzen.`);
        }
      });
    } else {
      setOpen(open === action ? null : action);
    }
  };

  return (
    <section className="stack" aria-labelledby={headingId}>
      <h2 className="kern-heading-large" id={headingId}>
        Aktionen
      </h2>
      {outcome ? <Outcome message={outcome} /> : null}
      <Problems
        problems={[
          ...splitProblems(submitResult.error, '', false).others,
          ...splitProblems(publishResult.error, '', false).others,
        ]}
      />
      {allowed.length > 0 ? (
        <div className="inline-actions">
          {allowed.map((a) =>
            a.action === 'UPDATE_NOTES' || a.action === 'UPDATE_CONTENTS' ? null : (
              <Button
                key={a.action}
                variant={a.action === 'SUBMIT' || a.action === 'PUBLISH' ? 'primary' : 'secondary'}
                aria-expanded={
                  a.action === 'SUBMIT' || a.action === 'PUBLISH' ? undefined : open === a.action
                }
                onClick={() => run(a.action)}
              >
                {ACTION_LABEL[a.action as keyof typeof ACTION_LABEL]}
              </Button>
            ),
          )}
          {allowed.some((a) => a.action === 'UPDATE_NOTES' || a.action === 'UPDATE_CONTENTS') ? (
            <Link className="kern-btn kern-btn--secondary" to={editPath}>
              <span className="kern-label">Bearbeiten</span>
            </Link>
          ) : null}
        </div>
      ) : null}
      {refusedMain.map((a) => (
        <p className="kern-body" key={a.action}>
          <strong>{ACTION_LABEL[a.action as keyof typeof ACTION_LABEL]} ist noch nicht möglich:</strong>{' '}
          {a.message}
        </p>
      ))}
      {open === 'WITHDRAW' ? (
        <WithdrawForm release={release} onDone={done} onCancel={() => setOpen(null)} />
      ) : null}
      {open === 'DEPRECATE' ? (
        <DeprecateForm release={release} onDone={done} onCancel={() => setOpen(null)} />
      ) : null}
      {open === 'UPDATE_ARTIFACT' ? (
        <ArtifactForm release={release} onDone={done} onCancel={() => setOpen(null)} />
      ) : null}
      {refusedOther.length > 0 ? (
        <details className="kern-body">
          <summary>Warum manche Aktionen fehlen</summary>
          <ul className="kern-list">
            {refusedOther.map((a) => (
              <li key={a.action}>
                {ACTION_LABEL[a.action as keyof typeof ACTION_LABEL]}: {a.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}

function useReasonAction(
  mutation: typeof WithdrawReleaseMutation | typeof DeprecateReleaseMutation,
  id: string,
  onDone: () => void,
) {
  const [result, run] = useMutation(mutation);
  return {
    fetching: result.fetching,
    error: result.error,
    onSubmit: (reason: string) =>
      void run({ id, reason }).then((answer) => {
        if (answer.data) {
          onDone();
        }
      }),
  };
}

function WithdrawForm({
  release,
  onDone,
  onCancel,
}: {
  release: { id: string; version: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const action = useReasonAction(WithdrawReleaseMutation, release.id, () =>
    onDone(`Version ${release.version} ist zurückgezogen.`),
  );
  return (
    <TextActionForm
      title={`Version ${release.version} zurückziehen`}
      intro={
        <p className="kern-body">Eine zurückgezogene Version wird nie veröffentlicht; das ist endgültig.</p>
      }
      label="Grund"
      field="reason"
      submitLabel="Zurückziehen"
      onCancel={onCancel}
      {...action}
    />
  );
}

function DeprecateForm({
  release,
  onDone,
  onCancel,
}: {
  release: { id: string; version: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const action = useReasonAction(DeprecateReleaseMutation, release.id, () =>
    onDone(`Version ${release.version} ist abgekündigt und nicht mehr Ziel einer Nachnutzung.`),
  );
  return (
    <TextActionForm
      title={`Version ${release.version} abkündigen`}
      intro={
        <p className="kern-body">
          Die Version bleibt veröffentlicht, wird aber keiner Kommune mehr als Ziel angeboten. Wer sie
          einsetzt, sieht den Grund.
        </p>
      }
      label="Grund"
      field="reason"
      submitLabel="Abkündigen"
      onCancel={onCancel}
      {...action}
    />
  );
}

/** A new artifact: every sign-off becomes outdated, so the page says so before it is sent. */
function ArtifactForm({
  release,
  onDone,
  onCancel,
}: {
  release: { id: string; version: string };
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [result, update] = useMutation(UpdateReleaseArtifactMutation);
  const [digest, setDigest] = useState('');
  const [url, setUrl] = useState('');
  const headingId = useId();
  const digestProblem = splitProblems(result.error, 'artifactDigest', false).fieldProblem;
  const urlProblem = splitProblems(result.error, 'artifactUrl', false).fieldProblem;
  const others = splitProblems(result.error, '', false).others.filter(
    (p) => p !== digestProblem && p !== urlProblem,
  );
  return (
    <form
      className="action-form stack"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        void update({ id: release.id, artifactDigest: digest.trim(), artifactUrl: url.trim() || null }).then(
          (answer) => {
            if (answer.data) {
              onDone(
                `Das Artefakt von Version ${release.version} ist geändert. Bisherige Freigaben gelten als veraltet.`,
              );
            }
          },
        );
      }}
    >
      <h3 className="kern-heading-small" id={headingId}>
        Artefakt von Version {release.version} ändern
      </h3>
      <Alert tone="warning" title="Freigaben werden veraltet">
        <p className="kern-body">
          Mit einem neuen Artefakt gelten alle bisherigen Freigaben und Ablehnungen als veraltet und zählen
          nicht mehr: Die Prüfungen beginnen von vorn. Ausnahmen bleiben bestehen.
        </p>
      </Alert>
      <Problems problems={others} />
      <Field
        label="Prüfsumme (SHA-256)"
        hint="sha256: und 64 Hexadezimalziffern"
        error={digestProblem?.message}
      >
        {(props) => (
          <input
            type="text"
            className={inputClass(digestProblem?.message)}
            value={digest}
            onChange={(e) => setDigest(e.target.value)}
            autoFocus
            spellCheck={false}
            {...props}
          />
        )}
      </Field>
      <Field label="Adresse des Artefakts (https)" optional error={urlProblem?.message}>
        {(props) => (
          <input
            type="url"
            className={inputClass(urlProblem?.message)}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            {...props}
          />
        )}
      </Field>
      <FormButtons submitLabel="Artefakt ändern" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
