import type { SubscriptionState } from '../graphql/generated/enums';

/**
 * Which action the console offers in which state: the transition table of the domain
 * (docs/domain.md, "Subscriptions"; src/subscriptions/subscription.rules.ts). The API
 * decides and refuses the rest with CONFLICT; this only keeps buttons away that could not work.
 * The API offers no "actions the viewer may take" per subscription yet, so the table is repeated
 * here, once.
 */
export type SubscriptionAction =
  'reportDeployment' | 'changeRange' | 'terminate' | 'approve' | 'reject' | 'suspend' | 'resume';

const OPEN: SubscriptionState[] = ['REQUESTED', 'ACTIVE', 'SUSPENDED'];

const OFFERED_IN: Record<SubscriptionAction, readonly SubscriptionState[]> = {
  reportDeployment: ['ACTIVE', 'SUSPENDED'],
  changeRange: OPEN,
  terminate: OPEN,
  approve: ['REQUESTED'],
  reject: ['REQUESTED'],
  suspend: ['ACTIVE'],
  resume: ['SUSPENDED'],
};

export function offered(action: SubscriptionAction, state: SubscriptionState): boolean {
  return OFFERED_IN[action].includes(state);
}

/** REQUESTED, ACTIVE or SUSPENDED: at most one of these per organisation and service. */
export function isOpen(state: SubscriptionState): boolean {
  return OPEN.includes(state);
}
