import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { problemsOf } from '../graphql/errors';
import type { QaGateKind } from '../graphql/generated/enums';
import { Outcome } from '../subscriptions/action-form';
import { Problems } from '../ui/alert';
import { Field } from '../ui/field';
import { GATE_KIND } from '../ui/labels';
import { approvalCounts, GATE_KINDS, qaProblems, qaRules, type ApprovalCounts } from './service-form-model';
import { SetQaPolicyMutation } from './service-mutations';

type Rule = { kind: QaGateKind; requiredApprovals: number };

/** What each gate kind's reviewers look at, beside its name. */
const GATE_HINT: Record<QaGateKind, string> = {
  USABILITY: 'Barrierefreiheit (BITV 2.0) und Usability',
  SECURITY: 'Sicherheit der Version und ihres Betriebs',
  INTERFACES: 'Auswirkungen auf Schnittstellen und Nachnutzende',
};

/** The most approvals a gate may require (docs/domain.md, "Services": 1 to 5 per gate). */
const MAX_APPROVALS = 5;

export function approvalsText(count: number): string {
  return count === 0 ? 'nicht erforderlich' : count === 1 ? '1 Freigabe' : `${count} Freigaben`;
}

/** "Gebrauchstauglichkeit: 1 Freigabe; Sicherheit: 2 Freigaben; Schnittstellen: nicht erforderlich" */
export function policyText(rules: readonly Rule[]): string {
  const counts = approvalCounts(rules);
  return GATE_KINDS.map((kind) => `${GATE_KIND[kind]}: ${approvalsText(counts[kind])}`).join('; ');
}

/**
 * "QA-Richtlinie" (OPERATORs only): how many approvals each QA gate needs before a release of the
 * service can be approved, 0 meaning the gate is not required; saved by setQaPolicy for itself,
 * apart from the service's other fields. A release keeps the policy it was submitted under, so a
 * change affects releases submitted afterwards.
 */
export function QaPolicyForm({ serviceId, rules }: { serviceId: string; rules: readonly Rule[] }) {
  const ids = useId();
  const [counts, setCounts] = useState<ApprovalCounts>(() => approvalCounts(rules));
  const [none, setNone] = useState(false);
  const [saved, setSaved] = useState<readonly Rule[] | null>(null);
  const sent = useRef<Rule[]>([]);
  const [result, save] = useMutation(SetQaPolicyMutation);
  const { byKind, policy, others } = qaProblems(problemsOf(result.error), sent.current);
  const policyError = none
    ? 'Mindestens eine Prüfung muss erforderlich sein: wählen Sie für eine Prüfung 1 oder mehr Freigaben.'
    : policy;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  return (
    <form
      className="stack"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        const next = qaRules(counts);
        setNone(next.length === 0);
        setSaved(null);
        if (next.length === 0) {
          return;
        }
        sent.current = next;
        void save({ serviceId, rules: next }).then((answer) => {
          if (answer.data) {
            setSaved(answer.data.setQaPolicy.qaPolicy.rules);
          }
        });
      }}
    >
      {saved ? (
        <Outcome message="Die QA-Richtlinie ist gespeichert.">
          <p className="kern-body">
            {policyText(saved)}. Sie gilt für Versionen, die ab jetzt zur Prüfung eingereicht werden.
          </p>
        </Outcome>
      ) : null}
      <Problems problems={others} />
      <fieldset
        className={`kern-fieldset${policyError ? ' kern-fieldset--error' : ''}`}
        aria-describedby={[hintId, policyError ? errorId : null].filter(Boolean).join(' ')}
      >
        <legend className="kern-label">Erforderliche Freigaben je Prüfung</legend>
        <div className="kern-hint" id={hintId}>
          Wie viele Prüferinnen und Prüfer eine Version freigeben müssen, bevor sie veröffentlicht werden
          kann; 0 heißt, die Prüfung entfällt für diese Leistung. Versionen, die schon zur Prüfung eingereicht
          sind, behalten ihre Regeln.
        </div>
        {policyError ? (
          <p className="kern-error" id={errorId} role="alert">
            <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
            <span className="kern-body">{policyError}</span>
          </p>
        ) : null}
        <div className="kern-fieldset__body stack">
          {GATE_KINDS.map((kind) => (
            <Field key={kind} label={GATE_KIND[kind]} hint={GATE_HINT[kind]} error={byKind[kind]}>
              {(control) => (
                <div className="kern-form-input__select-wrapper">
                  <select
                    {...control}
                    className={`kern-form-input__select${byKind[kind] ? ' kern-form-input__select--error' : ''}`}
                    value={String(counts[kind])}
                    onChange={(event) => {
                      const value = Number(event.target.value);
                      setCounts((current) => ({ ...current, [kind]: value }));
                    }}
                  >
                    {Array.from({ length: MAX_APPROVALS + 1 }, (_, count) => (
                      <option key={count} value={count}>
                        {count === 0 ? '0 – nicht erforderlich' : approvalsText(count)}
                      </option>
                    ))}
                  </select>
                </div>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div>
        <button
          type="submit"
          className="kern-btn kern-btn--primary"
          aria-disabled={result.fetching || undefined}
        >
          <span className="kern-label">QA-Richtlinie speichern</span>
        </button>
      </div>
    </form>
  );
}
