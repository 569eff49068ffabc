import { useState } from 'react';
import type { SubscriptionAction } from './subscription-actions';

/** Which row's action form is open, and what the last action achieved (one per table). */
export function useRowActions() {
  const [open, setOpen] = useState<{ id: string; action: SubscriptionAction } | null>(null);
  const [outcome, setOutcome] = useState<string | null>(null);
  return {
    open,
    outcome,
    isOpen: (id: string, action: SubscriptionAction) => open?.id === id && open.action === action,
    openFor: (id: string) => (open?.id === id ? open.action : null),
    toggle: (id: string, action: SubscriptionAction) => {
      setOutcome(null);
      setOpen(open?.id === id && open.action === action ? null : { id, action });
    },
    /** Closes the form and gives the focus back to the button that opened it. */
    cancel: () => {
      const opener = open ? buttonId(open.id, open.action) : null;
      setOpen(null);
      if (opener) {
        setTimeout(() => document.getElementById(opener)?.focus());
      }
    },
    done: (message: string) => {
      setOpen(null);
      setOutcome(message);
    },
  };
}

export function buttonId(subscriptionId: string, action: SubscriptionAction): string {
  return `aktion-${action}-${subscriptionId}`;
}

/**
 * A row's action button: the visible verb, and for screen readers the row it acts on
 * ("Einsatz melden: Baugenehmigung beantragen", an aria-label that starts with the visible words;
 * KERN takes a button with kern-sr-only text for an icon button). It opens its form below the row.
 */
export function RowActionButton({
  subscriptionId,
  action,
  label,
  context,
  expanded,
  controls,
  onClick,
  variant = 'secondary',
}: {
  subscriptionId: string;
  action: SubscriptionAction;
  label: string;
  context: string;
  expanded?: boolean;
  controls?: string;
  onClick: () => void;
  variant?: 'primary' | 'secondary' | 'tertiary';
}) {
  return (
    <button
      type="button"
      id={buttonId(subscriptionId, action)}
      className={`kern-btn kern-btn--${variant} kern-btn--x-small`}
      aria-label={`${label}: ${context}`}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      onClick={onClick}
    >
      <span className="kern-label">{label}</span>
    </button>
  );
}
