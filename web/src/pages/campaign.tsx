import { useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import { CampaignStateBadge } from '../campaigns/badges';
import { BurndownChart } from '../campaigns/burndown-chart';
import { CampaignActions } from '../campaigns/campaign-actions';
import { CampaignQuery } from '../campaigns/campaign-queries';
import { doneTargets, ProgressFigure, TARGET_STATES } from '../campaigns/progress';
import { Rollout } from '../campaigns/rollout';
import { TargetsTable } from '../campaigns/targets-table';
import { problemsOf } from '../graphql/errors';
import { noticeOf } from '../services/notice';
import { Alert, Loading, Problems } from '../ui/alert';
import { DescriptionList } from '../ui/description-list';
import { Guarded } from '../ui/guard';
import { CAMPAIGN_TARGET_STATE, formatDate, formatDateTime } from '../ui/labels';
import { Page } from '../ui/page';
import { NotFoundPage } from './not-found';
import { TableHead } from '../ui/table-head';

/** A campaign (/kampagnen/:id): what changes, its progress and burndown, its targets and their actions. */
export function CampaignPage() {
  const { id = '' } = useParams();
  return (
    <Guarded title="Kampagne" visitor="Die Kampagnen zu Rechtsänderungen sehen angemeldete Personen.">
      <CampaignView key={id} id={id} />
    </Guarded>
  );
}

function CampaignView({ id }: { id: string }) {
  const [{ data, fetching, error }] = useQuery({ query: CampaignQuery, variables: { id } });
  const notice = noticeOf(useLocation().state);
  if (!data && fetching) {
    return (
      <Page title="Kampagne">
        <Loading />
      </Page>
    );
  }
  if (error) {
    return (
      <Page title="Kampagne">
        <Problems problems={problemsOf(error)} title="Die Kampagne konnte nicht geladen werden" />
      </Page>
    );
  }
  const campaign = data?.campaign;
  if (!campaign) {
    return <NotFoundPage />;
  }
  const { progress } = campaign;
  const done = doneTargets(progress.byState);
  return (
    <Page title={campaign.title} lead={campaign.description ?? undefined}>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      <DescriptionList
        items={[
          {
            term: 'Stand',
            value: (
              <>
                <CampaignStateBadge state={campaign.state} />
                {campaign.closedAt ? ` seit ${formatDateTime(campaign.closedAt)}` : ''}
                {campaign.cancellationReason ? ` – ${campaign.cancellationReason}` : ''}
              </>
            ),
          },
          {
            term: 'Rechtsgrundlage',
            value: `${campaign.norm.title} (${campaign.norm.abbreviation})${campaign.provisions.length ? `, ${campaign.provisions.join(', ')}` : ', die ganze Norm'}`,
          },
          ...(campaign.amendment ? [{ term: 'Änderung', value: campaign.amendment }] : []),
          { term: 'Gilt ab', value: formatDate(campaign.effectiveDate) },
          { term: 'Eröffnet', value: `${formatDateTime(campaign.createdAt)} von ${campaign.createdBy.name}` },
        ]}
      />
      <CampaignActions id={campaign.id} actions={campaign.viewerActions} />

      <section className="stack" aria-labelledby="progress-heading">
        <h2 className="kern-heading-large" id="progress-heading">
          Fortschritt
        </h2>
        <dl className="figures">
          <div>
            <dt className="kern-body">Ziele erledigt</dt>
            <dd>
              <ProgressFigure done={done} total={progress.targetsTotal} label="" />
            </dd>
          </div>
          <div>
            <dt className="kern-body">Nachnutzungen auf aktuellem Stand</dt>
            <dd>
              <ProgressFigure
                done={progress.subscribersCompliant}
                total={progress.subscribersTotal}
                label=""
              />
            </dd>
          </div>
          <div>
            <dt className="kern-body">Überfällige Ziele</dt>
            <dd>{progress.overdueTargets}</dd>
          </div>
        </dl>
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title">Ziele nach Stand</caption>
            <TableHead
              columns={TARGET_STATES.map((s) => ({ label: CAMPAIGN_TARGET_STATE[s], numeric: true }))}
            />
            <tbody className="kern-table__body">
              <tr className="kern-table__row">
                {TARGET_STATES.map((s) => (
                  <td className="kern-table__cell numeric" key={s}>
                    {progress.byState.find((b) => b.state === s)?.count ?? 0}
                  </td>
                ))}
              </tr>
            </tbody>
          </table>
        </div>
        <h3 className="kern-heading-medium">Burndown</h3>
        <BurndownChart points={progress.burndown} effectiveDate={campaign.effectiveDate} />
      </section>

      <section className="stack" aria-labelledby="targets-heading">
        <h2 className="kern-heading-large" id="targets-heading">
          Ziele
        </h2>
        <TargetsTable targets={campaign.targets} />
      </section>
      <Rollout targets={campaign.targets} />
    </Page>
  );
}
