import '#src/database/transaction-events';

/** The events of the campaigns module, delivered in the transaction of the change (TransactionEvents). */
declare module '#src/database/transaction-events' {
  interface TransactionEventMap {
    /**
     * Targets were made (a campaign opened, a target added) or re-included. The GitHub
     * integration queues their issues in the same transaction (a transactional outbox), so an
     * issue is queued exactly when its target exists.
     */
    'campaign.targetsAdded': {
      campaignId: string;
      targetIds: readonly string[];
      /** Why: the campaign was opened with them, a target was added, or an excluded one re-included. */
      cause: 'opened' | 'added' | 'included';
    };
  }
}
