import { Role } from '#src/common/auth/role';
import {
  KIEL,
  LUEBECK,
  publishRelease,
  registerOrganisation,
  registerService,
  registerStandard,
} from './factories';
import { startTestApp, useWorld, type GqlResult, type TestApp } from './test-app';

export { KIEL, LUEBECK };

/**
 * The world of the subscription specs (test/subscriptions/*): Kiel and Lübeck under
 * Schleswig-Holstein, Dataport's "bauantrag" (MANUAL approval; 1.0.0 and 1.1.0 consume xbau 2.2,
 * 2.0.0-rc.1 xbau 2.3) and "wohngeld" (AUTOMATIC approval, 3.0.0), and the people involved.
 */

export const SUB_FIELDS = `id state versionRange agreementReference deployedVersion deployedAt stateReason upgradeAvailable targetRelease { version } organisation { key } service { slug } requestedAt decidedAt`;
export const REQUEST = `mutation($input: RequestSubscriptionInput!) { requestSubscription(input: $input) { ${SUB_FIELDS} } }`;

export interface SubscriptionWorld {
  t: TestApp;
  /** "bauantrag": subscriptions wait for the owner's approval. */
  manual: string;
  /** "wohngeld": subscriptions are active at once. */
  automatic: string;
  /** Kim, MUNICIPALITY_ADMIN of Kiel. */
  kielAdmin: string;
  /** Lea, MUNICIPALITY_ADMIN of Lübeck. */
  luebeckAdmin: string;
  /** Mia, MAINTAINER at Dataport (the owner). */
  maintainer: string;
  /** Max, MAINTAINER at komfit. */
  otherMaintainer: string;
  /** Olaf, OPERATOR. */
  operator: string;
  /** The ids of bauantrag's releases by version. */
  releases: Record<string, string>;
  request(
    serviceId: string,
    versionRange: string,
    token: string,
    organisationKey?: string,
  ): Promise<GqlResult>;
}

async function startSubscriptionWorld(): Promise<SubscriptionWorld> {
  const t = await startTestApp();
  await registerOrganisation(t, { key: '010000000000', kind: 'STATE' });
  await registerOrganisation(t, { key: KIEL, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: LUEBECK, kind: 'MUNICIPALITY', parentKey: '010000000000' });
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerStandard(t, 'xbau');
  const manual = await registerService(t, { slug: 'bauantrag', ownerKey: 'dataport', lifecycle: 'ACTIVE' });
  const automatic = await registerService(t, {
    slug: 'wohngeld',
    ownerKey: 'dataport',
    subscriptionApproval: 'AUTOMATIC',
  });
  const xbau = (version: string) => ({
    interfaces: [{ standard: 'xbau', version, direction: 'CONSUMES' }],
  });
  const releases: Record<string, string> = {};
  releases['1.0.0'] = await publishRelease(t, manual, '1.0.0', xbau('2.2'));
  releases['1.1.0'] = await publishRelease(t, manual, '1.1.0', xbau('2.2'));
  releases['2.0.0-rc.1'] = await publishRelease(t, manual, '2.0.0-rc.1', xbau('2.3'));
  await publishRelease(t, automatic, '3.0.0');
  return {
    t,
    manual,
    automatic,
    releases,
    kielAdmin: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: KIEL, sub: 'kim' }),
    luebeckAdmin: await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: LUEBECK, sub: 'lea' }),
    maintainer: await t.token({ roles: [Role.MAINTAINER], org: 'dataport', sub: 'mia' }),
    otherMaintainer: await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' }),
    operator: await t.token({ roles: [Role.OPERATOR], sub: 'olaf' }),
    request: (serviceId, versionRange, token, organisationKey) =>
      t.gql(REQUEST, { input: { serviceId, versionRange, organisationKey } }, token),
  };
}

/** The world for the calling describe: started before its tests, closed after them. */
export const useSubscriptionWorld = () => useWorld(startSubscriptionWorld, (w) => w.t.close());
