import { useMemo, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { CampaignTargetAction } from '../graphql/generated/enums';
import type { CampaignTargetFieldsFragment } from '../graphql/generated/graphql';
import { problemsOf } from '../graphql/errors';
import { problemsAt } from '../services/service-form-model';
import { FormButtons, TextActionForm } from '../subscriptions/action-form';
import { EstimateFields } from '../effort/estimate-fields';
import { estimateTextOf, readEstimate, type EstimateProblems, type EstimateText } from '../effort/hours';
import { Problems } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import {
  ExcludeTargetMutation,
  IncludeTargetMutation,
  LinkReleaseMutation,
  PlanTargetMutation,
  RetryIssueMutation,
  TargetReleasesQuery,
} from './campaign-queries';

export type Target = CampaignTargetFieldsFragment;

/** The buttons' labels, in the order the row offers them. */
export const TARGET_ACTION_LABEL: Record<CampaignTargetAction, string> = {
  PLAN: 'Planen',
  LINK_RELEASE: 'Version verknüpfen',
  EXCLUDE: 'Ausnehmen',
  INCLUDE: 'Wieder aufnehmen',
  RETRY_ISSUE: 'Issue erneut anlegen',
};

export const TARGET_ACTION_ORDER: CampaignTargetAction[] = [
  'PLAN',
  'LINK_RELEASE',
  'EXCLUDE',
  'INCLUDE',
  'RETRY_ISSUE',
];

/** What each action achieved, for the announcement after it. */
export const TARGET_ACTION_DONE: Record<CampaignTargetAction, (service: string) => string> = {
  PLAN: (s) => `Die Planung für ${s} ist gespeichert.`,
  LINK_RELEASE: (s) => `Die Version ist mit ${s} verknüpft.`,
  EXCLUDE: (s) => `${s} ist von der Kampagne ausgenommen.`,
  INCLUDE: (s) => `${s} gehört wieder zur Kampagne.`,
  RETRY_ISSUE: (s) => `Das Issue für ${s} wird erneut angelegt.`,
};

/** The form of one action on one target, opened below its row. */
export function TargetActionForm({
  action,
  target,
  onDone,
  onCancel,
}: {
  action: CampaignTargetAction;
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}) {
  switch (action) {
    case 'PLAN':
      return <PlanForm target={target} onDone={onDone} onCancel={onCancel} />;
    case 'LINK_RELEASE':
      return <LinkReleaseForm target={target} onDone={onDone} onCancel={onCancel} />;
    case 'EXCLUDE':
      return <ExcludeForm target={target} onDone={onDone} onCancel={onCancel} />;
    case 'INCLUDE':
      return (
        <ConfirmForm
          mutation={IncludeTargetMutation}
          target={target}
          title={`${target.service.name} wieder aufnehmen`}
          intro="Die Leistung zählt dann wieder zu den Zielen der Kampagne, mit dem Stand, den ihre Planung und Versionen ergeben."
          submitLabel="Wieder aufnehmen"
          onDone={onDone}
          onCancel={onCancel}
        />
      );
    case 'RETRY_ISSUE':
      return (
        <ConfirmForm
          mutation={RetryIssueMutation}
          target={target}
          title={`Issue für ${target.service.name} erneut anlegen`}
          intro={
            target.issueDetail ??
            'Das Register versucht erneut, das Issue im Repository der Leistung anzulegen.'
          }
          submitLabel="Erneut anlegen"
          onDone={onDone}
          onCancel={onCancel}
        />
      );
  }
}

function PlanForm({
  target,
  onDone,
  onCancel,
}: {
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [date, setDate] = useState(target.plannedReleaseDate ?? '');
  const [assignee, setAssignee] = useState(target.assignee ?? '');
  const [estimate, setEstimate] = useState<EstimateText>(estimateTextOf(target.estimate));
  const [estimateProblems, setEstimateProblems] = useState<EstimateProblems>({});
  const [dateMissing, setDateMissing] = useState(false);
  const [result, plan] = useMutation(PlanTargetMutation);
  const problems = problemsOf(result.error);
  const { at, others } = problemsAt(problems, {
    plannedReleaseDate: 'Die geplante Freigabe',
    estimate: 'Die Schätzung',
  });
  const dateProblem = dateMissing
    ? 'Bitte geben Sie das geplante Datum der Freigabe an.'
    : at.plannedReleaseDate;
  const estimateProblem = at.estimate;
  return (
    <form
      className="action-form stack"
      aria-label={`${target.service.name} planen`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        const read = readEstimate(estimate);
        setDateMissing(date === '');
        setEstimateProblems(read.ok ? {} : read.problems);
        if (date === '' || !read.ok) {
          return;
        }
        void plan({
          input: {
            targetId: target.id,
            plannedReleaseDate: date,
            assignee: assignee.trim() || null,
            estimate: read.hours,
          },
        }).then((answer) => {
          if (!answer.error) {
            onDone();
          }
        });
      }}
    >
      <h3 className="kern-heading-small">{`${target.service.name} planen`}</h3>
      <Problems problems={others} />
      <div className="form-grid">
        <Field label="Geplante Freigabe" error={dateProblem}>
          {(props) => (
            <input
              type="date"
              className={inputClass(dateProblem)}
              value={date}
              onChange={(e) => setDate(e.target.value)}
              autoFocus
              {...props}
            />
          )}
        </Field>
        <Field label="Zuständig" optional hint="Team oder Person">
          {(props) => (
            <input
              type="text"
              className={inputClass()}
              value={assignee}
              onChange={(e) => setAssignee(e.target.value)}
              {...props}
            />
          )}
        </Field>
      </div>
      <EstimateFields
        id={`plan-${target.id}`}
        legend="Geschätzter Aufwand"
        hint="Dreipunktschätzung in Stunden: optimistisch ≤ wahrscheinlich ≤ pessimistisch"
        value={estimate}
        problems={estimateProblems}
        apiProblem={estimateProblem}
        onChange={setEstimate}
      />
      <FormButtons submitLabel="Planung speichern" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}

function LinkReleaseForm({
  target,
  onDone,
  onCancel,
}: {
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [releases] = useQuery({ query: TargetReleasesQuery, variables: { slug: target.service.slug } });
  const published = useMemo(
    () =>
      releases.data?.service?.releases.edges.map((e) => e.node).filter((r) => r.state === 'PUBLISHED') ?? [],
    [releases.data],
  );
  const [releaseId, setReleaseId] = useState('');
  const [missing, setMissing] = useState(false);
  const [result, link] = useMutation(LinkReleaseMutation);
  const problems = problemsOf(result.error);
  const chosen = releaseId || published[0]?.id || '';
  const { at, others } = problemsAt(problems, { releaseId: 'Die Version' });
  const fieldProblem = missing ? 'Bitte wählen Sie eine veröffentlichte Version.' : at.releaseId;
  return (
    <form
      className="action-form stack"
      aria-label={`Version mit ${target.service.name} verknüpfen`}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        setMissing(chosen === '');
        if (chosen === '') {
          return;
        }
        void link({ targetId: target.id, releaseId: chosen }).then((answer) => {
          if (!answer.error) {
            onDone();
          }
        });
      }}
    >
      <h3 className="kern-heading-small">{`Version mit ${target.service.name} verknüpfen`}</h3>
      <p className="kern-body">Wählen Sie die veröffentlichte Version, die die Rechtsänderung umsetzt.</p>
      <Problems problems={others} />
      {releases.data && published.length === 0 ? (
        <p className="kern-body">Diese Leistung hat noch keine veröffentlichte Version.</p>
      ) : null}
      <Field label="Version" error={fieldProblem}>
        {(props) => (
          <div className="kern-form-input__select-wrapper">
            <select
              className="kern-form-input__select"
              value={chosen}
              onChange={(e) => setReleaseId(e.target.value)}
              autoFocus
              {...props}
            >
              {published.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.version}
                </option>
              ))}
            </select>
          </div>
        )}
      </Field>
      <FormButtons submitLabel="Version verknüpfen" fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}

