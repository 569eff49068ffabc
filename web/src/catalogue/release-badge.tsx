import type { ReleaseState } from '../graphql/generated/enums';
import { RELEASE_STATE } from '../ui/labels';

const TONE: Record<ReleaseState, 'success' | 'info' | 'warning' | 'danger'> = {
  PUBLISHED: 'success',
  APPROVED: 'info',
  IN_REVIEW: 'info',
  DRAFT: 'info',
  REJECTED: 'danger',
  WITHDRAWN: 'warning',
};

/** A release's state as a KERN badge: the word carries the meaning, the colour only repeats it. */
export function ReleaseStateBadge({ state }: { state: ReleaseState }) {
  return (
    <span className={`kern-badge kern-badge--${TONE[state]}`}>
      <span className="kern-label kern-label--small">{RELEASE_STATE[state]}</span>
    </span>
  );
}
