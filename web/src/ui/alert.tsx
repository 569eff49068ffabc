import type { ApiProblem } from '../graphql/errors';
import { adviceFor } from '../graphql/errors';

type Tone = 'info' | 'success' | 'warning' | 'danger';

const ICON: Record<Tone, string> = { info: 'info', success: 'success', warning: 'warning', danger: 'danger' };
const TITLE: Record<Tone, string> = {
  info: 'Hinweis',
  success: 'Erledigt',
  warning: 'Achtung',
  danger: 'Fehler',
};

/** A KERN alert. Danger and success are announced (role="alert" / "status"). */
export function Alert({ tone, title, children }: { tone: Tone; title?: string; children?: React.ReactNode }) {
  return (
    <div className={`kern-alert kern-alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <div className="kern-alert__header">
        <span className={`kern-icon kern-icon--${ICON[tone]}`} aria-hidden="true" />
        <span className="kern-title">{title ?? TITLE[tone]}</span>
      </div>
      {children ? <div className="kern-alert__body">{children}</div> : null}
    </div>
  );
}

/** The API's problems in plain German, each with what to do. */
export function Problems({
  problems,
  title = 'Das hat nicht geklappt',
}: {
  problems: ApiProblem[];
  title?: string;
}) {
  if (problems.length === 0) {
    return null;
  }
  return (
    <Alert tone="danger" title={title}>
      {problems.map((problem, index) => (
        <p className="kern-body" key={index}>
          {problem.message}
          {adviceFor(problem) ? ` ${adviceFor(problem)}` : ''}
        </p>
      ))}
    </Alert>
  );
}

export function Loading({ label = 'Wird geladen …' }: { label?: string }) {
  return (
    <p className="kern-body" role="status" aria-live="polite">
      {label}
    </p>
  );
}
