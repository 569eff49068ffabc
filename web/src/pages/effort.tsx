import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { Baselines } from '../effort/baselines';
import { MaintenancePlanQuery, OwnerWorkQuery, PlanOwnersQuery } from '../effort/effort-queries';
import { planHref, planQueryFrom, presets, type PlanQuery } from '../effort/period';
import { PlanView } from '../effort/plan-view';
import { RecordEffort } from '../effort/record-effort';
import { problemsOf } from '../graphql/errors';
import { problemsAt } from '../services/service-form-model';
import { useViewer } from '../graphql/viewer';
import { Loading, Problems } from '../ui/alert';
import { Field, inputClass } from '../ui/field';
import { byId, useFocusAfterNavigation } from '../ui/focus-after-navigation';
import { Guarded } from '../ui/guard';
import { Page } from '../ui/page';

/**
 * "Aufwand" (/aufwand?eigentuemer=&von=&bis=): an owner's maintenance plan for a period, its
 * downloads, the services' baselines and recording effort. A MAINTAINER plans for their own
 * organisation, an OPERATOR for any owner they choose.
 */
export function EffortPage() {
  const [params] = useSearchParams();
  return (
    <Guarded
      title="Aufwand"
      visitor="Den Wartungsplan sehen Maintainer und der Betrieb nach der Anmeldung."
      roles={['MAINTAINER', 'OPERATOR']}
      refused="Den Aufwand planen Maintainer einer Leistung und der Betrieb. Ihre Anmeldung hat keine dieser Rollen."
    >
      <EffortPlanner params={params} />
    </Guarded>
  );
}

function EffortPlanner({ params }: { params: URLSearchParams }) {
  const { viewer, has } = useViewer();
  const operator = has('OPERATOR');
  const query = useMemo(
    () => planQueryFrom(params, new Date(), operator ? null : (viewer?.organisation?.key ?? null)),
    [params, operator, viewer?.organisation?.key],
  );
  const ownerKey = query.ownerKey;
  const context = useMemo(
    () => ({ additionalTypenames: ['EffortEntry', 'CampaignTarget', 'OnlineService'] }),
    [],
  );
  const [plan] = useQuery({
    query: MaintenancePlanQuery,
    variables: { ownerKey: ownerKey ?? '', from: query.from, to: query.to },
    pause: !ownerKey,
    context,
  });
  const [work] = useQuery({
    query: OwnerWorkQuery,
    variables: { ownerKey: ownerKey ?? '' },
    pause: !ownerKey,
  });
  const problems = problemsOf(plan.error);
  return (
    <Page
      title="Aufwand"
      lead="Der Wartungsplan eines Eigentümers: erwarteter Aufwand mit seiner Unsicherheit, Vollzeitäquivalente und Kosten, aus der Grundlast der Leistungen und den geplanten Kampagnenzielen."
    >
      <PeriodForm
        key={`${ownerKey}-${query.from}-${query.to}`}
        query={query}
        operator={operator}
        problems={problems}
      />
      {!ownerKey ? (
        <p className="kern-body">Wählen Sie den Eigentümer, dessen Plan Sie sehen möchten.</p>
      ) : null}
      <Problems problems={problems.filter((p) => !p.field)} title="Der Plan konnte nicht berechnet werden" />
      {ownerKey && !plan.data && plan.fetching ? <Loading /> : null}
      {plan.data ? <PlanView plan={plan.data.maintenancePlan} /> : null}
      {plan.data && work.data ? (
        <>
          <Baselines services={work.data.services.edges.map((e) => e.node)} />
          <RecordEffort key={ownerKey} work={work.data} />
        </>
      ) : null}
    </Page>
  );
}

/** The owner (an OPERATOR chooses) and the period; submitting changes the URL, and so the plan. */
function PeriodForm({
  query,
  operator,
  problems,
}: {
  query: PlanQuery;
  operator: boolean;
  problems: ReturnType<typeof problemsOf>;
}) {
  const navigate = useNavigate();
  // A new period or owner keeps the keyboard at the plan, not at the page's top.
  const focusAfter = useFocusAfterNavigation();
  const toPlan = () => focusAfter(byId('plan-heading'));
  const [ownerKey, setOwnerKey] = useState(query.ownerKey ?? '');
  const [from, setFrom] = useState(query.from);
  const [to, setTo] = useState(query.to);
  const [owners] = useQuery({ query: PlanOwnersQuery, pause: !operator, requestPolicy: 'cache-first' });
  const {
    at: { from: fromProblem, to: toProblem },
  } = problemsAt(problems, { from: 'Das Datum „Von“', to: 'Das Datum „Bis“' });
  return (
    <form
      className="stack"
      aria-label="Eigentümer und Zeitraum"
      onSubmit={(event) => {
        event.preventDefault();
        toPlan();
        void navigate(planHref({ ownerKey: operator ? ownerKey || null : null, from, to }));
      }}
    >
      <div className="form-grid">
        {operator ? (
          <Field label="Eigentümer">
            {(props) => (
              <div className="kern-form-input__select-wrapper">
                <select
                  className="kern-form-input__select"
                  value={ownerKey}
                  onChange={(e) => setOwnerKey(e.target.value)}
                  {...props}
                >
                  <option value="">Bitte wählen</option>
                  {owners.data?.organisations.edges.map(({ node }) => (
                    <option key={node.id} value={node.key}>
                      {node.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </Field>
        ) : null}
        <Field label="Von" error={fromProblem}>
          {(props) => (
            <input
              type="date"
              className={inputClass(fromProblem)}
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              {...props}
            />
          )}
        </Field>
        <Field label="Bis" error={toProblem}>
          {(props) => (
            <input
              type="date"
              className={inputClass(toProblem)}
              value={to}
              onChange={(e) => setTo(e.target.value)}
              {...props}
            />
          )}
        </Field>
      </div>
      <div className="inline-actions">
        <button type="submit" className="kern-btn kern-btn--primary">
          <span className="kern-label">Plan berechnen</span>
        </button>
      </div>
      <nav aria-label="Häufige Zeiträume">
        <ul className="filter-links">
          {presets(new Date()).map((p) => (
            <li key={p.label}>
              <Link
                className="kern-link"
                to={planHref({ ownerKey: operator ? query.ownerKey : null, from: p.from, to: p.to })}
                aria-current={p.from === query.from && p.to === query.to ? 'page' : undefined}
                onClick={toPlan}
              >
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </form>
  );
}
