/**
 * SQL fragments over the catalogue's tables (online_service, service_legal_basis, legal_norm) for
 * other modules' statements. Each takes the SQL expressions it compares with and answers a
 * condition or a sub-select; parameters stay with the caller. Append-only: other modules add the
 * fragments they need at the end.
 */
export const serviceSql = {
  /** Condition: the service (an SQL expression of its id) is owned by the organisation (an id expression). */
  ownedBy: (serviceId: string, organisationId: string) =>
    `EXISTS (SELECT 1 FROM online_service svc WHERE svc.id = ${serviceId} AND svc.owner_id = ${organisationId})`,

  /** Scalar sub-select: the id of the service with this slug (an SQL expression), or NULL. */
  idBySlug: (slug: string) => `(SELECT svc.id FROM online_service svc WHERE svc.slug = ${slug})`,

  /** Condition: one of the service's legal bases cites the norm with this abbreviation (an SQL expression). */
  citesNorm: (serviceId: string, abbreviation: string) =>
    `EXISTS (SELECT 1 FROM service_legal_basis lb JOIN legal_norm n ON n.id = lb.norm_id
                  WHERE lb.service_id = ${serviceId} AND n.abbreviation = ${abbreviation})`,
};