function ExcludeForm({
  target,
  onDone,
  onCancel,
}: {
  target: Target;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [result, exclude] = useMutation(ExcludeTargetMutation);
  return (
    <TextActionForm
      title={`${target.service.name} ausnehmen`}
      intro="Eine ausgenommene Leistung ist von der Änderung nicht betroffen; sie zählt als erledigt. Der Grund steht in der Kampagne."
      label="Grund"
      field="reason"
      submitLabel="Ausnehmen"
      fetching={result.fetching}
      error={result.error}
      onSubmit={(reason) =>
        void exclude({ targetId: target.id, reason }).then((answer) => {
          if (!answer.error) {
            onDone();
          }
        })
      }
      onCancel={onCancel}
    />
  );
}

type ConfirmMutation = typeof IncludeTargetMutation | typeof RetryIssueMutation;

function ConfirmForm({
  mutation,
  target,
  title,
  intro,
  submitLabel,
  onDone,
  onCancel,
}: {
  mutation: ConfirmMutation;
  target: Target;
  title: string;
  intro: string;
  submitLabel: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [result, run] = useMutation(mutation);
  return (
    <form
      className="action-form stack"
      aria-label={title}
      onSubmit={(event) => {
        event.preventDefault();
        if (result.fetching) {
          return;
        }
        void run({ targetId: target.id }).then((answer) => {
          if (!answer.error) {
            onDone();
          }
        });
      }}
    >
      <h3 className="kern-heading-small">{title}</h3>
      <p className="kern-body">{intro}</p>
      <Problems problems={problemsOf(result.error)} />
      <FormButtons submitLabel={submitLabel} fetching={result.fetching} onCancel={onCancel} />
    </form>
  );
}
