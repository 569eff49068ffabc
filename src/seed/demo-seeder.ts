import { createHash } from 'node:crypto';
import { DEMO_SEARCH_TERMS } from './demo-search-terms';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignsService } from '#src/campaigns/campaigns.service';
import type { Themenfeld } from '#src/catalogue/catalogue-enums';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { LegalNormsService } from '#src/catalogue/legal-norms.service';
import { checkServiceFields, ServicesService } from '#src/catalogue/services.service';
import { Role } from '#src/common/auth/role';
import type { Actor, Viewer } from '#src/common/auth/viewer';
import { Clock } from '#src/common/clock';
import { DomainError } from '#src/common/errors/domain-error';
import { EffortService } from '#src/effort/effort.service';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { Verdict } from '#src/releases/release-enums';
import { GATE_KIND_ROLE } from '#src/releases/release.rules';
import { ReleasesService } from '#src/releases/releases.service';
import { SubscriptionWorkflowService } from '#src/subscriptions/subscription-workflow.service';
import { RESEARCHED_NORMS, RESEARCHED_SERVICES } from './demo-catalogue';
import { DEMO_ORGANISATIONS, DEMO_PERSONAS, DEMO_STANDARDS } from './demo-data';
import { existingKeys, idOf, type Existing } from './demo-keys';
import {
  BASELINES_SET,
  dateOf,
  DEMO_CAMPAIGNS,
  DEMO_CAPABILITIES,
  DEMO_SERVICES,
  DEMO_SUBSCRIPTIONS,
  REGISTRY_LAUNCH,
  ROUTINE_EFFORT,
  routineEntries,
  type CampaignFixture,
  type Day,
  type GateDecision,
  type GateKind,
  type ReleaseFixture,
  type ServiceFixture,
  type SubscriptionFixture,
} from './demo-scenario';
import { playInDateOrder, some, step, type Step } from './demo-timeline';

export interface SeedSummary {
  organisations: number;
  standards: number;
  norms: number;
  services: number;
  releases: number;
  subscriptions: number;
  campaigns: number;
  effortEntries: number;
}

/**
 * The seed acts through the API's services as these people (named as such in the audit trail);
 * hours are recorded by the owner's maintainer persona (`maintainerOf`).
 */
const SEED: Actor = { kind: 'system', subject: 'seed' };
const MAINTAINER: Viewer = {
  subject: 'seed',
  name: 'Demo-Daten',
  roles: [Role.OPERATOR],
  organisation: null,
};
const reviewer = (kind: GateKind): Viewer => ({
  subject: `seed-reviewer-${kind.toLowerCase()}`,
  name: `Demo-Prüfung ${kind}`,
  roles: [GATE_KIND_ROLE[kind] as Role],
  organisation: null,
});

const DAY_MS = 86_400_000;

