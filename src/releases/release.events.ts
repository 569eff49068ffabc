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
    /** A release was published: its service's subscribers learn of it (notifications). */
    'release.published': { release: { id: string; serviceId: string; version: string } };
    /** A published release was deprecated: who runs or targets it learns of it (notifications). */
    'release.deprecated': { release: { id: string; serviceId: string; version: string }; reason: string };
    /**
     * Gates wait for reviewers: a release was submitted, or a new artifact sent its gates back to
     * PENDING (the kinds of the gates without a waiver).
     */
    'release.gatesPending': {
      release: { id: string; serviceId: string; version: string };
      kinds: readonly string[];
    };
  }
}
