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

/** Statements over the subscriptions for other modules (notifications). Append-only. */
export const subscriptionStatements = {
  /**
   * The decided, open subscriptions (ACTIVE or SUSPENDED) of the services (a uuid[] expression):
   * id, service_id, organisation_id, version_range, deployed_version, state, requested_at.
   */
  decidedOf: (serviceIds: string) =>
    `SELECT s.id, s.service_id, s.organisation_id, s.version_range, s.deployed_version, s.state, s.requested_at
       FROM service_subscription s
      WHERE s.service_id = ANY(${serviceIds}) AND s.state IN ('ACTIVE', 'SUSPENDED')`,
  /** The subscription (an id expression): id, service_id, organisation_id, version_range, state, state_reason. */
  byId: (id: string) =>
    `SELECT s.id, s.service_id, s.organisation_id, s.version_range, s.state, s.state_reason
       FROM service_subscription s WHERE s.id = ${id}`,
};
