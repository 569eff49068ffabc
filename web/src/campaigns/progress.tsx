import type { CampaignTargetState } from '../graphql/generated/enums';
import { formatNumber } from '../ui/labels';

/** The states in the order work moves through them. */
export const TARGET_STATES: CampaignTargetState[] = ['OPEN', 'PLANNED', 'RELEASED', 'ROLLED_OUT', 'EXCLUDED'];

/** Done: a release fulfils the change (RELEASED, ROLLED_OUT), or the service is not affected. */
export function doneTargets(byState: { state: CampaignTargetState; count: number }[]): number {
  return byState
    .filter((s) => s.state === 'RELEASED' || s.state === 'ROLLED_OUT' || s.state === 'EXCLUDED')
    .reduce((sum, s) => sum + s.count, 0);
}

/**
 * "3 von 5": a native progress bar with its figures in words beside it (the bar alone says
 * nothing to a screen reader that the text does not).
 */
export function ProgressFigure({
  done,
  total,
  label,
}: {
  done: number;
  total: number;
  /** What is counted, e.g. "Ziele erledigt". */
  label: string;
}) {
  return (
    <span className="progress-figure">
      <progress className="progress-figure__bar" max={Math.max(total, 1)} value={done} aria-hidden="true" />
      <span className="kern-body">{`${formatNumber(done)} von ${formatNumber(total)} ${label}`}</span>
    </span>
  );
}
