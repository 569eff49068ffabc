import type { NotificationKind, QaGateKind } from '../graphql/generated/enums';
import { GATE_KIND, NOTIFICATION_KIND } from '../ui/labels';
import { Fieldset } from '../ui/field';

/** The order the kinds are offered in: as the labels list them. */
const KIND_ORDER = Object.keys(NOTIFICATION_KIND) as NotificationKind[];

export interface KindsChoice {
  kinds: NotificationKind[];
  gateKinds: QaGateKind[];
}

/**
 * A new channel's first choice: nothing, unless the viewer may choose only one kind (a reviewer:
 * the reviews waiting, of all its gate kinds).
 */
export function initialChoice(choosable: {
  kinds: NotificationKind[];
  gateKinds: QaGateKind[];
}): KindsChoice {
  return choosable.kinds.length === 1
    ? {
        kinds: [...choosable.kinds],
        gateKinds: choosable.kinds[0] === 'GATE_AWAITING_REVIEW' ? [...choosable.gateKinds] : [],
      }
    : { kinds: [], gateKinds: [] };
}

/** "Version veröffentlicht, Prüfung wartet (Sicherheit, Schnittstellen)" */
export function kindsText(kinds: readonly NotificationKind[], gateKinds: readonly QaGateKind[]): string {
  return KIND_ORDER.filter((kind) => kinds.includes(kind))
    .map((kind) =>
      kind === 'GATE_AWAITING_REVIEW' && gateKinds.length > 0
        ? `${NOTIFICATION_KIND[kind]} (${gateKinds.map((g) => GATE_KIND[g]).join(', ')})`
        : NOTIFICATION_KIND[kind],
    )
    .join(', ');
}

/**
 * The events a channel is told of, as checkboxes of the kinds the viewer may choose; once
 * "Prüfung wartet" is chosen, a second group asks for which gate kinds. Each group's error stands
 * at its legend and describes the group.
 */
export function KindsFields({
  idPrefix,
  choosable,
  value,
  errors,
  onChange,
}: {
  idPrefix: string;
  choosable: { kinds: NotificationKind[]; gateKinds: QaGateKind[] };
  value: KindsChoice;
  errors: { kinds?: string; gateKinds?: string };
  onChange: (value: KindsChoice) => void;
}) {
  const kinds = KIND_ORDER.filter((kind) => choosable.kinds.includes(kind));
  const toggle = <T,>(list: T[], item: T, on: boolean) =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);
  return (
    <>
      <CheckboxGroup
        id={kindsFieldId(idPrefix)}
        legend="Ereignisse"
        hint="Worüber dieser Kanal benachrichtigt wird; mindestens ein Ereignis."
        error={errors.kinds}
        options={kinds.map((kind) => ({ value: kind, label: NOTIFICATION_KIND[kind] }))}
        checked={value.kinds}
        onToggle={(kind, on) => {
          const next = toggle(value.kinds, kind as NotificationKind, on);
          onChange({
            kinds: next,
            gateKinds: next.includes('GATE_AWAITING_REVIEW')
              ? value.gateKinds.length > 0 || choosable.gateKinds.length !== 1
                ? value.gateKinds
                : [...choosable.gateKinds]
              : [],
          });
        }}
      />
      {value.kinds.includes('GATE_AWAITING_REVIEW') ? (
        <CheckboxGroup
          id={gateKindsFieldId(idPrefix)}
          legend="Prüfbereiche"
          hint="Für „Prüfung wartet“: die Prüfungen welcher Art; mindestens eine."
          error={errors.gateKinds}
          options={choosable.gateKinds.map((kind) => ({ value: kind, label: GATE_KIND[kind] }))}
          checked={value.gateKinds}
          onToggle={(kind, on) =>
            onChange({ ...value, gateKinds: toggle(value.gateKinds, kind as QaGateKind, on) })
          }
        />
      ) : null}
    </>
  );
}

export const kindsFieldId = (prefix: string) => `${prefix}-kinds`;
export const gateKindsFieldId = (prefix: string) => `${prefix}-gateKinds`;

/**
 * A KERN checkbox group: the legend names it, hint and error describe the group and the error is
 * announced; `id` is the first checkbox's, where the error summary's link puts the focus.
 */
function CheckboxGroup({
  id,
  legend,
  hint,
  error,
  options,
  checked,
  onToggle,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  options: { value: string; label: string }[];
  checked: readonly string[];
  onToggle: (value: string, on: boolean) => void;
}) {
  return (
    <Fieldset id={id} legend={legend} hint={hint} error={error} bodyClassName="checkbox-columns">
      {options.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${index}`;
        return (
          <div className={`kern-form-check${error ? ' kern-form-check--error' : ''}`} key={option.value}>
            <input
              className={`kern-form-check__checkbox${error ? ' kern-form-check__checkbox--error' : ''}`}
              type="checkbox"
              id={optionId}
              value={option.value}
              checked={checked.includes(option.value)}
              onChange={(event) => onToggle(option.value, event.target.checked)}
            />
            <label className="kern-label" htmlFor={optionId}>
              {option.label}
            </label>
          </div>
        );
      })}
    </Fieldset>
  );
}
