import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CampaignQueries, type TargetView } from '#src/campaigns/campaign-queries.service';
import { CampaignRepository } from '#src/campaigns/campaign.repository';
import { CampaignTargetState } from '#src/campaigns/campaign.rules';
import { OrganisationRepository } from '#src/organisations/organisation.repository';
import type { QaGateKind } from '#src/qa/qa-policy.rules';
import { QaRepository } from '#src/qa/qa.repository';
import { ReleaseEvaluation } from '#src/releases/release-evaluation';
import { ReleaseRepository } from '#src/releases/release.repository';
import { inRange, targetVersion } from '#src/subscriptions/subscription.rules';
import { NotificationKind } from './notification-enums';
import { NotificationRepository, type EventRow, type Notice } from './notification.repository';

const GATE_KIND_DE: Record<string, string> = {
  USABILITY: 'Gebrauchstauglichkeit',
  SECURITY: 'Sicherheit',
  INTERFACES: 'Schnittstellen',
};

const SUBSCRIPTION_DE: Partial<Record<NotificationKind, string>> = {
  [NotificationKind.SUBSCRIPTION_APPROVED]: 'wurde angenommen',
  [NotificationKind.SUBSCRIPTION_REJECTED]: 'wurde abgelehnt',
  [NotificationKind.SUBSCRIPTION_SUSPENDED]: 'wurde ausgesetzt',
  [NotificationKind.SUBSCRIPTION_RESUMED]: 'wird fortgesetzt',
  [NotificationKind.SUBSCRIPTION_TERMINATED]: 'wurde gekündigt',
};

/** Reviewers who signed off a gate of a kind within this span are told of new gates of that kind. */
const REVIEWERS_WITHIN_MS = 365 * 86_400_000;

const DONE = [CampaignTargetState.ROLLED_OUT, CampaignTargetState.EXCLUDED];
const OWNER_DONE = [...DONE, CampaignTargetState.RELEASED];

type Service = {
  id: string;
  slug: string;
  name: string;
  ownerId: string;
  owner: { key: string; name: string };
};

const serviceData = (s: Service) => ({
  slug: s.slug,
  name: s.name,
  owner: { key: s.owner.key, name: s.owner.name },
});
const releaseLink = (s: Service, version: string) =>
  `/leistungen/${encodeURIComponent(s.slug)}/versionen/${encodeURIComponent(version)}`;
const because = (reason: string | null | undefined) => (reason ? `: ${reason}` : '');

/**
 * Who learns of an event, and what each recipient reads (the notice's German title, the console
 * path it links to, and the payload's `data`, docs/notifications.md). Computed when the event is
 * distributed, from the facts as they are then: a notice tells each recipient its own side (a
 * subscriber whether the release is in its range; an owner which of its services a campaign
 * targets).
 */
@Injectable()
export class NotificationNotices {
  constructor(
    private readonly repository: NotificationRepository,
    private readonly releases: ReleaseRepository,
    private readonly evaluation: ReleaseEvaluation,
    private readonly campaigns: CampaignRepository,
    private readonly campaignQueries: CampaignQueries,
    private readonly qa: QaRepository,
    private readonly organisations: OrganisationRepository,
  ) {}

