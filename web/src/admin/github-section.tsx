import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Paging } from '../catalogue/catalogue-results';
import { nextPosition, pageNumber, positionFrom, previousPosition } from '../catalogue/catalogue-url';
import { problemsOf } from '../graphql/errors';
import type { DeliveryOutcome } from '../graphql/generated/enums';
import { Outcome } from '../subscriptions/action-form';
import { Badge } from '../subscriptions/state-badge';
import { Loading, Problems } from '../ui/alert';
import { Button } from '../ui/field';
import { DELIVERY_OUTCOME, formatDateTime, formatNumber } from '../ui/labels';
import { GithubDeliveriesQuery, REFRESH_DELIVERIES, ReplayGithubDeliveryMutation } from './admin-queries';
import { ListFilter, SectionHeading } from './admin-parts';
import { adminHref } from './admin-url';
import { byId } from '../ui/focus-after-navigation';
import { TableHead } from '../ui/table-head';

export const DELIVERIES_PAGE_SIZE = 20;
const LIST_CAPTION_ID = 'zustellungen-liste';
const OUTCOMES: DeliveryOutcome[] = ['PENDING', 'PROCESSED', 'SKIPPED', 'FAILED'];
const TONE: Record<DeliveryOutcome, 'info' | 'success' | 'warning' | 'danger' | undefined> = {
  PENDING: 'info',
  PROCESSED: 'success',
  SKIPPED: undefined,
  FAILED: 'danger',
};

/** replayGithubDelivery takes FAILED and SKIPPED deliveries (the enum's description; others are CONFLICT). */
const REPLAYABLE: DeliveryOutcome[] = ['FAILED', 'SKIPPED'];

function outcomeFrom(value: string | null): DeliveryOutcome | null {
  return OUTCOMES.find((outcome) => outcome === value) ?? null;
}

export function deliveryCountText(count: number, outcome: DeliveryOutcome | null): string {
  const of = outcome ? ` mit dem Ergebnis „${DELIVERY_OUTCOME[outcome]}“` : '';
  if (count === 0) {
    return outcome ? `Keine Zustellung${of}` : 'Es sind noch keine GitHub-Zustellungen eingegangen.';
  }
  return `${count === 1 ? '1 Zustellung' : `${formatNumber(count)} Zustellungen`}${of}`;
}

/**
 * "GitHub-Zustellungen": the webhook deliveries GitHub sent, newest first, filtered by outcome
 * (`?ergebnis=`) and paged; a FAILED or SKIPPED one can be processed again ("Erneut verarbeiten",
 * e.g. after its repository was linked to a service), with the answer shown above the list.
 */
