import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  ReuseModel,
  ServiceLifecycle,
  SubscriptionApproval,
  type Themenfeld,
} from '#src/catalogue/catalogue-enums';
import { LegalNormEntity, OnlineServiceEntity } from '#src/catalogue/catalogue.entity';
import { LegalNormsService } from '#src/catalogue/legal-norms.service';
import { checkServiceFields, ServicesService } from '#src/catalogue/services.service';
import { Role } from '#src/common/auth/role';
import type { Actor, Viewer } from '#src/common/auth/viewer';
import type { InterfaceUseInput } from '#src/releases/dto/release.inputs';
import { ChangeType, InterfaceDirection, Verdict } from '#src/releases/release-enums';
import { GATE_KIND_ROLE } from '#src/releases/release.rules';
import { ReleasesService } from '#src/releases/releases.service';
import { SubscriptionState } from '#src/subscriptions/subscription-state';
import { SubscriptionsService } from '#src/subscriptions/subscriptions.service';
import { CampaignsService } from '#src/campaigns/campaigns.service';
import { EffortService } from '#src/effort/effort.service';
import { DomainError } from '#src/common/errors/domain-error';
import { InterfaceStandardEntity, OrganisationEntity } from '#src/organisations/organisation.entity';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { RESEARCHED_NORMS, RESEARCHED_SERVICES } from './demo-catalogue';
import { DEMO_ORGANISATIONS, DEMO_STANDARDS } from './demo-data';
import { QaGateKind } from '#src/qa/qa-policy.rules';

const SEED: Actor = { kind: 'system', subject: 'seed' };

/** Who builds and runs the demo services (EfA: one for all), in turn. */
const DEMO_OWNERS = ['dataport', '010000000000', 'komfit', '010020000000', '010030000000'];

export interface SeedSummary {
  organisations: number;
  standards: number;
  norms: number;
  services: number;
  releases: number;
  subscriptions: number;
  campaigns: number;
}

/** The seed acts through the API's services as these people (named as such in the audit trail). */
const SEED_MAINTAINER: Viewer = {
  subject: 'seed',
  name: 'Demo-Daten',
  roles: [Role.OPERATOR],
  organisation: null,
};
const seedReviewer = (kind: QaGateKind): Viewer => ({
  subject: `seed-reviewer-${kind.toLowerCase()}`,
  name: `Demo-Prüfung ${kind}`,
  roles: [GATE_KIND_ROLE[kind] as Role],
  organisation: null,
});

/** What the demo services exchange, by subject area (XÖV standards, transports, portal components). */
function demoInterfaces(themenfeld: string, major: number): InterfaceUseInput[] {
  const uses: InterfaceUseInput[] = [
    { standard: 'fit-connect', version: '1', direction: InterfaceDirection.CONSUMES },
    { standard: 'servicekonto', version: '2.0', direction: InterfaceDirection.CONSUMES },
  ];
  if (themenfeld === 'BAUEN_WOHNEN') {
    uses.push({
      standard: 'xbau',
      version: major >= 2 ? '2.3' : '2.2',
      direction: InterfaceDirection.PROVIDES,
    });
  } else if (themenfeld === 'FAMILIE_KIND' || themenfeld === 'EIN_AUSWANDERUNG') {
    uses.push({
      standard: 'xpersonenstand',
      version: major >= 2 ? '25.05' : '24.11',
      direction: InterfaceDirection.PROVIDES,
    });
  } else if (themenfeld === 'RECHT_ORDNUNG' || themenfeld === 'MOBILITAET_REISEN') {
    uses.push({ standard: 'xmeld', version: '3.4', direction: InterfaceDirection.CONSUMES });
  } else {
    uses.push({
      standard: 'epayment',
      version: major >= 2 ? '2.0' : '1.5',
      direction: InterfaceDirection.CONSUMES,
    });
  }
  return uses;
}

