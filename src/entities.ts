import {
  LegalNormEntity,
  OnlineServiceEntity,
  ServiceLegalBasisEntity,
} from '#src/catalogue/catalogue.entity';
import {
  CampaignEntity,
  CampaignFulfilmentEntity,
  CampaignTargetEntity,
  CampaignTargetExclusionEntity,
} from '#src/campaigns/campaign.entity';
import { AuditEventEntity } from '#src/common/audit/audit-event.entity';
import { EffortEntryEntity } from '#src/effort/effort-entry.entity';
import { CampaignTargetIssueEntity, GithubDeliveryEntity } from '#src/github/github.entity';
import { QaGateEntity, SignOffEntity } from '#src/qa/qa-gate.entity';
import { ReleaseEntity } from '#src/releases/release.entity';
import { SubscriptionEntity } from '#src/subscriptions/subscription.entity';
import {
  ForgeNamespaceEntity,
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  OrganisationEntity,
} from '#src/organisations/organisation.entity';

/** Every entity, listed explicitly: the app, the CLI and the tests share this list. */
export const ENTITIES = [
  AuditEventEntity,
  OrganisationEntity,
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  ForgeNamespaceEntity,
  LegalNormEntity,
  OnlineServiceEntity,
  ServiceLegalBasisEntity,
  ReleaseEntity,
  QaGateEntity,
  SignOffEntity,
  SubscriptionEntity,
  CampaignEntity,
  CampaignTargetEntity,
  CampaignFulfilmentEntity,
  CampaignTargetExclusionEntity,
  EffortEntryEntity,
  GithubDeliveryEntity,
  CampaignTargetIssueEntity,
];
