import type { VisibilityPolicy } from '#src/common/auth/access';
import { Role } from '#src/common/auth/role';
import { actsFor, hasRights, hasRole, type Viewer } from '#src/common/auth/viewer';
import type { CampaignCapacity } from './campaign.rules';

/**
 * Who may do what with campaigns (domain.md, "Who may do what"), each permission written once:
 * - read campaigns and targets (and a release's `fulfils`): anyone signed in;
 * - open, add/exclude/re-include targets, complete, cancel: any MAINTAINER, OPERATOR ('maintainer');
 * - plan a target, link a release, queue its GitHub issue again: the target service's owner's
 *   MAINTAINER, OPERATOR ('owner').
 * The rows of CAMPAIGN_TRANSITIONS name the capacity; `capacitiesOf` says which ones a viewer has.
 */

/** Read campaigns and their targets: anyone signed in (with one of the registry's roles). */
export function mayReadCampaigns(viewer: Viewer | null): viewer is Viewer {
  return hasRights(viewer);
}

/** The visibility policy of Campaign (registered by CampaignsService.onModuleInit). */
export const CAMPAIGN_VISIBILITY: VisibilityPolicy = {
  entityType: 'Campaign',
  visibleIds: (viewer, ids) => Promise.resolve(new Set(mayReadCampaigns(viewer) ? ids : [])),
};

/** The capacities in which the viewer acts; `serviceOwnerId` is the target service's owner, when a target is concerned. */
export function capacitiesOf(viewer: Viewer, serviceOwnerId?: string): ReadonlySet<CampaignCapacity> {
  const capacities = new Set<CampaignCapacity>();
  if (hasRole(viewer, Role.MAINTAINER, Role.OPERATOR)) {
    capacities.add('maintainer');
  }
  if (serviceOwnerId !== undefined && actsFor(viewer, serviceOwnerId, Role.MAINTAINER)) {
    capacities.add('owner');
  }
  return capacities;
}