  async of(manager: EntityManager, event: EventRow): Promise<Notice[]> {
    const s = event.subject;
    switch (event.kind) {
      case NotificationKind.RELEASE_PUBLISHED:
        return this.published(manager, s.releaseId, event.occurred_at);
      case NotificationKind.RELEASE_DEPRECATED:
        return this.deprecated(manager, s.releaseId, s.reason, event.occurred_at);
      case NotificationKind.GATE_AWAITING_REVIEW:
        return this.gate(manager, s.releaseId, s.gateKind, event.occurred_at);
      case NotificationKind.SUBSCRIPTION_REQUESTED:
      case NotificationKind.SUBSCRIPTION_APPROVED:
      case NotificationKind.SUBSCRIPTION_REJECTED:
      case NotificationKind.SUBSCRIPTION_SUSPENDED:
      case NotificationKind.SUBSCRIPTION_RESUMED:
      case NotificationKind.SUBSCRIPTION_TERMINATED:
        return this.subscription(manager, event);
      case NotificationKind.CAMPAIGN_OPENED:
      case NotificationKind.CAMPAIGN_TARGET_ADDED:
        return this.campaign(manager, event, (t) => s.targetIds.includes(t.id));
      case NotificationKind.CAMPAIGN_DEADLINE_APPROACHING:
        return this.campaign(manager, event, () => true);
      case NotificationKind.CAMPAIGN_TARGET_OVERDUE:
        return this.campaign(manager, event, (t) => t.id === s.targetId);
    }
  }

  /** To the subscribers: in their range or not, their new target or not, affected by its interfaces or not. */
  private async published(manager: EntityManager, releaseId: string, at: Date): Promise<Notice[]> {
    const [release] = await this.releases.byIds([releaseId], manager);
    const service =
      release && (await this.repository.services(manager, [release.serviceId])).get(release.serviceId);
    if (!release || !service) {
      return [];
    }
    const [evaluation] = await this.evaluation.evaluate([release]);
    const adoptable = (await this.releases.adoptableIn(manager, release.serviceId)).map((r) => r.version);
    const subscribers = await this.repository.subscribers(
      manager,
      [release.serviceId],
      at,
      release.interfaces,
    );
    return subscribers.map((sub) => {
      const within = inRange(release.version, sub.version_range);
      const newTarget = targetVersion(sub.version_range, adoptable) === release.version;
      const affected = sub.affected;
      const where = newTarget
        ? 'neue Zielversion Ihrer Nachnutzung'
        : within
          ? 'in Ihrem Versionsbereich'
          : `außerhalb Ihres Versionsbereichs ${sub.version_range}`;
      return {
        organisationId: sub.organisation_id,
        gateKind: null,
        title: `${service.name} ${release.version} veröffentlicht – ${where}${affected ? '; die Schnittstellenänderung betrifft Sie' : ''}`,
        link: releaseLink(service, release.version),
        data: {
          service: serviceData(service),
          release: {
            id: release.id,
            version: release.version,
            publishedAt: release.publishedAt,
            bump: evaluation.impact.bump,
            breaking: evaluation.impact.breaking,
            notes: release.notes,
          },
          subscription: {
            id: sub.id,
            versionRange: sub.version_range,
            state: sub.state,
            deployedVersion: sub.deployed_version,
          },
          inRange: within,
          newTarget,
          affected,
        },
      };
    });
  }

  /** To the subscribers that run it or whose target it was. */
  private async deprecated(
    manager: EntityManager,
    releaseId: string,
    reason: string | null,
    at: Date,
  ): Promise<Notice[]> {
    const [release] = await this.releases.byIds([releaseId], manager);
    const service =
      release && (await this.repository.services(manager, [release.serviceId])).get(release.serviceId);
    if (!release || !service) {
      return [];
    }
    const adoptable = (await this.releases.adoptableIn(manager, release.serviceId)).map((r) => r.version);
    const before = [...adoptable, release.version];
    const notices: Notice[] = [];
    for (const sub of await this.repository.subscribers(manager, [release.serviceId], at)) {
      const deployed = sub.deployed_version === release.version;
      const wasTarget = targetVersion(sub.version_range, before) === release.version;
      if (!deployed && !wasTarget) {
        continue;
      }
      const newTarget = targetVersion(sub.version_range, adoptable);
      notices.push({
        organisationId: sub.organisation_id,
        gateKind: null,
        title: `${service.name} ${release.version} abgekündigt – ${deployed ? 'Sie setzen diese Version ein' : 'sie war Ihre Zielversion'}${newTarget ? `; neue Zielversion ${newTarget}` : '; keine andere Version liegt in Ihrem Versionsbereich'}`,
        link: releaseLink(service, release.version),
        data: {
          service: serviceData(service),
          release: { id: release.id, version: release.version, reason },
          subscription: {
            id: sub.id,
            versionRange: sub.version_range,
            state: sub.state,
            deployedVersion: sub.deployed_version,
          },
          deployed,
          wasTarget,
          newTarget,
        },
      });
    }
    return notices;
  }

