/**
 * The subscriptions' SQL fragments for other modules' statements (a campaign target's progress is
 * one statement over targets, releases and subscribers). Append-only.
 */
export const subscriptionSql = {
  /**
   * A LATERAL body: the service's ACTIVE subscriptions counted, all of them (`total`) and those
   * for whom `compliant` holds (`compliant`); `compliant` gets the deployed-version expression.
   */
  activeCounts: (serviceId: string, compliant: (deployedVersion: string) => string) =>
    `SELECT count(*)::int AS total, (count(*) FILTER (WHERE ${compliant('s.deployed_version')}))::int AS compliant
       FROM service_subscription s
      WHERE s.service_id = ${serviceId} AND s.state = 'ACTIVE'`,
};
