import type { CampaignState, CampaignTargetState } from '../graphql/generated/enums';
import { Badge } from '../subscriptions/state-badge';
import { CAMPAIGN_STATE, CAMPAIGN_TARGET_STATE } from '../ui/labels';

type Tone = 'info' | 'success' | 'warning' | 'danger' | undefined;

const CAMPAIGN_TONE: Record<CampaignState, Tone> = {
  ACTIVE: 'info',
  COMPLETED: 'success',
  CANCELLED: undefined,
};

const TARGET_TONE: Record<CampaignTargetState, Tone> = {
  OPEN: 'warning',
  PLANNED: 'info',
  RELEASED: 'success',
  ROLLED_OUT: 'success',
  EXCLUDED: undefined,
};

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  return <Badge tone={CAMPAIGN_TONE[state]}>{CAMPAIGN_STATE[state]}</Badge>;
}

export function TargetStateBadge({ state }: { state: CampaignTargetState }) {
  return <Badge tone={TARGET_TONE[state]}>{CAMPAIGN_TARGET_STATE[state]}</Badge>;
}
