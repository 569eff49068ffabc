import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import type { QaGateKind, Verdict } from '../graphql/generated/enums';
import type { GateFieldsFragment } from '../graphql/generated/graphql';
import { FormButtons, Outcome, splitProblems } from '../subscriptions/action-form';
import { Badge } from '../subscriptions/state-badge';
import { Alert, Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';
import { formatDate, formatDateTime, GATE_KIND, GATE_STATUS, VERDICT } from '../ui/labels';
import { gateMissing, type ImpactFacts } from './gate-reason';
import { SignOffMutation, WaiveGateMutation } from './release-queries';
import { TableHead } from '../ui/table-head';

const STATUS_TONE = { PASSED: 'success', WAIVED: 'success', FAILED: 'danger', PENDING: 'info' } as const;

/** What the API's refusal reasons mean for the reader, where its message is not enough. */
export const FOUR_EYES_SENTENCE =
  'Sie haben diese Version erstellt. Nach dem Vier-Augen-Prinzip prüfen andere sie; deshalb können Sie hier weder freigeben noch ablehnen.';

/**
 * One QA gate of a release: its status, approvals, what is missing (in German, from the gate's
 * fields), its sign-offs (outdated ones marked), its waiver, and the actions the viewer may take
 * on it: "Freigeben" and "Ablehnen" for a reviewer of its kind, "Ausnahme erteilen" for the
 * operator; for the release's creator the sentence why there is no button.
 */
export function GateSection({
  gate,
  releaseId,
  version,
  impact,
  mayWaive,
}: {
  gate: GateFieldsFragment;
  releaseId: string;
  version: string;
  impact: ImpactFacts | null;
  mayWaive: boolean;
}) {
  const [open, setOpen] = useState<Verdict | 'WAIVE' | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  const headingId = useId();
  const missing = gateMissing(gate, impact);
  const kind = GATE_KIND[gate.kind];
  const done = (message: string) => {
    setOpen(null);
    setOutcome(message);
  };

  return (
    <section className="gate stack" aria-labelledby={headingId}>
      <h3 className="kern-heading-medium" id={headingId}>
        Prüfung {kind}
      </h3>
      <p className="kern-body">
        <Badge tone={STATUS_TONE[gate.status]}>{GATE_STATUS[gate.status]}</Badge>{' '}
        {gate.requiredApprovals === 1
          ? `${gate.approvals} von 1 nötigen Freigabe`
          : `${gate.approvals} von ${gate.requiredApprovals} nötigen Freigaben`}
        {gate.pendingSince && gate.status === 'PENDING'
          ? `, wartet seit ${formatDateTime(gate.pendingSince)}`
          : ''}
      </p>
      {missing.length > 0 ? (
        <div className="kern-body">
          <strong>Was fehlt:</strong>
          <ul className="kern-list">
            {missing.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {gate.waiver ? (
        <Alert
          tone={gate.waiver.expired ? 'warning' : 'info'}
          title={gate.waiver.expired ? 'Ausnahme abgelaufen' : 'Ausnahme erteilt'}
        >
          <p className="kern-body">
            {`${gate.waiver.expired ? 'War gültig' : 'Gültig'} bis ${formatDate(gate.waiver.expiresAt)}, erteilt von ${gate.waiver.grantedBy.name ?? gate.waiver.grantedBy.id}, Vorgang ${gate.waiver.ticket}.`}
          </p>
          <p className="kern-body">Begründung: {gate.waiver.reason}</p>
        </Alert>
      ) : null}
      <SignOffsTable gate={gate} kind={kind} />
      {outcome ? <Outcome message={outcome} /> : null}
      {gate.hold === 'SEMVER_INCONSISTENT' && gate.viewerMaySignOff ? (
        <Alert tone="warning" title="Ihre Freigabe ändert den Status nicht">
          <p className="kern-body">
            Solange die Versionsnummer nicht zu den Änderungen passt, bleibt diese Prüfung offen, auch mit
            allen Freigaben. Sie können trotzdem freigeben oder ablehnen; Ihr Votum wird gespeichert.
          </p>
        </Alert>
      ) : null}
      {gate.viewerMaySignOff ? (
        <div className="inline-actions">
          <Button
            variant="primary"
            aria-expanded={open === 'APPROVE'}
            onClick={() => setOpen(open === 'APPROVE' ? null : 'APPROVE')}
          >
            Freigeben
          </Button>
          <Button
            variant="secondary"
            aria-expanded={open === 'REJECT'}
            onClick={() => setOpen(open === 'REJECT' ? null : 'REJECT')}
          >
            Ablehnen
          </Button>
        </div>
      ) : gate.signOffRefusal === 'FOUR_EYES' ? (
        <p className="kern-body">{FOUR_EYES_SENTENCE}</p>
      ) : null}
      {mayWaive && gate.status !== 'PASSED' ? (
        <div className="inline-actions">
          <Button
            variant="secondary"
            aria-expanded={open === 'WAIVE'}
            onClick={() => setOpen(open === 'WAIVE' ? null : 'WAIVE')}
          >
            Ausnahme erteilen
          </Button>
        </div>
      ) : null}
      {open === 'APPROVE' || open === 'REJECT' ? (
        <SignOffForm
          verdict={open}
          releaseId={releaseId}
          kind={gate.kind}
          title={`${open === 'APPROVE' ? 'Freigeben' : 'Ablehnen'}: Prüfung ${kind} von Version ${version}`}
          onDone={(message) => done(message)}
          onCancel={() => setOpen(null)}
        />
      ) : null}
      {open === 'WAIVE' ? (
        <WaiverForm
          releaseId={releaseId}
          kind={gate.kind}
          title={`Ausnahme erteilen: Prüfung ${kind} von Version ${version}`}
          onDone={done}
          onCancel={() => setOpen(null)}
        />
      ) : null}
    </section>
  );
}

function SignOffsTable({ gate, kind }: { gate: GateFieldsFragment; kind: string }) {
  if (gate.signOffs.length === 0) {
    return <p className="kern-body">Noch niemand hat diese Prüfung abgezeichnet.</p>;
  }
  return (
    <div className="kern-table-responsive">
      <table className="kern-table">
        <caption className="kern-sr-only">Voten zur Prüfung {kind}, älteste zuerst</caption>
        <TableHead columns={['Prüfer/in', 'Votum', 'Kommentar', 'Am', 'Gilt']} />
        <tbody className="kern-table__body">
          {gate.signOffs.map((signOff) => (
            <tr className="kern-table__row" key={signOff.id}>
              <th scope="row" className="kern-table__header">
                {signOff.reviewer.name ?? signOff.reviewer.id}
                {signOff.reviewer.organisation ? (
                  <span className="kern-body kern-body--small cell-note">
                    {signOff.reviewer.organisation.name}
                  </span>
                ) : null}
              </th>
              <td className="kern-table__cell">
                <Badge tone={signOff.verdict === 'APPROVE' ? 'success' : 'danger'}>
                  {VERDICT[signOff.verdict]}
                </Badge>
              </td>
              <td className="kern-table__cell">
                {signOff.comment ?? '–'}
                {signOff.evidenceUrl ? (
                  <span className="cell-note">
                    <a className="kern-link" href={signOff.evidenceUrl} rel="noopener noreferrer">
                      Nachweis
                    </a>
                  </span>
                ) : null}
              </td>
              <td className="kern-table__cell">{formatDateTime(signOff.createdAt)}</td>
              <td className="kern-table__cell">
                {signOff.outdated ? (
                  <Badge tone="warning">Veraltet: galt einem früheren Artefakt</Badge>
                ) : (
                  'Ja'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Freigeben" or "Ablehnen" with a comment (a rejection needs one: the maintainer must learn why). */
function SignOffForm({
  verdict,
  releaseId,
  kind,
  title,
  onDone,
  onCancel,
}: {
  verdict: Verdict;
  releaseId: string;
  kind: QaGateKind;
  title: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [result, signOff] = useMutation(SignOffMutation);
  const [comment, setComment] = useState('');
  const [evidenceUrl, setEvidenceUrl] = useState('');
  const headingId = useId();
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const problems = splitProblems(result.error, 'comment', false);
  const urlProblem = splitProblems(result.error, 'evidenceUrl', false).fieldProblem;
  const others = problems.others.filter((p) => p !== urlProblem);
  const rejecting = verdict === 'REJECT';

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
        void signOff({
          input: {
            releaseId,
            kind,
            verdict,
            comment: comment.trim() || null,
            evidenceUrl: evidenceUrl.trim() || null,
          },
        }).then((answer) => {
          if (answer.data) {
            const gate = answer.data.signOff;
            onDone(
              rejecting
                ? 'Ihre Ablehnung ist gespeichert. Die Maintainer sehen Ihre Begründung bei der Version.'
                : gate.hold === 'SEMVER_INCONSISTENT'
                  ? 'Ihre Freigabe ist gespeichert, ändert den Status der Prüfung aber nicht: Die Versionsnummer passt nicht zu den Änderungen.'
                  : 'Ihre Freigabe ist gespeichert.',
            );
          } else if (problems.fieldProblem) {
            commentRef.current?.focus();
          }
        });
      }}
    >
      <h4 className="kern-heading-small" id={headingId}>
        {title}
      </h4>
      <Problems problems={others} />
      <Field
        label={rejecting ? 'Begründung' : 'Kommentar'}
        optional={!rejecting}
        hint={rejecting ? 'Was muss sich ändern, damit Sie freigeben können?' : undefined}
        error={problems.fieldProblem?.message}
      >
        {(props) => (
          <textarea
            ref={commentRef}
            className={inputClass(problems.fieldProblem?.message)}
            rows={4}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            autoFocus
            {...props}
          />
        )}
      </Field>
      <Field label="Nachweis (Link, https)" optional error={urlProblem?.message}>
        {(props) => (
          <input
            type="url"
            className={inputClass(urlProblem?.message)}
            value={evidenceUrl}
            onChange={(event) => setEvidenceUrl(event.target.value)}
            {...props}
          />
        )}
      </Field>
      <FormButtons
        submitLabel={rejecting ? 'Ablehnung speichern' : 'Freigabe speichern'}
        fetching={result.fetching}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The last day a waiver may run: the API allows 366 days from now, the form offers whole days within. */
export function latestWaiverDay(now: Date): string {
  const last = new Date(now.getTime() + 365 * 86_400_000);
  return last.toISOString().slice(0, 10);
}

/** The operator's "Ausnahme erteilen": reason, ticket and expiry (end of the chosen day, Berlin time). */
function WaiverForm({
  releaseId,
  kind,
  title,
  onDone,
  onCancel,
}: {
  releaseId: string;
  kind: QaGateKind;
  title: string;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const [result, waive] = useMutation(WaiveGateMutation);
  const [reason, setReason] = useState('');
  const [ticket, setTicket] = useState('');
  const [until, setUntil] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const headingId = useId();
  const latest = latestWaiverDay(new Date());
  const problem = (field: string) =>
    missing[field] ?? splitProblems(result.error, field, false).fieldProblem?.message;
  const known = ['reason', 'ticket', 'expiresAt'].map(
    (f) => splitProblems(result.error, f, false).fieldProblem,
  );
  const others = splitProblems(result.error, '', false).others.filter((p) => !known.includes(p));

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
        const absent: Record<string, string> = {};
        if (!reason.trim()) {
          absent.reason = 'Bitte begründen Sie die Ausnahme.';
        }
        if (!ticket.trim()) {
          absent.ticket = 'Bitte geben Sie den Vorgang an, in dem die Ausnahme entschieden wurde.';
        }
        if (!until) {
          absent.expiresAt = 'Bitte wählen Sie, bis wann die Ausnahme gilt.';
        }
        setMissing(absent);
        if (Object.keys(absent).length > 0) {
          return;
        }
        // The end of the chosen day in Berlin: 23:59 local time.
        const expiresAt = new Date(`${until}T23:59:00`).toISOString();
        void waive({
          input: { releaseId, kind, reason: reason.trim(), ticket: ticket.trim(), expiresAt },
        }).then((answer) => {
          if (answer.data) {
            onDone(`Die Ausnahme gilt bis ${formatDate(expiresAt)}.`);
          }
        });
      }}
    >
      <h4 className="kern-heading-small" id={headingId}>
        {title}
      </h4>
      <p className="kern-body">
        Eine Ausnahme übergeht die Voten dieser Prüfung, auch Ablehnungen. Sie gilt höchstens 366 Tage.
      </p>
      <Problems problems={others} />
      <Field label="Begründung" error={problem('reason')}>
        {(props) => (
          <textarea
            className={inputClass(problem('reason'))}
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            {...props}
          />
        )}
      </Field>
      <Field label="Vorgang (Ticket)" hint="Zum Beispiel OPS-1234" error={problem('ticket')}>
        {(props) => (
          <input
            type="text"
            className={inputClass(problem('ticket'))}
            value={ticket}
            onChange={(e) => setTicket(e.target.value)}
            {...props}
          />
        )}
      </Field>
      <Field label="Gilt bis" hint={`Spätestens ${formatDate(latest)}`} error={problem('expiresAt')}>
        {(props) => (
          <input
            type="date"
            className={inputClass(problem('expiresAt'))}
            max={latest}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            {...props}
          />
        )}
      </Field>
      <FormButtons submitLabel="Ausnahme erteilen" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
