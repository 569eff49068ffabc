import type { ApiProblem } from '../graphql/errors';
import { adviceFor } from '../graphql/errors';
import { Alert } from './alert';

/**
 * A form's problems at its top, after a submit that did not go through: each field's error as a
 * link that moves the focus to that field (the messages also stand at the fields), then the
 * problems no field owns, with what to do. The form focuses it (tabIndex -1) and it is announced
 * (role="alert"), so keyboard and screen reader start from it. The links move the focus
 * themselves: a change of the address's fragment would count as a navigation for the router.
 */
export function ErrorSummary({
  title = 'Bitte prüfen Sie Ihre Angaben',
  fields,
  problems,
  ref,
}: {
  title?: string;
  fields: { id: string; label: string; message: string }[];
  problems: ApiProblem[];
  ref?: React.Ref<HTMLDivElement>;
}) {
  if (fields.length === 0 && problems.length === 0) {
    return null;
  }
  return (
    <div ref={ref} tabIndex={-1} className="outcome error-summary">
      <Alert tone="danger" title={title}>
        {fields.length > 0 ? (
          <ul className="kern-list">
            {fields.map((field) => (
              <li key={field.id} className="kern-body">
                <a
                  className="kern-link"
                  href={`#${field.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(field.id)?.focus();
                  }}
                >
                  {field.label}: {field.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        {problems.map((problem, index) => (
          <p className="kern-body" key={index}>
            {problem.message}
            {adviceFor(problem) ? ` ${adviceFor(problem)}` : ''}
          </p>
        ))}
      </Alert>
    </div>
  );
}
