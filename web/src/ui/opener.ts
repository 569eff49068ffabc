import { useRef } from 'react';

/**
 * The button that opened an inline form, to give the focus back to when the form is cancelled:
 * the form leaves the page, and without this the focus would fall to the document's start.
 */
export function useOpener() {
  const opener = useRef<HTMLElement | null>(null);
  return {
    /** Call with the click's event of the opening button. */
    remember: (event: React.MouseEvent<HTMLElement>) => {
      opener.current = event.currentTarget;
    },
    /** After the form has closed. */
    refocus: () => {
      window.setTimeout(() => opener.current?.focus());
    },
  };
}
