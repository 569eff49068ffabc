import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

export const SITE_NAME = 'Nachnutzungsregister';

/**
 * A page: its one h1 and the document title "<page> – Nachnutzungsregister". After a navigation
 * the heading takes the focus, so screen readers announce the new page and the keyboard starts at
 * its top; on the first load focus stays where the browser puts it.
 */
export function Page({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const location = useLocation();
  useEffect(() => {
    document.title = `${title} – ${SITE_NAME}`;
  }, [title]);
  useEffect(() => {
    if (location.key !== 'default') {
      heading.current?.focus();
    }
  }, [location.key]);
  return (
    <div className="stack">
      <h1 className="kern-heading-x-large" tabIndex={-1} ref={heading}>
        {title}
      </h1>
      {lead ? <p className="kern-body kern-body--large">{lead}</p> : null}
      {children}
    </div>
  );
}
