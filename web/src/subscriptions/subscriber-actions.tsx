import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../graphql/generated';
import { Loading, Problems } from '../ui/alert';
import { Field } from '../ui/field';
import { FormButtons, splitProblems, TextActionForm } from './action-form';
import type { SubscriptionView } from './subscription-fields';
import {
  ChangeSubscriptionRangeMutation,
  ReportDeploymentMutation,
  TerminateSubscriptionMutation,
} from './subscription-mutations';
import { VersionRangeField } from './version-range-field';

const DeployableVersionsQuery = graphql(`
  query DeployableVersions($serviceSlug: String!, $range: String!) {
    resolveVersionRange(serviceSlug: $serviceSlug, range: $range) {
      range
      version
      deployableVersions
    }
  }
`);

interface ActionProps {
  subscription: SubscriptionView;
  onDone: (message: string) => void;
  onCancel: () => void;
}

/**
 * "Einsatz melden": which published version of the range the municipality runs now. The choice is
 * what the API accepts for the range (resolveVersionRange's deployableVersions).
 */
export function ReportDeploymentForm({ subscription, onDone, onCancel }: ActionProps) {
  const s = subscription;
  const [{ data, error: loadError }] = useQuery({
    query: DeployableVersionsQuery,
    variables: { serviceSlug: s.service.slug, range: s.versionRange },
  });
  const [chosen, setChosen] = useState<string | null>(null);
  const [result, report] = useMutation(ReportDeploymentMutation);
  const headingId = useId();
  const { fieldProblem, others } = splitProblems(result.error, 'version');
  const versions = data?.resolveVersionRange?.deployableVersions ?? [];
  const target = s.targetRelease?.version ?? null;
  const initial = target && versions.includes(target) ? target : (versions[0] ?? '');
  const version = chosen ?? initial;

  return (
    <form
      className="action-form stack"
      aria-labelledby={headingId}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching || !version) {
          return;
        }
        void report({ subscriptionId: s.id, version }).then((answer) => {
          const updated = answer.data?.reportDeployment;
          if (updated) {
            onDone(
              `Einsatz gespeichert: Ihre Organisation setzt „${s.service.name}“ in Version ${version} ein.` +
                (updated.upgradeAvailable && updated.targetRelease
                  ? ` Update verfügbar: Version ${updated.targetRelease.version}.`
                  : ''),
            );
          }
        });
      }}
    >
      <h3 className="kern-heading-small" id={headingId}>
        Einsatz melden: {s.service.name}
      </h3>
      <Problems problems={[...splitProblems(loadError, '', false).others, ...others]} />
      {!data && !loadError ? (
        <Loading label="Versionen werden geladen …" />
      ) : versions.length === 0 ? (
        <p className="kern-body">Im Versionsbereich {s.versionRange} ist keine Version veröffentlicht.</p>
      ) : (
        <Field
          label="Eingesetzte Version"
          hint={`Die veröffentlichten Versionen im Bereich ${s.versionRange}.`}
          error={fieldProblem?.message}
        >
          {(control) => (
            <div className="kern-form-input__select-wrapper">
              <select
                className="kern-form-input__select"
                value={version}
                onChange={(event) => setChosen(event.target.value)}
                autoFocus
                {...control}
              >
                {versions.map((v) => (
                  <option key={v} value={v}>
                    {v}
                    {v === target ? ' (Zielversion)' : ''}
                    {v === s.deployedVersion ? ' (derzeit gemeldet)' : ''}
                  </option>
                ))}
              </select>
            </div>
          )}
        </Field>
      )}
      <FormButtons submitLabel="Einsatz speichern" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}

/** "Versionsbereich ändern", with the same live resolution as the request. */
export function ChangeRangeForm({ subscription, onDone, onCancel }: ActionProps) {
  const s = subscription;
  const [range, setRange] = useState(s.versionRange);
  const [result, change] = useMutation(ChangeSubscriptionRangeMutation);
  const headingId = useId();
  const { fieldProblem, others } = splitProblems(result.error, 'versionRange');
  const [missing, setMissing] = useState(false);
  const rangeError = missing
    ? 'Bitte geben Sie einen Versionsbereich an, zum Beispiel ^1.0.0.'
    : fieldProblem?.message;

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
        if (range.trim() === '') {
          setMissing(true);
          return;
        }
        setMissing(false);
        void change({ id: s.id, versionRange: range.trim() }).then((answer) => {
          const updated = answer.data?.changeSubscriptionRange;
          if (updated) {
            onDone(
              `Der Versionsbereich für „${s.service.name}“ ist jetzt ${updated.versionRange}` +
                (updated.targetRelease ? ` (Zielversion ${updated.targetRelease.version}).` : '.'),
            );
          }
        });
      }}
    >
      <h3 className="kern-heading-small" id={headingId}>
        Versionsbereich ändern: {s.service.name}
      </h3>
      <Problems problems={others} />
      <VersionRangeField
        serviceSlug={s.service.slug}
        value={range}
        onChange={setRange}
        error={rangeError}
        autoFocus
      />
      <FormButtons submitLabel="Bereich speichern" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}

/** "Kündigen": with a reason, confirmed by its own button. */
export function TerminateForm({ subscription, onDone, onCancel }: ActionProps) {
  const s = subscription;
  const [result, terminate] = useMutation(TerminateSubscriptionMutation);
  return (
    <TextActionForm
      title={`Nachnutzung kündigen: ${s.service.name}`}
      intro={
        <p className="kern-body">
          Ihre Organisation nutzt „{s.service.name}“ danach nicht mehr nach; die Kündigung lässt sich nicht
          zurücknehmen. Sie können später erneut eine Nachnutzung beantragen.
        </p>
      }
      label="Grund der Kündigung"
      field="reason"
      submitLabel="Kündigung bestätigen"
      fetching={result.fetching}
      error={result.error}
      onCancel={onCancel}
      onSubmit={(reason) =>
        void terminate({ id: s.id, reason }).then((answer) => {
          if (answer.data) {
            onDone(`Die Nachnutzung von „${s.service.name}“ ist gekündigt.`);
          }
        })
      }
    />
  );
}
