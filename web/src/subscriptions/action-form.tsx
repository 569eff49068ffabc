import { useEffect, useId, useRef, useState } from 'react';
import type { CombinedError } from 'urql';
import { problemFor, problemsOf, type ApiProblem } from '../graphql/errors';
import { Alert, Problems } from '../ui/alert';
import { Button, Field, inputClass } from '../ui/field';

/**
 * The problems of a form's answer, split: the one for `field` (by the API's extensions.field; in a
 * form with that one field also a BAD_USER_INPUT that names none, such as a value the scalar
 * refused) to show next to it, the rest for the form's summary.
 */
export function splitProblems(
  error: CombinedError | undefined,
  field: string,
  onlyField = true,
): { fieldProblem?: ApiProblem; others: ApiProblem[] } {
  const problems = problemsOf(error);
  const fieldProblem =
    problemFor(problems, field) ??
    (onlyField ? problems.find((p) => p.code === 'BAD_USER_INPUT' && !p.field) : undefined);
  return { fieldProblem, others: problems.filter((p) => p !== fieldProblem) };
}

/** What an action achieved, announced and focused so that keyboard and screen reader go on from it. */
export function Outcome({
  message,
  children,
  tone = 'success',
}: {
  message: string;
  children?: React.ReactNode;
  tone?: 'success' | 'info';
}) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, [message]);
  return (
    <div ref={box} tabIndex={-1} className="outcome">
      <Alert tone={tone}>
        <p className="kern-body">{message}</p>
        {children}
      </Alert>
    </div>
  );
}

/**
 * One action's form in place (below the row or panel it belongs to): an explanation, one text
 * field (a reason, or an optional reference), the confirming button and "Abbrechen". The first
 * field takes the focus when the form opens.
 */
export function TextActionForm({
  title,
  intro,
  label,
  field,
  optional = false,
  multiline = true,
  requiredMessage = 'Bitte geben Sie einen Grund an.',
  submitLabel,
  fetching,
  error,
  onSubmit,
  onCancel,
}: {
  title: string;
  intro?: React.ReactNode;
  label: string;
  /** The API's argument name, for its problems (e.g. "reason"). */
  field: string;
  optional?: boolean;
  multiline?: boolean;
  requiredMessage?: string;
  submitLabel: string;
  fetching: boolean;
  error?: CombinedError;
  onSubmit: (value: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState('');
  const [missing, setMissing] = useState(false);
  const headingId = useId();
  const control = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const { fieldProblem, others } = splitProblems(error, field);
  const fieldError = missing ? requiredMessage : fieldProblem?.message;

  return (
    <form
      className="action-form stack"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (fetching) {
          return;
        }
        if (!optional && value.trim() === '') {
          setMissing(true);
          control.current?.focus();
          return;
        }
        setMissing(false);
        onSubmit(value.trim());
      }}
    >
      <h3 className="kern-heading-small" id={headingId}>
        {title}
      </h3>
      {intro ? <div className="kern-body">{intro}</div> : null}
      <Problems problems={others} />
      <Field label={label} optional={optional} error={fieldError}>
        {(props) =>
          multiline ? (
            <textarea
              ref={control}
              className={inputClass(fieldError)}
              rows={3}
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
              {...props}
            />
          ) : (
            <input
              ref={control}
              className={inputClass(fieldError)}
              type="text"
              value={value}
              onChange={(event) => setValue(event.target.value)}
              autoFocus
              {...props}
            />
          )
        }
      </Field>
      <FormButtons submitLabel={submitLabel} fetching={fetching} onCancel={onCancel} />
    </form>
  );
}

export function FormButtons({
  submitLabel,
  fetching,
  onCancel,
}: {
  submitLabel: string;
  fetching: boolean;
  onCancel: () => void;
}) {
  return (
    <div className="inline-actions">
      <button type="submit" className="kern-btn kern-btn--primary" aria-disabled={fetching || undefined}>
        <span className="kern-label">{submitLabel}</span>
      </button>
      <Button variant="secondary" onClick={onCancel}>
        Abbrechen
      </Button>
    </div>
  );
}
