import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import type { CampaignTargetAction } from '../graphql/generated/enums';
import { Outcome } from '../subscriptions/action-form';
import { Button } from '../ui/field';
import { useOpener } from '../ui/opener';
import { formatDate, formatEstimate, formatHours } from '../ui/labels';
import { TargetStateBadge } from './badges';
import {
  TARGET_ACTION_DONE,
  TARGET_ACTION_LABEL,
  TARGET_ACTION_ORDER,
  TargetActionForm,
  type Target,
} from './target-actions';
import { TableHead } from '../ui/table-head';

/**
 * The targets: one row per service with its state (and overdue or at risk in words, not by colour),
 * the plan, the fulfilling release, the subscribers on it, and the actions the API says the viewer
 * may take now; an action's form opens below its row.
 */
export function TargetsTable({ targets }: { targets: Target[] }) {
  const [open, setOpen] = useState<{ targetId: string; action: CampaignTargetAction } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const opener = useOpener();
  if (targets.length === 0) {
    return (
      <p className="kern-body">
        Diese Kampagne hat keine Ziele: Keine Leistung zitiert die Rechtsgrundlage mit den genannten
        Vorschriften.
      </p>
    );
  }
  return (
    <div className="stack">
      {done ? <Outcome message={done} /> : null}
      <div className="kern-table-responsive">
        <table className="kern-table">
          <caption className="kern-title">
            {targets.length === 1 ? '1 Ziel' : `${targets.length} Ziele`}
          </caption>
          <TableHead
            columns={[
              'Leistung',
              'Stand',
              'Planung',
              'Version',
              'Nachnutzungen auf aktuellem Stand',
              'Aktionen',
            ]}
          />
          <tbody className="kern-table__body">
            {targets.map((t) => (
              <Fragment key={t.id}>
                <tr className="kern-table__row">
                  <th scope="row" className="kern-table__header">
                    <Link className="kern-link" to={`/leistungen/${encodeURIComponent(t.service.slug)}`}>
                      {t.service.name}
                    </Link>
                    <span className="kern-body kern-body--small cell-note">{t.service.owner.name}</span>
                  </th>
                  <td className="kern-table__cell">
                    <TargetStateBadge state={t.state} />
                    {t.overdue ? (
                      <span className="kern-body kern-body--small cell-note">Überfällig</span>
                    ) : null}
                    {t.atRisk ? (
                      <span className="kern-body kern-body--small cell-note">
                        Gefährdet: Freigabe nach Inkrafttreten geplant
                      </span>
                    ) : null}
                    {t.exclusionReason && t.state === 'EXCLUDED' ? (
                      <span className="kern-body kern-body--small cell-note">{`Grund: ${t.exclusionReason}`}</span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    {t.plannedReleaseDate ? `Freigabe ${formatDate(t.plannedReleaseDate)}` : '–'}
                    {t.assignee ? (
                      <span className="kern-body kern-body--small cell-note">{t.assignee}</span>
                    ) : null}
                    {t.estimate ? (
                      <span className="kern-body kern-body--small cell-note">
                        {`Schätzung ${formatEstimate(t.estimate)} h, erwartet ${formatHours(t.estimate.expectedHours)}`}
                      </span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    {t.release ? (
                      <Link
                        className="kern-link"
                        to={`/leistungen/${encodeURIComponent(t.service.slug)}/versionen/${encodeURIComponent(t.release.version)}`}
                      >
                        {`Version ${t.release.version}`}
                      </Link>
                    ) : (
                      '–'
                    )}
                    {t.issueUrl ? (
                      <span className="kern-body kern-body--small cell-note">
                        <a className="kern-link" href={t.issueUrl} rel="noreferrer noopener" target="_blank">
                          Issue im Repository
                        </a>
                      </span>
                    ) : null}
                  </td>
                  <td className="kern-table__cell">
                    {t.subscribersTotal === 0
                      ? 'Keine Nachnutzung'
                      : `${t.subscribersCompliant} von ${t.subscribersTotal}`}
                  </td>
                  <td className="kern-table__cell actions-cell">
                    {t.viewerActions.length === 0 ? (
                      '–'
                    ) : (
                      <div className="inline-actions">
                        {TARGET_ACTION_ORDER.filter((a) => t.viewerActions.includes(a)).map((action) => (
                          <Button
                            key={action}
                            variant="secondary"
                            aria-label={`${TARGET_ACTION_LABEL[action]}: ${t.service.name}`}
                            aria-expanded={open?.targetId === t.id && open.action === action}
                            onClick={(event) => {
                              opener.remember(event);
                              setDone(null);
                              setOpen(
                                open?.targetId === t.id && open.action === action
                                  ? null
                                  : { targetId: t.id, action },
                              );
                            }}
                          >
                            {TARGET_ACTION_LABEL[action]}
                          </Button>
                        ))}
                      </div>
                    )}
                  </td>
                </tr>
                {open?.targetId === t.id ? (
                  <tr className="kern-table__row">
                    <td className="kern-table__cell" colSpan={6}>
                      <TargetActionForm
                        action={open.action}
                        target={t}
                        onDone={() => {
                          setDone(TARGET_ACTION_DONE[open.action](t.service.name));
                          setOpen(null);
                        }}
                        onCancel={() => {
                          setOpen(null);
                          opener.refocus();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
