import { publishRelease, registerService } from '../support/factories';
import { KIEL, LUEBECK, useSubscriptionWorld } from '../support/subscriptions';

/**
 * What the console asks instead of filtering in the browser: an owner's subscriptions
 * (`subscriptions(ownerKey:)`), the organisations that own services (`organisations(ownsServices:)`)
 * and the public count of ACTIVE subscriptions (`activeSubscriptionCount`).
 */
describe('subscriptions by owner, owning organisations and the count of ACTIVE subscriptions', () => {
  const w = useSubscriptionWorld();
  const slugsOf = (result: any): string[] =>
    result.data.subscriptions.edges.map((e: any) => e.node.service.slug).sort();
  const byOwner = (ownerKey: string, token?: string, state = '') =>
    w.t.gql(
      `query($ownerKey: String!) { subscriptions(ownerKey: $ownerKey${state}) { totalCount edges { node { service { slug } } } } }`,
      { ownerKey },
      token,
    );
  const activeCount = async (): Promise<number> => {
    const result = await w.t.gql(`{ activeSubscriptionCount }`);
    expect(result.errors).toBeUndefined();
    return result.data?.activeSubscriptionCount;
  };

  beforeAll(async () => {
    // Kiel asks for Dataport's bauantrag (waits for approval) and wohngeld (automatic), and for
    // KomFIT's kita (automatic); Lübeck for bauantrag.
    const { t, manual, automatic, kielAdmin, luebeckAdmin, request } = w;
    const kita = await registerService(t, {
      slug: 'kita',
      ownerKey: 'komfit',
      subscriptionApproval: 'AUTOMATIC',
    });
    await publishRelease(t, kita, '1.0.0');
    for (const [serviceId, range, token] of [
      [manual, '^1.0.0', kielAdmin],
      [automatic, '3.x', kielAdmin],
      [kita, '^1.0.0', kielAdmin],
      [manual, '^1.0.0', luebeckAdmin],
    ]) {
      expect((await request(serviceId, range, token)).errors).toBeUndefined();
    }
  });

  it("narrows the subscriptions to those of the owner's services, with the other filters", async () => {
    const { kielAdmin, maintainer } = w;
    expect(slugsOf(await byOwner('dataport', kielAdmin))).toEqual(['bauantrag', 'wohngeld']);
    expect(slugsOf(await byOwner('komfit', kielAdmin))).toEqual(['kita']);
    expect(slugsOf(await byOwner('dataport', kielAdmin, ', state: ACTIVE'))).toEqual(['wohngeld']);
    // The owner's maintainer: Kiel's and Lübeck's requests to its services.
    expect(slugsOf(await byOwner('dataport', maintainer))).toEqual(['bauantrag', 'bauantrag', 'wohngeld']);
    const both = await w.t.gql(
      `{ subscriptions(ownerKey: "dataport", organisationKey: "${LUEBECK}") { edges { node { service { slug } } } } }`,
      {},
      maintainer,
    );
    expect(slugsOf(both)).toEqual(['bauantrag']);
  });

  it('only narrows what the viewer may read, and an unknown owner matches nothing, as an unknown organisationKey does', async () => {
    const { kielAdmin, maintainer } = w;
    // Dataport's maintainer may not read Kiel's subscription to KomFIT's kita.
    expect((await byOwner('komfit', maintainer)).data).toEqual({
      subscriptions: { totalCount: 0, edges: [] },
    });
    // An organisation that owns nothing, and a key nobody has.
    expect((await byOwner(KIEL, kielAdmin)).data?.subscriptions.totalCount).toBe(0);
    const unknown = await w.t.gql(
      `{ a: subscriptions(ownerKey: "nobody") { totalCount } b: subscriptions(organisationKey: "nobody") { totalCount } }`,
      {},
      kielAdmin,
    );
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data).toEqual({ a: { totalCount: 0 }, b: { totalCount: 0 } });
  });

  it('lists the organisations that own a service, or those that own none, to anyone', async () => {
    const keys = async (owns: boolean) => {
      const result = await w.t.gql(
        `query($owns: Boolean) { organisations(ownsServices: $owns, first: 100) { edges { node { key } } } }`,
        { owns },
      );
      expect(result.errors).toBeUndefined();
      return result.data?.organisations.edges.map((e: any) => e.node.key);
    };
    const owners = await keys(true);
    expect(owners).toEqual(expect.arrayContaining(['dataport', 'komfit']));
    expect(owners).not.toContain(KIEL);
    expect(owners).not.toContain(LUEBECK);
    const others = await keys(false);
    expect(others).toEqual(expect.arrayContaining([KIEL, LUEBECK]));
    expect(others).not.toContain('dataport');
    expect(others).not.toContain('komfit');
    // Without the argument: every organisation, owners and the others.
    const all = await w.t.gql(`{ organisations(first: 100) { totalCount edges { node { key } } } }`);
    expect(all.data?.organisations.totalCount).toBe(owners.length + others.length);
    expect(all.data?.organisations.edges.map((e: any) => e.node.key)).toEqual(
      expect.arrayContaining(['dataport', KIEL]),
    );
  });

  it('counts the ACTIVE subscriptions for anyone: the sum of the services\u2019 counts, and it follows approval', async () => {
    const { t, maintainer } = w;
    const services = await t.gql(`{ services(first: 100) { edges { node { subscriptionCount } } } }`);
    const sum = services.data?.services.edges.reduce((n: number, e: any) => n + e.node.subscriptionCount, 0);
    const before = await activeCount();
    expect(before).toBe(sum);
    expect(before).toBeGreaterThanOrEqual(2);
    const requested = await t.gql(
      `{ subscriptions(ownerKey: "dataport", state: REQUESTED) { edges { node { id } } } }`,
      {},
      maintainer,
    );
    const id = requested.data?.subscriptions.edges[0].node.id;
    const approved = await t.gql(
      `mutation($id: ID!) { approveSubscription(id: $id) { state } }`,
      { id },
      maintainer,
    );
    expect(approved.data?.approveSubscription.state).toBe('ACTIVE');
    expect(await activeCount()).toBe(before + 1);
  });
});