  /**
   * To the reviewers of the kind: the organisations whose reviewers signed off gates of this kind
   * in the last year, and those with a channel that asks for them.
   */
  private async gate(
    manager: EntityManager,
    releaseId: string,
    gateKind: QaGateKind,
    occurredAt: Date,
  ): Promise<Notice[]> {
    const [release] = await this.releases.byIds([releaseId], manager);
    const service =
      release && (await this.repository.services(manager, [release.serviceId])).get(release.serviceId);
    if (!release || !service) {
      return [];
    }
    const since = new Date(new Date(occurredAt).getTime() - REVIEWERS_WITHIN_MS);
    const reviewerKeys = await this.qa.reviewerOrganisationKeys(manager, gateKind, since);
    const watchers = new Set([
      ...(await this.organisations.byKeys(reviewerKeys)).map((o) => o.id),
      ...(await this.repository.gateWatchers(manager, gateKind)),
    ]);
    return [...watchers].map((organisationId) => ({
      organisationId,
      gateKind,
      title: `Prüfung ${GATE_KIND_DE[gateKind] ?? gateKind} wartet: ${service.name} ${release.version}`,
      link: releaseLink(service, release.version),
      data: {
        service: serviceData(service),
        release: { id: release.id, version: release.version, state: release.state },
        gate: { kind: gateKind },
      },
    }));
  }

  /** A request to the owner; a decision, suspension, resumption or termination to the subscriber (and a termination by the subscriber to the owner). */
  private async subscription(manager: EntityManager, event: EventRow): Promise<Notice[]> {
    const s = event.subject;
    const service = (await this.repository.services(manager, [s.serviceId])).get(s.serviceId);
    if (!service) {
      return [];
    }
    const subscriber = (await this.repository.organisations(manager, [s.organisationId])).get(
      s.organisationId,
    );
    const sub = await this.repository.subscription(manager, s.subscriptionId);
    const data = {
      service: serviceData(service),
      subscription: {
        id: s.subscriptionId,
        state: s.state,
        versionRange: sub?.version_range ?? null,
        reason: s.reason ?? null,
        organisation: subscriber ?? null,
      },
    };
    const link = '/nachnutzungen';
    if (event.kind === NotificationKind.SUBSCRIPTION_REQUESTED) {
      const automatic = s.state === 'ACTIVE';
      return [
        {
          organisationId: service.ownerId,
          gateKind: null,
          title: automatic
            ? `${subscriber?.name ?? 'Eine Organisation'} nutzt ${service.name} jetzt nach (automatisch angenommen)`
            : `${subscriber?.name ?? 'Eine Organisation'} beantragt die Nachnutzung von ${service.name}`,
          link,
          data,
        },
      ];
    }
    const notices: Notice[] = [
      {
        organisationId: s.organisationId,
        gateKind: null,
        title: `Ihre Nachnutzung von ${service.name} ${SUBSCRIPTION_DE[event.kind]}${because(s.reason)}`,
        link,
        data,
      },
    ];
    const byOwner = event.actor.kind === 'user' && event.actor.organisation === service.owner.key;
    if (
      event.kind === NotificationKind.SUBSCRIPTION_TERMINATED &&
      !byOwner &&
      service.ownerId !== s.organisationId
    ) {
      notices.push({
        organisationId: service.ownerId,
        gateKind: null,
        title: `${subscriber?.name ?? 'Eine Organisation'} hat die Nachnutzung von ${service.name} gekündigt${because(s.reason)}`,
        link,
        data,
      });
    }
    return notices;
  }

