import '#src/database/transaction-events';

/** The events of the releases module, delivered in the transaction of the change (TransactionEvents). */
declare module '#src/database/transaction-events' {
  interface TransactionEventMap {
    /**
     * A release was created by hand, naming the campaigns it fulfils (`fulfils`). The campaigns
     * module links it to their targets, or refuses (BAD_USER_INPUT for a campaign that does not
     * target the service), which rolls the creation back.
     */
    'release.created': {
      release: { id: string; serviceId: string; version: string };
      fulfils: readonly string[];
    };
  }
}