/**
 * Loads the demo data through the same services as the API (validated and audited as the system
 * actor "seed"). Idempotent: what exists is left as it is.
 */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly organisations: OrganisationsService,
    private readonly norms: LegalNormsService,
    private readonly services: ServicesService,
    private readonly releases: ReleasesService,
    private readonly subscriptions: SubscriptionsService,
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
    };
    const existingOrganisations = await this.existing(OrganisationEntity, 'key');
    for (const organisation of DEMO_ORGANISATIONS) {
      if (existingOrganisations.has(organisation.key)) {
        continue;
      }
      if (await this.tolerateConflict(() => this.organisations.registerAs(SEED, organisation))) {
        summary.organisations++;
      }
    }
    const existingStandards = await this.existing(InterfaceStandardEntity, 'key');
    for (const standard of DEMO_STANDARDS) {
      if (existingStandards.has(standard.key)) {
        continue;
      }
      if (await this.tolerateConflict(() => this.organisations.registerStandard(SEED, standard))) {
        summary.standards++;
      }
    }
    const existingNorms = await this.existing(LegalNormEntity, 'abbreviation');
    for (const norm of RESEARCHED_NORMS) {
      if (existingNorms.has(norm.abbreviation)) {
        continue;
      }
      if (await this.tolerateConflict(() => this.norms.register(SEED, norm))) {
        summary.norms++;
      }
    }
    const existingServices = await this.existing(OnlineServiceEntity, 'slug');
    for (const [i, service] of RESEARCHED_SERVICES.entries()) {
      if (existingServices.has(service.slug)) {
        continue;
      }
      const reuseModel =
        i % 5 === 4
          ? ReuseModel.SELF_HOSTED_OPEN_SOURCE
          : i % 3 === 2
            ? ReuseModel.CENTRAL_DEVELOPMENT_LOCAL_OPERATION
            : ReuseModel.EFA_CENTRAL;
      const fields = checkServiceFields({
        name: service.name,
        summary: service.summary,
        leikaKeys: service.leikaKeys,
        themenfeld: service.themenfeld as Themenfeld,
        maturityLevel: service.maturityLevel,
        sdgRelevant: service.sdgRelevant,
        lifecycle: i % 7 === 6 ? ServiceLifecycle.DEVELOPMENT : ServiceLifecycle.ACTIVE,
        subscriptionApproval: i % 4 === 0 ? SubscriptionApproval.AUTOMATIC : SubscriptionApproval.MANUAL,
        license: reuseModel === ReuseModel.SELF_HOSTED_OPEN_SOURCE ? 'EUPL-1.2' : null,
      });
      const owner = DEMO_OWNERS[i % DEMO_OWNERS.length];
      const legalBases = service.legalBases;
      if (
        await this.tolerateConflict(() =>
          this.services.registerAs(SEED, service.slug, owner, { reuseModel, legalBases }, fields),
        )
      ) {
        summary.services++;
      }
    }
    summary.releases = await this.seedReleases();
    summary.subscriptions = await this.seedSubscriptions();
    summary.campaigns = await this.seedCampaigns();
    await this.seedBaselines();
    return summary;
  }

  /** Annual routine maintenance of every demo service without one: a three-point estimate in hours. */
  private async seedBaselines(): Promise<void> {
    const services = await this.db.getRepository(OnlineServiceEntity).find({ order: { slug: 'ASC' } });
    for (const [i, service] of services.entries()) {
      if (service.maintenanceBaseline) {
        continue;
      }
      await this.effort.setBaseline(SEED_MAINTAINER, service.id, {
        optimisticHours: 40 + 4 * (i % 7),
        likelyHours: 80 + 8 * (i % 7),
        pessimisticHours: 200 + 20 * (i % 7),
      });
    }
  }

  /**
   * A completed campaign (the Wohngeld reform in force since 1 January 2023) and an active one
   * whose targets show every state: excluded, released (a subscriber still on an older version),
   * rolled out, planned but at risk, and open (overdue: its effective date has passed).
   */
  private async seedCampaigns(): Promise<number> {
    if ((await this.db.query('SELECT 1 FROM campaign LIMIT 1')).length > 0) {
      return 0;
    }
    const latestOf = async (serviceId: string, version?: string) =>
      (
        await this.db.query(
          `SELECT id FROM release WHERE service_id = $1 AND state = 'PUBLISHED' ${version ? 'AND version = $2' : ''}
            ORDER BY major DESC, minor DESC, patch DESC LIMIT 1`,
          version ? [serviceId, version] : [serviceId],
        )
      )[0]?.id as string | undefined;

    const wohngeld = await this.campaigns.open(SEED_MAINTAINER, {
      title: 'Wohngeld-Plus: neue Berechnung und Heizkostenkomponente',
      description:
        'Die Wohngeldreform gilt seit dem 1. Januar 2023; alle Wohngeld-Dienste rechnen nach dem neuen Recht.',
      norm: 'WoGG',
      provisions: [],
      amendment: 'Wohngeld-Plus-Gesetz',
      effectiveDate: '2023-01-01',
    });
    for (const target of await this.campaigns.targetsOf(wohngeld.id)) {
      const release = await latestOf(target.serviceId);
      if (!release) {
        await this.campaigns.exclude(SEED_MAINTAINER, target.id, 'Kein veröffentlichtes Release');
        continue;
      }
      // Planned, released, and the hours it took (more than estimated): the owner's plans are calibrated by it.
      await this.campaigns.plan(SEED_MAINTAINER, {
        targetId: target.id,
        plannedReleaseDate: '2022-12-15',
        assignee: 'Team Wohngeld',
        estimate: { optimisticHours: 40, likelyHours: 60, pessimisticHours: 120 },
      });
      await this.campaigns.link(SEED_MAINTAINER, target.id, release);
      for (const [date, hours] of [
        ['2022-11-21', 23],
        ['2022-11-28', 23],
        ['2022-12-05', 22.5],
        ['2022-12-12', 23.5],
      ] as const) {
        await this.effort.record(SEED_MAINTAINER, {
          serviceId: target.serviceId,
          campaignTargetId: target.id,
          hours,
          date,
          note: 'Wohngeld-Plus: Umsetzung',
        });
      }
    }
    await this.campaigns.complete(SEED_MAINTAINER, wohngeld.id);

    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const pstg = await this.campaigns.open(SEED_MAINTAINER, {
      title: 'Personenstandsrecht: neue Datensätze für Beurkundungen (Demo)',
      description:
        'Ein erdachtes Beispiel: die Personenstandsdienste müssen neue Pflichtangaben verarbeiten.',
      norm: 'PStG',
      provisions: [],
      amendment: null,
      effectiveDate: day(-1),
    });
    const targets = await this.campaigns.targetsOf(pstg.id);
    const [excluded, released, rolledOut, atRisk] = targets;
    if (excluded) {
      await this.campaigns.exclude(
        SEED_MAINTAINER,
        excluded.id,
        'Die Leistung verarbeitet keine der neuen Angaben',
      );
    }
    if (released) {
      const kiel = (await this.db.getRepository(OrganisationEntity).findOneBy({ key: '010020000000' }))!;
      const admin: Viewer = {
        subject: 'seed-admin-010020000000',
        name: 'Demo-Verwaltung Kiel',
        roles: [Role.MUNICIPALITY_ADMIN],
        organisation: { id: kiel.id, key: kiel.key },
      };
      const subscription = await this.subscriptions
        .request(admin, { serviceId: released.serviceId, versionRange: '>=1.0.0' })
        .catch(() => null);
      if (subscription) {
        if (subscription.state === SubscriptionState.REQUESTED) {
          await this.subscriptions.approve(SEED_MAINTAINER, subscription.id, 'NNV-2026-PSTG');
        }
        await this.subscriptions.reportDeployment(admin, subscription.id, '1.0.0');
      }
      const latest = await latestOf(released.serviceId);
      if (latest) {
        await this.campaigns.link(SEED_MAINTAINER, released.id, latest);
      }
    }
    if (rolledOut) {
      const first = await latestOf(rolledOut.serviceId, '1.0.0');
      if (first) {
        await this.campaigns.link(SEED_MAINTAINER, rolledOut.id, first);
      }
    }
    if (atRisk) {
      await this.campaigns.plan(SEED_MAINTAINER, {
        targetId: atRisk.id,
        plannedReleaseDate: day(14),
        assignee: 'Team Personenstand',
        estimate: { optimisticHours: 16, likelyHours: 32, pessimisticHours: 80 },
      });
    }
    // Added by hand and not yet planned: OPEN, and overdue since the effective date has passed.
    const targeted = new Set(targets.map((t) => t.serviceId));
    const extra = (await this.db.getRepository(OnlineServiceEntity).find({ order: { slug: 'ASC' } })).find(
      (service) => service.slug === 'meldebescheinigung-beantragen' && !targeted.has(service.id),
    );
    if (extra) {
      await this.campaigns.addTarget(SEED_MAINTAINER, pstg.id, extra.id);
    }
    return 2;
  }

  /**
   * Municipalities adopt demo services with different ranges and deployments (some behind, one on
   * a deprecated version) and declare what their own systems exchange.
   */
  private async seedSubscriptions(): Promise<number> {
    if ((await this.db.query('SELECT 1 FROM service_subscription LIMIT 1')).length > 0) {
      return 0;
    }
    const services = await this.db.getRepository(OnlineServiceEntity).find({ order: { slug: 'ASC' } });
    const organisations = new Map(
      (await this.db.getRepository(OrganisationEntity).find()).map((o) => [o.key, o]),
    );
    const admin = (key: string): Viewer => ({
      subject: `seed-admin-${key}`,
      name: `Demo-Verwaltung ${organisations.get(key)?.name ?? key}`,
      roles: [Role.MUNICIPALITY_ADMIN],
      organisation: { id: organisations.get(key)!.id, key },
    });
    const capabilities: [string, { standard: string; versions: string[] }[]][] = [
      [
        '010020000000',
        [
          { standard: 'xbau', versions: ['2.2'] },
          { standard: 'fit-connect', versions: ['1'] },
        ],
      ],
      [
        '010030000000',
        [
          { standard: 'xbau', versions: ['2.2', '2.3'] },
          { standard: 'xpersonenstand', versions: ['24.11'] },
        ],
      ],
      ['010600063063', [{ standard: 'epayment', versions: ['1.5'] }]],
    ];
    for (const [key, caps] of capabilities) {
      await this.organisations.setCapabilities(admin(key), key, caps);
    }
    // [organisation, service index, range, deployed version or null]
    const plan: [string, number, string, string | null][] = [
      ['010020000000', 0, '^2.0.0', '2.0.0'],
      ['010030000000', 0, '^1.0.0', '1.0.0'],
      ['010010000000', 0, '>=1.0.0', '1.1.0'],
      ['010040000000', 1, '^1.0.0', '1.1.0'],
      ['010600063063', 1, '~1.0.0', '1.0.0'],
      ['010510044044', 2, '^1.0.0', null],
      ['010540056056', 3, '^1.0.0', '1.0.0'],
      ['010560015015', 3, '^2.0.0', '2.0.0'],
      ['010585890008', 4, '^1.0.0', '1.1.0'],
      ['010580005005', 5, '^1.0.0', '1.0.0'],
      ['010020000000', 6, '^1.0.0', '1.1.0'],
      ['010030000000', 6, '^1.0.0', null],
    ];
    let count = 0;
    for (const [key, index, range, deployed] of plan) {
      const service = services[index];
      if (!service || !organisations.has(key)) {
        continue;
      }
      const subscription = await this.subscriptions.request(admin(key), {
        serviceId: service.id,
        versionRange: range,
      });
      if (subscription.state === SubscriptionState.REQUESTED) {
        await this.subscriptions.approve(
          SEED_MAINTAINER,
          subscription.id,
          `NNV-2026-${String(count + 1).padStart(3, '0')}`,
        );
      }
      if (deployed) {
        await this.subscriptions.reportDeployment(admin(key), subscription.id, deployed);
      }
      count++;
    }
    // Altenholz runs 1.0.0 of a service whose 1.0.0 is then deprecated: one subscriber on a deprecated version.
    const deprecatedService = services[5];
    if (deprecatedService) {
      const [old] = await this.db.query(
        `SELECT id FROM release WHERE service_id = $1 AND version = '1.0.0'`,
        [deprecatedService.id],
      );
      if (old) {
        await this.releases.deprecate(
          SEED_MAINTAINER,
          old.id as string,
          'Sicherheitslücke im Upload (CVE-Demo); bitte auf 1.1.0 aktualisieren',
        );
      }
    }
    return count;
  }

  /**
   * Every demo service gets published releases (1.0.0, 1.1.0; every third a 2.0.0 with changed
   * interfaces). Three show the review at work: one waits for a gate, one is rejected, one is
   * approved by a waiver. Services that have releases already are left alone.
   */
  private async seedReleases(): Promise<number> {
    const withReleases = new Set(
      (await this.db.query('SELECT DISTINCT service_id FROM release')).map(
        (row: { service_id: string }) => row.service_id,
      ),
    );
    const services = await this.db.getRepository(OnlineServiceEntity).find({ order: { slug: 'ASC' } });
    let count = 0;
    for (const [i, service] of services.filter((s) => !withReleases.has(s.id)).entries()) {
      const versions = i % 3 === 0 ? ['1.0.0', '1.1.0', '2.0.0'] : ['1.0.0', '1.1.0'];
      for (const version of versions) {
        await this.publishRelease(service, version);
        count++;
      }
      if (i === 0) {
        const pending = await this.createAndSubmit(service, '2.1.0');
        await this.releases.signOff(seedReviewer(QaGateKind.USABILITY), {
          releaseId: pending.id,
          kind: QaGateKind.USABILITY,
          verdict: Verdict.APPROVE,
        });
        count++;
      } else if (i === 1) {
        const rejected = await this.createAndSubmit(service, '1.2.0');
        await this.releases.signOff(seedReviewer(QaGateKind.SECURITY), {
          releaseId: rejected.id,
          kind: QaGateKind.SECURITY,
          verdict: Verdict.REJECT,
          comment: 'Eingaben im Formular werden nicht maskiert (BSI APP.3.1.A1)',
        });
        count++;
      } else if (i === 2) {
        const waived = await this.createAndSubmit(service, '1.2.0');
        await this.approve(waived.id, [QaGateKind.USABILITY, QaGateKind.SECURITY]);
        await this.releases.waive(SEED_MAINTAINER, {
          releaseId: waived.id,
          kind: QaGateKind.INTERFACES,
          reason: 'Schnittstellen unverändert gegenüber 1.1.0; Prüfung folgt mit dem nächsten Release',
          ticket: 'QA-2026-042',
          expiresAt: new Date(Date.now() + 90 * 86_400_000),
        });
        count++;
      }
    }
    return count;
  }

  private async createAndSubmit(service: OnlineServiceEntity, version: string) {
    const major = Number(version.split('.')[0]);
    const release = await this.releases.create(SEED_MAINTAINER, {
      serviceId: service.id,
      version,
      notes: `${service.name} ${version}`,
      artifactDigest: `sha256:${createHash('sha256').update(`${service.slug}@${version}`).digest('hex')}`,
      changes:
        version === '1.0.0'
          ? [{ type: ChangeType.ADDED, description: 'Erste Version des Online-Dienstes' }]
          : major >= 2 && version.endsWith('.0.0')
            ? [{ type: ChangeType.BREAKING, description: 'Neue Versionen der Datenaustauschstandards' }]
            : [{ type: ChangeType.CHANGED, description: 'Verbesserte Nutzerführung (BITV 2.0)' }],
      interfaces: demoInterfaces(service.themenfeld ?? '', major),
    });
    await this.releases.submit(SEED_MAINTAINER, release.id);
    return release;
  }

  private async approve(releaseId: string, kinds: QaGateKind[]) {
    for (const kind of kinds) {
      await this.releases.signOff(seedReviewer(kind), { releaseId, kind, verdict: Verdict.APPROVE });
    }
  }

  private async publishRelease(service: OnlineServiceEntity, version: string) {
    const release = await this.createAndSubmit(service, version);
    await this.approve(release.id, [QaGateKind.USABILITY, QaGateKind.SECURITY, QaGateKind.INTERFACES]);
    await this.releases.publish(SEED_MAINTAINER, release.id);
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

  private async existing(entity: new () => object, column: string): Promise<Set<string>> {
    const rows: Record<string, string>[] = await this.db
      .getRepository(entity)
      .createQueryBuilder('e')
      .select(`e.${column}`, 'v')
      .getRawMany();
    return new Set(rows.map((row) => row.v));
  }
}
