import '#src/database/transaction-events';
import type { SubscriptionAction } from './subscription.rules';
import type { SubscriptionState } from './subscription-state';

/** The events of the subscriptions module, delivered in the transaction of the change (TransactionEvents). */
declare module '#src/database/transaction-events' {
  interface TransactionEventMap {
    /**
     * A subscription was requested, or one of the workflow's transitions changed it (not a range
     * change or a deployment report): the owner or the subscriber learns of it (notifications).
     */
    'subscription.changed': {
      subscription: { id: string; serviceId: string; organisationId: string; state: SubscriptionState };
      action: 'request' | SubscriptionAction;
      reason: string | null;
    };
  }
}
