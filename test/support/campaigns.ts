import { Role } from '#src/common/auth/role';
import { KIEL, publishRelease, registerNorm, registerOrganisation, registerService } from './factories';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { startTestApp, useWorld, type TestApp } from './test-app';

export { KIEL };

/**
 * The world of the campaign specs (test/campaigns/*): Schleswig-Holstein with Kiel, two providers,
 * the WoGG and four services that cite it (or not), wohngeld with 1.0.0 published, and the people
 * who open, plan and follow campaigns.
 */

export const TARGETS = `targets { id state plannedReleaseDate assignee estimate { expectedHours standardDeviationHours } subscribersTotal subscribersCompliant overdue atRisk exclusionReason service { slug } release { version } }`;
export const CAMPAIGN = `id title state provisions effectiveDate closedAt cancellationReason norm { abbreviation } createdBy { id } ${TARGETS}
  progress { targetsTotal overdueTargets subscribersTotal subscribersCompliant byState { state count } burndown { date openTargets } }`;
export const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { ${CAMPAIGN} } }`;
export const GET = `query($id: ID!) { campaign(id: $id) { ${CAMPAIGN} } }`;

/** The slugs of a campaign's target services, sorted. */
export const slugs = (campaign: any) => campaign.targets.map((x: any) => x.service.slug).sort();

export interface CampaignWorld {
  t: TestApp;
  /** Mia, MAINTAINER at Dataport. */
  maintainer: string;
  /** Max, MAINTAINER at komfit. */
  otherMaintainer: string;
  /** Olaf, OPERATOR. */
  operator: string;
  /** Kim, MUNICIPALITY_ADMIN of Kiel. */
  kielAdmin: string;
  /**
   * The services: whole (wohngeld: the whole WoGG, AUTOMATIC approval, 1.0.0 published), p22
   * (§ 22 Abs. 1), p220 (§ 220, komfit's) and other (hundesteuer, citing nothing).
   */
  ids: Record<string, string>;
}

async function startCampaignWorld(sqlLogger?: TypeOrmLogger): Promise<CampaignWorld> {
  const t = await startTestApp({}, { sqlLogger });
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerNorm(t, 'WoGG');
  const ids: Record<string, string> = {};
  ids.whole = await registerService(t, {
    slug: 'wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
    legalBases: [{ norm: 'WoGG' }],
  });
  ids.p22 = await registerService(t, {
    slug: 'wohngeld-abs1',
    ownerKey: 'dataport',
    legalBases: [{ norm: 'WoGG', provision: '§22 Abs. 1' }],
  });
  ids.p220 = await registerService(t, {
    slug: 'wohngeld-220',
    ownerKey: 'komfit',
    legalBases: [{ norm: 'WoGG', provision: '§ 220' }],
  });
  ids.other = await registerService(t, { slug: 'hundesteuer', ownerKey: 'komfit' });
  await publishRelease(t, ids.whole, '1.0.0');
  return {
    t,
    ids,
    maintainer: await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' }),
    otherMaintainer: await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' }),
    operator: await t.token({ roles: [Role.OPERATOR], sub: 'olaf' }),
    kielAdmin: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' }),
  };
}

/** The world for the calling describe: started before its tests, closed after them (`sqlLogger`: sees every statement). */
export const useCampaignWorld = (sqlLogger?: TypeOrmLogger) =>
  useWorld(
    () => startCampaignWorld(sqlLogger),
    (w) => w.t.close(),
  );
