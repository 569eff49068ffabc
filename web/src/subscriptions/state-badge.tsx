import type { SubscriptionState } from '../graphql/generated/enums';
import type { SubscriptionView } from './subscription-fields';
import { SUBSCRIPTION_STATE } from '../ui/labels';

const TONE: Record<SubscriptionState, string> = {
  REQUESTED: 'kern-badge--info',
  ACTIVE: 'kern-badge--success',
  SUSPENDED: 'kern-badge--warning',
  REJECTED: 'kern-badge--danger',
  TERMINATED: 'badge-neutral',
};

type Tone = 'info' | 'success' | 'warning' | 'danger';

/** A KERN badge; its text says what the colour shows. */
export function Badge({ tone, children }: { tone?: Tone; children: React.ReactNode }) {
  return (
    <span className={`kern-badge${tone ? ` kern-badge--${tone}` : ''}`}>
      <span className="kern-label kern-label--small">{children}</span>
    </span>
  );
}

/** A subscription's state as a badge: "Beantragt", "Aktiv", … */
export function StateBadge({ state }: { state: SubscriptionState }) {
  return (
    <span className={`kern-badge ${TONE[state]}`.trim()}>
      <span className="kern-label kern-label--small">{SUBSCRIPTION_STATE[state]}</span>
    </span>
  );
}

export function UpdateBadge() {
  return <Badge tone="warning">Update verfügbar</Badge>;
}

/** The reason of a suspension, rejection or termination, below the state (an ACTIVE one keeps an old one). */
export function StateReason({ subscription: s }: { subscription: SubscriptionView }) {
  if (!s.stateReason || s.state === 'ACTIVE' || s.state === 'REQUESTED') {
    return null;
  }
  return <span className="kern-body kern-body--small cell-note">Grund: {s.stateReason}</span>;
}
