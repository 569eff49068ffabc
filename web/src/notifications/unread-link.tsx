import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { UnreadNotificationsQuery } from './notification-queries';

/** How often the header asks for the unread count, at most (and on a navigation after as long). */
export const UNREAD_REFRESH_MS = 60_000;

/**
 * The header's "Benachrichtigungen" with the number of unread ones as a KERN badge; its name for
 * screen readers reads "Benachrichtigungen, 3 ungelesen". The count is fetched again every minute,
 * on a navigation when the last answer is a minute old, and whenever the list marks some read
 * (REFRESH_NOTIFICATIONS).
 */
export function UnreadNotificationsLink() {
  const [{ data }, refetch] = useQuery({ query: UnreadNotificationsQuery });
  const location = useLocation();
  const fetchedAt = useRef(Date.now());

  useEffect(() => {
    const timer = setInterval(() => {
      fetchedAt.current = Date.now();
      refetch({ requestPolicy: 'network-only' });
    }, UNREAD_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refetch]);

  useEffect(() => {
    if (Date.now() - fetchedAt.current >= UNREAD_REFRESH_MS) {
      fetchedAt.current = Date.now();
      refetch({ requestPolicy: 'network-only' });
    }
  }, [location.key, refetch]);

  const unread = data?.notifications.unreadCount ?? 0;
  return (
    // The name as one label: words for screen readers inside the link would be read with a break
    // before them ("Benachrichtigungen , 3 ungelesen"), as Chromium treats KERN's sr-only as a block.
    <NavLink
      className="kern-link"
      to="/benachrichtigungen"
      aria-label={unread > 0 ? `Benachrichtigungen, ${unread} ungelesen` : undefined}
    >
      Benachrichtigungen
      {unread > 0 ? (
        <>
          {' '}
          <span className="kern-badge kern-badge--info nav-count">
            <span className="kern-label kern-label--small">{unread}</span>
          </span>
        </>
      ) : null}
    </NavLink>
  );
}
