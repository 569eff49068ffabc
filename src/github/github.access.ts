import { isOperator, type Viewer } from '#src/common/auth/viewer';
import { DomainError } from '#src/common/errors/domain-error';
import { repositoryOf } from './repository-link';

/**
 * Who may do what with the GitHub integration (domain.md, "Who may do what"), written once:
 * - read and replay webhook deliveries: OPERATOR;
 * - queue a target's issue again (retryCampaignTargetIssue): the target service's owner's
 *   MAINTAINER, OPERATOR: the campaigns' 'retryIssue' row (campaign.rules.ts, campaign.access.ts);
 * - a delivery acts only on the services whose repositoryUrl links its repository, and of those
 *   only on the ones whose owner has the repository's namespace mapped (ForgeNamespacesService).
 */
export function mayManageDeliveries(viewer: Viewer | null): boolean {
  return isOperator(viewer);
}

/** FORBIDDEN unless the viewer may read and replay deliveries. */
export function requireDeliveryManager(viewer: Viewer | null): void {
  if (!mayManageDeliveries(viewer)) {
    throw DomainError.forbidden('OPERATOR_ONLY', { action: 'githubDeliveries' });
  }
}

/** The services (ids, in the candidates' order) whose repositoryUrl links the repository `fullName`. */
export function servicesLinking(
  candidates: readonly { id: string; repository_url: string }[],
  fullName: string,
  webHosts: readonly string[],
): string[] {
  return candidates
    .filter((s) => repositoryOf(s.repository_url, webHosts)?.fullName === fullName)
    .map((s) => s.id);
}