export function GithubSection({ focusAfter }: { focusAfter: (target: () => HTMLElement | null) => void }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const outcome = outcomeFrom(params.get('ergebnis'));
  const position = positionFrom(params);
  const [result] = useQuery({
    query: GithubDeliveriesQuery,
    variables: { outcome, first: DELIVERIES_PAGE_SIZE, after: position.after },
  });
  const [replaying, replay] = useMutation(ReplayGithubDeliveryMutation);
  const [replayed, setReplayed] = useState<{ id: string; outcome: DeliveryOutcome } | null>(null);
  const page = result.data?.githubDeliveries;
  const deliveries = page?.edges.map((edge) => edge.node) ?? [];
  const previous = previousPosition(position);
  const toList = () => focusAfter(byId(LIST_CAPTION_ID));

  return (
    <>
      <SectionHeading>GitHub-Zustellungen</SectionHeading>
      <p className="kern-body">
        Die Webhook-Zustellungen von GitHub, die neueste zuerst: ein veröffentlichtes Release wird zum Entwurf
        einer Version, ein geschlossenes Issue einer Kampagne wird vermerkt. Gescheiterte und übersprungene
        Zustellungen lassen sich erneut verarbeiten, etwa nachdem das Repository mit einer Leistung verknüpft
        wurde.
      </p>
      <ListFilter
        label="Nach Ergebnis filtern"
        allLabel="Alle Ergebnisse"
        value={outcome}
        options={OUTCOMES.map((value) => ({ value, label: DELIVERY_OUTCOME[value] }))}
        onApply={(chosen) => {
          toList();
          setReplayed(null);
          void navigate(adminHref('github', { ergebnis: chosen }));
        }}
      />
      <Problems problems={problemsOf(result.error)} title="Die Zustellungen konnten nicht geladen werden" />
      {replayed ? (
        <Outcome
          message={`Die Zustellung ${replayed.id} ist erneut eingereiht: ${DELIVERY_OUTCOME[replayed.outcome]}.`}
        />
      ) : null}
      {!replaying.fetching ? (
        <Problems
          problems={problemsOf(replaying.error)}
          title="Die Zustellung wurde nicht erneut verarbeitet"
        />
      ) : null}
      {!page && result.fetching ? <Loading /> : null}
      {page && deliveries.length === 0 ? (
        <p className="kern-body" id={LIST_CAPTION_ID} tabIndex={-1}>
          {deliveryCountText(0, outcome)}
        </p>
      ) : null}
      {deliveries.length > 0 ? (
        <div className="kern-table-responsive">
          <table className="kern-table">
            <caption className="kern-title" id={LIST_CAPTION_ID} tabIndex={-1}>
              {deliveryCountText(page!.totalCount, outcome)}
            </caption>
            <TableHead columns={['Eingegangen', 'Ereignis', 'Repository', 'Ergebnis', 'Details', 'Aktion']} />
            <tbody className="kern-table__body">
              {deliveries.map((delivery) => (
                <tr className="kern-table__row" key={delivery.id}>
                  <th scope="row" className="kern-table__header">
                    {formatDateTime(delivery.receivedAt)}
                    <span className="kern-body kern-body--small cell-note">
                      <code>{delivery.id}</code>
                    </span>
                  </th>
                  <td className="kern-table__cell">
                    <code>{delivery.action ? `${delivery.event}.${delivery.action}` : delivery.event}</code>
                  </td>
                  <td className="kern-table__cell">{delivery.repository ?? '–'}</td>
                  <td className="kern-table__cell">
                    <Badge tone={TONE[delivery.outcome]}>{DELIVERY_OUTCOME[delivery.outcome]}</Badge>
                    <span className="kern-body kern-body--small cell-note">
                      {delivery.attempts === 1 ? '1 Versuch' : `${formatNumber(delivery.attempts)} Versuche`}
                    </span>
                  </td>
                  <td className="kern-table__cell">{delivery.detail ?? '–'}</td>
                  <td className="kern-table__cell">
                    {REPLAYABLE.includes(delivery.outcome) ? (
                      <Button
                        variant="secondary"
                        aria-disabled={replaying.fetching || undefined}
                        onClick={() => {
                          if (replaying.fetching) {
                            return;
                          }
                          setReplayed(null);
                          void replay({ id: delivery.id }, REFRESH_DELIVERIES).then((answer) => {
                            const done = answer.data?.replayGithubDelivery;
                            if (done) {
                              setReplayed({ id: done.id, outcome: done.outcome });
                            }
                          });
                        }}
                      >
                        Erneut verarbeiten<span className="sr-suffix">{` (Zustellung ${delivery.id})`}</span>
                      </Button>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {page ? (
        <Paging
          previous={previous ? adminHref('github', { ergebnis: outcome }, previous) : null}
          next={
            page.pageInfo.hasNextPage && page.pageInfo.endCursor
              ? adminHref('github', { ergebnis: outcome }, nextPosition(position, page.pageInfo.endCursor))
              : null
          }
          page={pageNumber(position)}
          pages={Math.ceil(page.totalCount / DELIVERIES_PAGE_SIZE)}
          onFollow={toList}
        />
      ) : null}
    </>
  );
}
