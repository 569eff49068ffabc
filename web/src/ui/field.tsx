import { useId } from 'react';

/**
 * A labelled KERN form field: hint and error tied to the control by aria-describedby, the error
 * announced when it appears, aria-invalid set. The control is rendered by `children(props)`.
 */
export function Field({
  id: givenId,
  label,
  hint,
  error,
  optional,
  children,
}: {
  /** The control's id, where something else points at it (an error summary's link); else generated. */
  id?: string;
  label: string;
  hint?: React.ReactNode;
  error?: string;
  optional?: boolean;
  children: (control: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => React.ReactNode;
}) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> – optional</span> : null}
      </label>
      <HintAndError id={id} hint={hint} error={error} />
      {children({
        id,
        'aria-describedby': describedBy(id, hint, error),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
    </div>
  );
}

/** The ids a control's (or a group's) hint and error get, and its aria-describedby. */
export function describedBy(id: string, hint?: React.ReactNode, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

/** A field's hint and its error (announced when it appears), with the ids `describedBy` names. */
function HintAndError({ id, hint, error }: { id: string; hint?: React.ReactNode; error?: string }) {
  return (
    <>
      {hint ? (
        <div className="kern-hint" id={`${id}-hint`}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="kern-error" id={`${id}-error`} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
    </>
  );
}

/**
 * A KERN fieldset for a group of radios or checkboxes: the legend names it, hint and error
 * describe the group and are announced; `id` is the first control's (the error summary links there).
 */
export function Fieldset({
  id,
  legend,
  hint,
  error,
  bodyClassName,
  children,
}: {
  id: string;
  legend: string;
  hint?: React.ReactNode;
  error?: string;
  bodyClassName?: string;
  children: React.ReactNode;
}) {
  return (
    <fieldset
      className={`kern-fieldset${error ? ' kern-fieldset--error' : ''}`}
      aria-describedby={describedBy(id, hint, error)}
    >
      <legend className="kern-label">{legend}</legend>
      <HintAndError id={id} hint={hint} error={error} />
      <div className={`kern-fieldset__body${bodyClassName ? ` ${bodyClassName}` : ''}`}>{children}</div>
    </fieldset>
  );
}

export function inputClass(error?: string): string {
  return `kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`;
}

export function Button({
  children,
  variant = 'primary',
  ...rest
}: React.ButtonHTMLAttributes<HTMLButtonElement> & { variant?: 'primary' | 'secondary' | 'tertiary' }) {
  return (
    <button type="button" className={`kern-btn kern-btn--${variant}`} {...rest}>
      <span className="kern-label">{children}</span>
    </button>
  );
}
