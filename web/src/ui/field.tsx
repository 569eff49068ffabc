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
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> – optional</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error ? (
        <p className="kern-error" id={errorId} role="alert">
          <span className="kern-icon kern-icon--danger kern-icon--small" aria-hidden="true" />
          <span className="kern-body">{error}</span>
        </p>
      ) : null}
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true as const } : {}) })}
    </div>
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
