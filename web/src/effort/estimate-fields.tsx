import { Fieldset, Field, inputClass } from '../ui/field';
import type { EstimateProblems, EstimateText } from './hours';

const PARTS: { key: keyof EstimateText; label: string; hint: string }[] = [
  { key: 'optimistic', label: 'Optimistisch (Stunden)', hint: 'Wenn alles glatt geht' },
  { key: 'likely', label: 'Wahrscheinlich (Stunden)', hint: 'Was Sie erwarten' },
  { key: 'pessimistic', label: 'Pessimistisch (Stunden)', hint: 'Wenn vieles schiefgeht' },
];

/**
 * A three-point estimate (PERT: optimistic ≤ most likely ≤ pessimistic) as three labelled fields
 * in one fieldset; each field's problem stands at it. `apiProblem` is the API's, for the group.
 */
export function EstimateFields({
  id,
  legend,
  hint,
  value,
  problems,
  apiProblem,
  onChange,
}: {
  id: string;
  legend: string;
  hint?: string;
  value: EstimateText;
  problems: EstimateProblems;
  apiProblem?: string;
  onChange: (value: EstimateText) => void;
}) {
  return (
    <Fieldset
      id={`${id}-optimistic`}
      legend={legend}
      hint={hint}
      error={apiProblem}
      bodyClassName="form-grid"
    >
      {PARTS.map((part) => (
        <Field
          key={part.key}
          id={`${id}-${part.key}`}
          label={part.label}
          hint={part.hint}
          error={problems[part.key]}
        >
          {(props) => (
            <input
              type="text"
              inputMode="decimal"
              className={inputClass(problems[part.key])}
              value={value[part.key]}
              onChange={(event) => onChange({ ...value, [part.key]: event.target.value })}
              {...props}
            />
          )}
        </Field>
      ))}
    </Fieldset>
  );
}