/**
 * Plays the demo scenario (demo-scenario.ts) through the same services as the API, validated and
 * audited, each fact with the clock at its date (demo-timeline.ts). It runs at every start, so it
 * is idempotent: what exists (an organisation, a release, a subscription, a campaign, a
 * baseline...) is left as it is, with its history, and what is missing is added with its whole
 * history. A release or subscription broken off halfway by a crash is not resumed (it exists):
 * start again from an empty database.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
    private readonly organisations: OrganisationsService,
    private readonly norms: LegalNormsService,
    private readonly services: ServicesService,
    private readonly releases: ReleasesService,
    private readonly subscriptions: SubscriptionWorkflowService,
    private readonly campaigns: CampaignsService,
    private readonly effort: EffortService,
  ) {}

  async seed(): Promise<SeedSummary> {
    const summary: SeedSummary = {
      organisations: 0,
      standards: 0,
      norms: 0,
      services: 0,
      releases: 0,
      subscriptions: 0,
      campaigns: 0,
      effortEntries: 0,
    };
    const today = this.clock.today();
    const has = await existingKeys(this.db);
    const steps = [
      ...this.catalogueSteps(has, summary),
      ...this.releaseSteps(has, summary),
      ...this.capabilitySteps(has),
      ...this.subscriptionSteps(has, summary),
      ...this.campaignSteps(has, today, summary),
      ...this.baselineSteps(has),
      ...this.routineEffortSteps(has, today, summary),
    ];
    await playInDateOrder(this.clock, steps, today);
    return summary;
  }

  // ------------------------------------------------------------------ one function per fixture kind
  // The only calls into other modules' services: each turns its fixtures (those the database
  // lacks) into dated steps.

  /** The registry's launch: organisations, standards, norms, services (demo-data.ts, demo-catalogue.ts). */
  private catalogueSteps(has: Existing, summary: SeedSummary): Step[] {
    const register = (what: string, count: keyof SeedSummary, work: () => Promise<unknown>) =>
      step(REGISTRY_LAUNCH, what, async () => {
        if (await this.tolerateConflict(work)) {
          summary[count]++;
        }
      });
    return [
      ...DEMO_ORGANISATIONS.filter((o) => !has.organisations.has(o.key)).map((o) =>
        register(`organisation ${o.key}`, 'organisations', () => this.organisations.registerAs(SEED, o)),
      ),
      ...DEMO_STANDARDS.filter((s) => !has.standards.has(s.key)).map((s) =>
        register(`standard ${s.key}`, 'standards', () => this.organisations.registerStandard(SEED, s)),
      ),
      ...RESEARCHED_NORMS.filter((n) => !has.norms.has(n.abbreviation)).map((n) =>
        register(`norm ${n.abbreviation}`, 'norms', () => this.norms.register(SEED, n)),
      ),
      ...RESEARCHED_SERVICES.filter((s) => !has.services.has(s.slug)).map((service) => {
        const how = scenarioOf(service.slug);
        const fields = checkServiceFields({
          name: service.name,
          summary: service.summary,
          leikaKeys: service.leikaKeys,
          keywords: DEMO_SEARCH_TERMS[service.slug]?.terms ?? [],
          themenfeld: service.themenfeld as Themenfeld,
          maturityLevel: service.maturityLevel,
          maturityModel: service.maturityModel,
          sdgRelevant: service.sdgRelevant,
          lifecycle: how.lifecycle,
          subscriptionApproval: how.approval,
          license: how.license ?? null,
        });
        const input = { reuseModel: how.reuseModel, legalBases: service.legalBases };
        return register(`service ${service.slug}`, 'services', () =>
          this.services.registerAs(SEED, service.slug, how.owner, input, fields),
        );
      }),
    ];
  }

  private releaseSteps(has: Existing, summary: SeedSummary): Step[] {
    return DEMO_SERVICES.flatMap((service) =>
      service.releases
        .filter((release) => !has.releases.has(`${service.slug}@${release.version}`))
        .flatMap((release) => this.stepsOfRelease(service, release, summary)),
    );
  }

  /** Created, submitted, each gate decided, published and deprecated, each on its day. */
  private stepsOfRelease(service: ServiceFixture, release: ReleaseFixture, summary: SeedSummary): Step[] {
    const what = `release ${service.slug} ${release.version}`;
    const id = () => this.id('release', service.slug, release.version);
    const gates = Object.entries(release.gates) as [GateKind, GateDecision][];
    return [
      step(release.submitted, `${what} created`, async () => {
        await this.releases.create(MAINTAINER, {
          serviceId: await this.id('service', service.slug),
          version: release.version,
          notes: release.notes,
          changes: release.changes,
          interfaces: release.interfaces,
          artifactDigest: `sha256:${sha256(`${service.slug}@${release.version}`)}`,
        });
        summary.releases++;
      }),
      step(release.submitted, `${what} submitted`, async () => this.releases.submit(MAINTAINER, await id())),
      ...gates.map(([kind, decision]) =>
        step(decidedOn(decision), `${what} ${kind} decided`, async () => {
          const releaseId = await id();
          const gate = QaGateKind[kind];
          if ('waive' in decision) {
            // Valid for validDays from the day it is granted (the clock stands at that day here).
            const expiresAt = new Date(this.clock.now().getTime() + decision.validDays * DAY_MS);
            const { reason, ticket } = decision;
            return this.releases.waive(MAINTAINER, { releaseId, kind: gate, reason, ticket, expiresAt });
          }
          const verdict = 'approve' in decision ? Verdict.APPROVE : Verdict.REJECT;
          const comment = 'reject' in decision ? decision.comment : null;
          return this.releases.signOff(reviewer(kind), { releaseId, kind: gate, verdict, comment });
        }),
      ),
      ...some(release.published).map((day) =>
        step(day, `${what} published`, async () => this.releases.publish(MAINTAINER, await id())),
      ),
      ...some(release.deprecated).map(({ at, reason }) =>
        step(at, `${what} deprecated`, async () => this.releases.deprecate(MAINTAINER, await id(), reason)),
      ),
    ];
  }

  /** What municipalities declare their own systems exchange. */
  private capabilitySteps(has: Existing): Step[] {
    return DEMO_CAPABILITIES.filter((c) => !has.capabilities.has(c.organisation)).map((c) =>
      step(c.at, `capabilities of ${c.organisation}`, async () =>
        this.organisations.setCapabilities(
          await this.adminOf(c.organisation),
          c.organisation,
          c.capabilities,
        ),
      ),
    );
  }

  private subscriptionSteps(has: Existing, summary: SeedSummary): Step[] {
    return DEMO_SUBSCRIPTIONS.filter((s) => !has.subscriptions.has(`${s.organisation} ${s.service}`)).flatMap(
      (s) => this.stepsOfSubscription(s, summary),
    );
  }

  /** Requested by the municipality, approved by the owner (MANUAL services), then its deployments. */
  private stepsOfSubscription(s: SubscriptionFixture, summary: SeedSummary): Step[] {
    const what = `subscription of ${s.organisation} to ${s.service}`;
    const id = () => this.id('subscription', s.organisation, s.service);
    return [
      step(s.requested, `${what} requested`, async () => {
        const serviceId = await this.id('service', s.service);
        await this.subscriptions.request(await this.adminOf(s.organisation), {
          serviceId,
          versionRange: s.range,
        });
        summary.subscriptions++;
      }),
      ...some(s.approved).map(({ at, agreement }) =>
        step(at, `${what} approved`, async () =>
          this.subscriptions.approve(MAINTAINER, await id(), agreement),
        ),
      ),
      ...s.deployed.map((d) =>
        step(d.at, `${what}: ${d.version} deployed`, async () =>
          this.subscriptions.reportDeployment(await this.adminOf(s.organisation), await id(), d.version),
        ),
      ),
    ];
  }

  private campaignSteps(has: Existing, today: string, summary: SeedSummary): Step[] {
    return DEMO_CAMPAIGNS.filter((c) => !has.campaigns.has(c.title)).flatMap((c) =>
      this.stepsOfCampaign(c, today, summary),
    );
  }

  /** Opened, its targets added, excluded, planned, worked on and fulfilled, then completed. */
  private stepsOfCampaign(c: CampaignFixture, today: string, summary: SeedSummary): Step[] {
    const id = () => this.id('campaign', c.title);
    const opened = step(c.opened, `campaign ${c.norm} opened`, async () => {
      const effectiveDate = dateOf(c.effectiveDate, today);
      const { title, description, norm, amendment } = c;
      await this.campaigns.open(MAINTAINER, {
        title,
        description,
        norm,
        provisions: c.provisions ?? [],
        amendment,
        effectiveDate,
      });
      summary.campaigns++;
    });
    const targetSteps = c.targets.flatMap((t) => {
      const what = `campaign ${c.norm}, target ${t.service}`;
      const targetId = () => this.id('target', c.title, t.service);
      const serviceId = () => this.id('service', t.service);
      return [
        ...some(t.added).map((day) =>
          step(day, `${what} added`, async () =>
            this.campaigns.addTarget(MAINTAINER, await id(), await serviceId()),
          ),
        ),
        ...some(t.excluded).map(({ at, reason }) =>
          step(at, `${what} excluded`, async () =>
            this.campaigns.exclude(MAINTAINER, await targetId(), reason),
          ),
        ),
        ...some(t.plan).map((plan) =>
          step(plan.at, `${what} planned`, async () => {
            const { assignee, estimate } = plan;
            const plannedReleaseDate = dateOf(plan.plannedRelease, today);
            const target = await targetId();
            return this.campaigns.plan(MAINTAINER, {
              targetId: target,
              plannedReleaseDate,
              assignee,
              estimate,
            });
          }),
        ),
        ...(t.effort ?? []).map(({ at, hours, note }) =>
          step(at, `${what}: ${hours} h recorded`, async () => {
            const entry = { serviceId: await serviceId(), campaignTargetId: await targetId(), hours, note };
            await this.effort.record(await this.maintainerOf(t.service), {
              ...entry,
              date: dateOf(at, today),
            });
            summary.effortEntries++;
          }),
        ),
        ...some(t.fulfilledBy).map(({ version, linked }) =>
          step(linked, `${what} fulfilled by ${version}`, async () => {
            const releaseId = await this.id('release', t.service, version);
            return this.campaigns.link(MAINTAINER, await targetId(), releaseId);
          }),
        ),
      ];
    });
    const completed = some(c.completed).map((day) =>
      step(day, `campaign ${c.norm} completed`, async () => this.campaigns.complete(MAINTAINER, await id())),
    );
    return [opened, ...targetSteps, ...completed];
  }

  /** Every service's yearly maintenance estimate. */
  private baselineSteps(has: Existing): Step[] {
    return DEMO_SERVICES.filter((s) => !has.baselines.has(s.slug)).map((s) =>
      step(BASELINES_SET, `baseline of ${s.slug}`, async () => {
        const [optimisticHours, likelyHours, pessimisticHours] = s.baseline;
        const estimate = { optimisticHours, likelyHours, pessimisticHours };
        return this.effort.setBaseline(MAINTAINER, await this.id('service', s.slug), estimate);
      }),
    );
  }

  /**
   * The owners' routine hours over the last year (ROUTINE_EFFORT). A service that has routine
   * entries already keeps them as they are: its entries were dated when they were first seeded.
   */
  private routineEffortSteps(has: Existing, today: string, summary: SeedSummary): Step[] {
    return ROUTINE_EFFORT.flatMap(routineEntries)
      .filter((e) => !has.routineEffort.has(e.service))
      .map(({ service, at, hours, note }) =>
        step(at, `routine effort on ${service}: ${hours} h`, async () => {
          const serviceId = await this.id('service', service);
          const entry = { serviceId, hours, note, date: dateOf(at, today) };
          await this.effort.record(await this.maintainerOf(service), entry);
          summary.effortEntries++;
        }),
      );
  }

  /** Another replica seeding at the same moment registered it first: fine, it exists. */
  private async tolerateConflict(work: () => Promise<unknown>): Promise<boolean> {
    try {
      await work();
      return true;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CONFLICT') {
        return false;
      }
      throw error;
    }
  }

  private id(kind: Parameters<typeof idOf>[1], ...key: string[]): Promise<string> {
    return idOf(this.db, kind, ...key);
  }

  /**
   * The maintainer who records hours on a service: the first demo persona maintaining its owner
   * (demo-data.ts), so the effort lists name people; the seed's operator for an owner without one.
   */
  private async maintainerOf(slug: string): Promise<Viewer> {
    const owner = scenarioOf(slug).owner;
    const persona = DEMO_PERSONAS.find(
      (p) => p.organisationKey === owner && p.roles.includes(Role.MAINTAINER),
    );
    if (!persona) {
      return MAINTAINER;
    }
    return {
      subject: persona.id,
      name: persona.name,
      roles: [Role.MAINTAINER],
      organisation: { id: await this.id('organisation', owner), key: owner },
    };
  }

  /** The organisation's municipality admin (who subscribes, reports deployments, declares capabilities). */
  private async adminOf(key: string): Promise<Viewer> {
    return {
      subject: `seed-admin-${key}`,
      name: `Demo-Verwaltung ${DEMO_ORGANISATIONS.find((o) => o.key === key)?.name ?? key}`,
      roles: [Role.MUNICIPALITY_ADMIN],
      organisation: { id: await this.id('organisation', key), key },
    };
  }
}

function scenarioOf(slug: string): ServiceFixture {
  const found = DEMO_SERVICES.find((s) => s.slug === slug);
  if (!found) {
    throw new Error(`Demo scenario: demo-scenario.ts says nothing about service ${slug}`);
  }
  return found;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function decidedOn(decision: GateDecision): Day {
  return 'approve' in decision ? decision.approve : 'reject' in decision ? decision.reject : decision.waive;
}
