import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * Where the keyboard goes after a navigation inside the page (a section, a filter, a page of a
 * list): Page moves the focus to the h1 after every navigation, which here would send keyboard
 * users back to the top. The caller names the element before it navigates; once the new location
 * is rendered (after Page's own effect), it takes the focus.
 */
export function useFocusAfterNavigation(): (target: () => HTMLElement | null) => void {
  const location = useLocation();
  const pending = useRef<(() => HTMLElement | null) | null>(null);
  useEffect(() => {
    const target = pending.current;
    if (!target) {
      return;
    }
    const timer = window.setTimeout(() => {
      pending.current = null;
      target()?.focus();
    });
    return () => window.clearTimeout(timer);
  }, [location.key]);
  return (target) => {
    pending.current = target;
  };
}

/** An element by id, for `useFocusAfterNavigation`'s target. */
export const byId = (id: string) => () => document.getElementById(id);