  /**
   * Campaign events: to the owner of each concerned target's service (targets it still has to
   * release) and to that service's subscribers (targets not yet rolled out), one notice per
   * organisation listing its targets.
   */
  private async campaign(
    manager: EntityManager,
    event: EventRow,
    concerns: (target: TargetView) => boolean,
  ): Promise<Notice[]> {
    const { kind, occurred_at: at } = event;
    const { campaignId, daysLeft } = event.subject;
    const [campaign] = await this.campaigns.byIds([campaignId]);
    if (!campaign) {
      return [];
    }
    const targets = (await this.campaignQueries.views({ campaignIds: [campaignId] }, manager)).filter(
      (t) => concerns(t) && !DONE.includes(t.state),
    );
    if (targets.length === 0) {
      return [];
    }
    const services = await this.repository.services(manager, [...new Set(targets.map((t) => t.serviceId))]);
    const subscribers = await this.repository.subscribers(manager, [...services.keys()], at);
    const byOrganisation = new Map<string, { roles: Set<string>; targets: TargetView[] }>();
    const add = (organisationId: string, role: string, target: TargetView) => {
      const entry = byOrganisation.get(organisationId) ?? { roles: new Set(), targets: [] };
      entry.roles.add(role);
      if (!entry.targets.includes(target)) {
        entry.targets.push(target);
      }
      byOrganisation.set(organisationId, entry);
    };
    for (const target of targets) {
      const service = services.get(target.serviceId);
      if (!service) {
        continue;
      }
      if (!OWNER_DONE.includes(target.state) || kind === NotificationKind.CAMPAIGN_OPENED) {
        add(service.ownerId, 'owner', target);
      }
      for (const sub of subscribers.filter((x) => x.service_id === target.serviceId)) {
        add(sub.organisation_id, 'subscriber', target);
      }
    }
    const headline = `Kampagne „${campaign.title}“`;
    return [...byOrganisation].map(([organisationId, { roles, targets: mine }]) => {
      const names = mine.map((t) => services.get(t.serviceId)!.name).sort((a, b) => a.localeCompare(b, 'de'));
      const list =
        names.length <= 3
          ? names.join(', ')
          : `${names.slice(0, 3).join(', ')} und ${names.length - 3} weitere`;
      const title =
        kind === NotificationKind.CAMPAIGN_OPENED
          ? `${headline} eröffnet: betrifft ${list} (Stichtag ${germanDate(campaign.effectiveDate)})`
          : kind === NotificationKind.CAMPAIGN_TARGET_ADDED
            ? `${headline}: ${list} ist jetzt Ziel (Stichtag ${germanDate(campaign.effectiveDate)})`
            : kind === NotificationKind.CAMPAIGN_DEADLINE_APPROACHING
              ? `${headline}: Stichtag ${germanDate(campaign.effectiveDate)} in ${daysLeft} Tagen – offen: ${list}`
              : `${headline}: ${list} ist überfällig (Stichtag ${germanDate(campaign.effectiveDate)})`;
      return {
        organisationId,
        gateKind: null,
        title,
        link: `/kampagnen/${campaign.id}`,
        data: {
          campaign: {
            id: campaign.id,
            title: campaign.title,
            effectiveDate: campaign.effectiveDate,
            amendment: campaign.amendment,
            ...(daysLeft !== undefined ? { daysLeft } : {}),
          },
          roles: [...roles].sort(),
          targets: mine.map((t) => ({
            id: t.id,
            state: t.state,
            overdue: t.overdue,
            service: serviceData(services.get(t.serviceId)!),
          })),
        },
      };
    });
  }
}

/** 2027-01-01 as 01.01.2027. */
export function germanDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d}.${m}.${y}`;
}
