import type { ViewerInfo } from '../graphql/viewer';

/**
 * Who may open a campaign (the API's rule, src/campaigns/campaign.access.ts): any MAINTAINER or
 * OPERATOR. What a viewer may do to one campaign or target the API says itself (viewerActions).
 */
export function mayOpenCampaigns(viewer: ViewerInfo | null): boolean {
  return Boolean(viewer?.roles.some((role) => role === 'MAINTAINER' || role === 'OPERATOR'));
}
