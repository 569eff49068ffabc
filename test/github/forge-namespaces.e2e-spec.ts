import { errorCode } from '../support/test-app';
import { mapNamespace, registerService } from '../support/factories';
import { releasePayload, useGithubWorld } from '../support/github';

const MAP = `mutation($input: ForgeNamespaceInput!) { mapForgeNamespace(input: $input) { forge namespace } }`;
const UNMAP = `mutation($input: ForgeNamespaceInput!) { unmapForgeNamespace(input: $input) { forge namespace } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { repositoryUrl } }`;
const NAMESPACES = `query($key: String!) { organisation(key: $key) { forgeNamespaces { forge namespace } } }`;

/**
 * Proof of repository ownership (issue 20, part 4): a service links a repository only inside a
 * forge namespace an OPERATOR mapped to its owner, and a delivery from a repository whose
 * namespace is not mapped to the service's owner is stored and skipped with that reason.
 */
describe('forge namespaces', () => {
  const w = useGithubWorld();

  it('are mapped and unmapped by an OPERATOR only, checked and normalised, and public on the organisation', async () => {
    const { t, operator, maintainer } = w;
    const input = { forge: 'GITLAB', namespace: ' /OpenCoDE/Dataport/ ', organisationKey: 'dataport' };
    expect(errorCode(await t.gql(MAP, { input }, maintainer))).toBe('FORBIDDEN');
    expect(errorCode(await t.gql(MAP, { input }))).toBe('UNAUTHENTICATED');
    expect((await t.gql(MAP, { input }, operator)).data?.mapForgeNamespace).toEqual({
      forge: 'GITLAB',
      namespace: 'opencode/dataport',
    });
    expect((await t.gql(MAP, { input }, operator)).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'FORGE_NAMESPACE_MAPPED',
    });
    const bad = await t.gql(MAP, { input: { ...input, forge: 'GITHUB' } }, operator);
    expect(bad.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.namespace',
      reason: 'INVALID_FORGE_NAMESPACE',
    });
    const unknown = await t.gql(MAP, { input: { ...input, organisationKey: 'niemand' } }, operator);
    expect(unknown.errors?.[0].extensions).toMatchObject({ field: 'input.organisationKey' });

    // Anonymous callers see them: the registry's answer to "which repositories may Dataport link?"
    expect((await t.gql(NAMESPACES, { key: 'dataport' })).data?.organisation.forgeNamespaces).toEqual([
      { forge: 'GITHUB', namespace: 'dataport' },
      { forge: 'GITLAB', namespace: 'opencode/dataport' },
    ]);

    expect((await t.gql(UNMAP, { input }, operator)).data?.unmapForgeNamespace).toEqual({
      forge: 'GITLAB',
      namespace: 'opencode/dataport',
    });
    expect((await t.gql(UNMAP, { input }, operator)).errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FORGE_NAMESPACE_NOT_MAPPED',
    });
    const [{ actions }] = await t.db.query(
      `SELECT array_agg(action ORDER BY seq) AS actions FROM audit_event
        WHERE action LIKE 'forgeNamespace.%' AND data::jsonb ->> 'namespace' = 'opencode/dataport'`,
    );
    expect(actions).toEqual(['forgeNamespace.map', 'forgeNamespace.unmap']);
  });

  it("lets a maintainer link a repository only inside its owner's namespaces, and any other address as a plain link", async () => {
    const { t, ids, maintainer } = w;
    const link = (repositoryUrl: string) =>
      t.gql(UPDATE, { id: ids.wohngeld, input: { repositoryUrl } }, maintainer);
    const foreign = await link('https://github.com/komfit/bafoeg-digital');
    expect(foreign.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.repositoryUrl',
      reason: 'REPOSITORY_NOT_IN_NAMESPACE',
    });
    expect(foreign.errors?.[0].message).toContain('komfit/bafoeg-digital lies in no namespace mapped');
    expect(foreign.errors?.[0].message).toContain('(dataport)');
    expect((await link('https://codeberg.org/someone/wohngeld')).data?.updateService.repositoryUrl).toBe(
      'https://codeberg.org/someone/wohngeld',
    );
    expect((await link('https://github.com/Dataport/Wohngeld')).data?.updateService.repositoryUrl).toBe(
      'https://github.com/Dataport/Wohngeld',
    );
    // Registering is held to the same rule.
    await expect(
      registerService(t, {
        slug: 'fremd',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/anyone/repo',
      }),
    ).rejects.toThrow('REPOSITORY_NOT_IN_NAMESPACE');
  });

  it('stores and skips a delivery from a namespace no longer mapped to the owner, and a replay after mapping creates the draft', async () => {
    const { t, ids, operator, deliver, worker, delivery, releasesOf } = w;
    const input = { forge: 'GITHUB', namespace: 'komfit', organisationKey: 'komfit' };
    expect((await t.gql(UNMAP, { input }, operator)).errors).toBeUndefined();
    const sent = await deliver(releasePayload('komfit/bafoeg-digital', { tag_name: 'v4.0.0' }));
    expect(sent.response.status).toBe(202);
    await worker().drain();
    expect(await delivery(sent.id)).toMatchObject({
      outcome: 'SKIPPED',
      detail:
        'komfit/bafoeg-digital lies in no namespace mapped to the owner of the service linking it (mapForgeNamespace)',
    });
    expect((await releasesOf(ids.bafoeg)).map((r) => r.version)).not.toContain('4.0.0');

    await mapNamespace(t, 'komfit', 'komfit');
    const replayed = await t.gql(
      `mutation($id: ID!) { replayGithubDelivery(id: $id) { outcome } }`,
      { id: sent.id },
      operator,
    );
    expect(replayed.data?.replayGithubDelivery).toEqual({ outcome: 'PENDING' });
    await worker().drain();
    expect(await delivery(sent.id)).toMatchObject({ outcome: 'PROCESSED' });
    expect((await releasesOf(ids.bafoeg)).map((r) => r.version)).toContain('4.0.0');
  });
});
