import { LegalNormEntity, OnlineServiceEntity, ServiceLegalBasisEntity } from '../catalogue/catalogue.entity';
import {
  CampaignEntity,
  CampaignFulfilmentEntity,
  CampaignTargetEntity,
  CampaignTargetExclusionEntity,
} from '../campaigns/campaign.entity';
import { AuditEventEntity } from '../common/audit/audit-event.entity';
import { EffortEntryEntity } from '../effort/effort-entry.entity';
import { CampaignTargetIssueEntity, GithubDeliveryEntity } from '../github/github.entity';
import { QaGateEntity, ReleaseEntity, SignOffEntity } from '../releases/release.entity';
import { SubscriptionEntity } from '../subscriptions/subscription.entity';
import {
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
  OrganisationEntity,
} from '../organisations/organisation.entity';

/** Every entity, listed explicitly: the app, the CLI and the tests share this list. */
export const ENTITIES = [
  AuditEventEntity,
  OrganisationEntity,
  InterfaceStandardEntity,
  OrganisationCapabilityEntity,
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
