import { useEffect, useId, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { Paging } from '../catalogue/catalogue-results';
import { problemsOf } from '../graphql/errors';
import type { NotificationsQuery } from '../graphql/generated/graphql';
import { Outcome } from '../subscriptions/action-form';
import { Badge } from '../subscriptions/state-badge';
import { Loading, Problems } from '../ui/alert';
import { formatDateTime, formatNumber, NOTIFICATION_KIND } from '../ui/labels';
import {
  MarkNotificationsReadMutation,
  NotificationsQuery as Query,
  REFRESH_NOTIFICATIONS,
} from './notification-queries';

export const NOTIFICATIONS_PAGE_SIZE = 20;

type Item = NotificationsQuery['notifications']['items'][number];

/** The list's place in the query string: `?ungelesen=1` filters, `?seite=2` pages. */
function positionOf(params: URLSearchParams): { unreadOnly: boolean; page: number } {
  const page = Number.parseInt(params.get('seite') ?? '1', 10);
  return { unreadOnly: params.get('ungelesen') === '1', page: Number.isFinite(page) && page > 1 ? page : 1 };
}

function hrefOf(unreadOnly: boolean, page: number): string {
  const params = new URLSearchParams();
  if (unreadOnly) {
    params.set('ungelesen', '1');
  }
  if (page > 1) {
    params.set('seite', String(page));
  }
  const query = params.toString();
  return `/benachrichtigungen${query ? `?${query}` : ''}`;
}

function itemLinkId(id: string): string {
  return `benachrichtigung-${id}`;
}

/** "Keine ungelesen" / "1 ungelesen" / "3 ungelesen" of "12 Benachrichtigungen". */
export function countText(total: number, unread: number): string {
  if (total === 0) {
    return 'Keine Benachrichtigungen';
  }
  const all = total === 1 ? '1 Benachrichtigung' : `${formatNumber(total)} Benachrichtigungen`;
  return `${all}, davon ${unread === 0 ? 'keine' : formatNumber(unread)} ungelesen`;
}

/**
 * The organisation's notifications, newest first, a page of 20: unread ones with the badge
 * "Ungelesen" and a bold title, each title a link to what it is about (following it marks it read),
 * "Als gelesen markieren" per item and for all. What was marked shows as read at once, before the
 * list and the header's count are fetched again.
 */
export function NotificationList() {
  const [params, setParams] = useSearchParams();
  const { unreadOnly, page } = positionOf(params);
  const [result] = useQuery({
    query: Query,
    variables: {
      first: NOTIFICATIONS_PAGE_SIZE,
      offset: (page - 1) * NOTIFICATIONS_PAGE_SIZE,
      unreadOnly,
    },
  });
  const [marking, mark] = useMutation(MarkNotificationsReadMutation);
  const navigate = useNavigate();
  const filterId = useId();
  // A change of the filter is a navigation (the URL has it), after which Page focuses the h1; the
  // keyboard stays on the checkbox instead.
  const filter = useRef<HTMLInputElement>(null);
  const refocusFilter = useRef(false);
  useEffect(() => {
    if (!refocusFilter.current) {
      return;
    }
    const timer = window.setTimeout(() => {
      refocusFilter.current = false;
      filter.current?.focus();
    });
    return () => window.clearTimeout(timer);
  }, [unreadOnly]);
  const data = result.data?.notifications;
  // What this view has marked read, until the next answer of the list says so itself.
  const [marked, setMarked] = useState<{ of: typeof data; ids: Set<string>; all: boolean; unread: number }>();
  const [outcome, setOutcome] = useState<string | null>(null);
  const local = marked && marked.of === data ? marked : undefined;
  const isRead = (item: Item) => item.read || Boolean(local?.all) || Boolean(local?.ids.has(item.id));
  const unread = local?.unread ?? data?.unreadCount ?? 0;

  const markRead = async (ids: string[] | null): Promise<boolean> => {
    const answer = await mark(ids ? { ids } : {}, REFRESH_NOTIFICATIONS);
    const left = answer.data?.markNotificationsRead;
    if (left === undefined || left === null) {
      return false;
    }
    setMarked((current) => {
      const base =
        current && current.of === data ? current : { of: data, ids: new Set<string>(), all: false };
      return {
        of: data,
        ids: new Set([...base.ids, ...(ids ?? [])]),
        all: base.all || ids === null,
        unread: left,
      };
    });
    return true;
  };

  const total = data ? (unreadOnly ? data.unreadCount : data.totalCount) : 0;
  const pages = Math.max(1, Math.ceil(total / NOTIFICATIONS_PAGE_SIZE));
  const items = data?.items ?? [];

  return (
    <section className="stack" aria-label="Ihre Benachrichtigungen">
      <div className="notification-toolbar">
        <div className="kern-form-check">
          <input
            className="kern-form-check__checkbox"
            type="checkbox"
            id={filterId}
            ref={filter}
            checked={unreadOnly}
            onChange={(event) => {
              setOutcome(null);
              refocusFilter.current = true;
              setParams(new URLSearchParams(event.target.checked ? { ungelesen: '1' } : {}));
            }}
          />
          <label className="kern-label" htmlFor={filterId}>
            Nur ungelesene
          </label>
        </div>
        {data && unread > 0 ? (
          <button
            type="button"
            className="kern-btn kern-btn--secondary"
            aria-disabled={marking.fetching || undefined}
            onClick={() => {
              if (marking.fetching) {
                return;
              }
              void markRead(null).then((done) => {
                if (done) {
                  setOutcome('Alle Benachrichtigungen sind als gelesen markiert.');
                }
              });
            }}
          >
            <span className="kern-label">Alle als gelesen markieren</span>
          </button>
        ) : null}
      </div>
      {outcome ? <Outcome message={outcome} /> : null}
      <Problems problems={problemsOf(marking.error)} />
      {result.error && !data ? (
        <Problems
          problems={problemsOf(result.error)}
          title="Die Benachrichtigungen konnten nicht geladen werden"
        />
      ) : null}
      {!data ? (
        result.error ? null : (
          <Loading />
        )
      ) : (
        <>
          <p className="kern-body kern-body--bold" role="status">
            {countText(data.totalCount, unread)}
          </p>
          {items.length === 0 ? (
            <p className="kern-body">
              {unreadOnly
                ? 'Sie haben alle Benachrichtigungen gelesen.'
                : 'Noch keine Benachrichtigungen. Sobald sich bei Leistungen, Nachnutzungen, Prüfungen oder Kampagnen Ihrer Organisation etwas tut, steht es hier.'}
            </p>
          ) : (
            <ul className="notification-list" aria-label="Benachrichtigungen, die neuesten zuerst">
              {items.map((item) => {
                const read = isRead(item);
                return (
                  <li key={item.id} className={`notification${read ? '' : ' notification--unread'}`}>
                    <p className="kern-body notification__title">
                      {read ? null : (
                        <>
                          <Badge tone="info">Ungelesen</Badge>{' '}
                        </>
                      )}
                      <Link
                        id={itemLinkId(item.id)}
                        className="kern-link"
                        to={item.link}
                        onClick={(event) => {
                          if (read) {
                            return;
                          }
                          // A new tab or window: mark it read and let the browser open the link.
                          if (
                            event.button !== 0 ||
                            event.metaKey ||
                            event.ctrlKey ||
                            event.shiftKey ||
                            event.altKey
                          ) {
                            void mark({ ids: [item.id] }, REFRESH_NOTIFICATIONS);
                            return;
                          }
                          // Otherwise go once it is marked: the header's count, fetched again after the
                          // answer, must not be a request that started before the mark was written.
                          event.preventDefault();
                          void mark({ ids: [item.id] }, REFRESH_NOTIFICATIONS).then(() =>
                            navigate(item.link),
                          );
                        }}
                      >
                        {read ? item.title : <strong>{item.title}</strong>}
                      </Link>
                    </p>
                    <p className="kern-body kern-body--small notification__meta">
                      <time dateTime={item.occurredAt}>{formatDateTime(item.occurredAt)}</time> ·{' '}
                      {NOTIFICATION_KIND[item.kind]}
                    </p>
                    {read ? null : (
                      <button
                        type="button"
                        className="kern-btn kern-btn--tertiary kern-btn--x-small"
                        aria-label={`Als gelesen markieren: ${item.title}`}
                        aria-disabled={marking.fetching || undefined}
                        onClick={() => {
                          if (marking.fetching) {
                            return;
                          }
                          void markRead([item.id]).then((done) => {
                            if (done) {
                              // The button is gone: the keyboard goes on from the item's link.
                              setTimeout(() => document.getElementById(itemLinkId(item.id))?.focus());
                            }
                          });
                        }}
                      >
                        <span className="kern-label">Als gelesen markieren</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Paging
            previous={page > 1 ? hrefOf(unreadOnly, page - 1) : null}
            next={data.hasMore ? hrefOf(unreadOnly, page + 1) : null}
            page={page}
            pages={pages}
          />
        </>
      )}
    </section>
  );
}
