import { ForgeNamespaces1764331400000 } from '../../migrations/1764331400000-ForgeNamespaces';
import { DATAPORT, KOMFIT, mapNamespace, registerOrganisation, registerService } from '../support/factories';
import { runMigration } from '../support/migrations';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The migration that brings forge namespaces (issue 20, part 4): the links that exist are kept,
 * each github.com owner a service links mapped to that service's owner; other hosts are not.
 */
describe('migration ForgeNamespaces1764331400000', () => {
  let t: TestApp;
  const run = (step: 'up' | 'down') => runMigration(t, new ForgeNamespaces1764331400000(), step);

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: KOMFIT, kind: 'SERVICE_PROVIDER' });
    await mapNamespace(t, 'dataport', DATAPORT);
    await mapNamespace(t, 'komfit-labs', KOMFIT);
    await registerService(t, {
      slug: 'a',
      ownerKey: DATAPORT,
      repositoryUrl: 'https://github.com/Dataport/Wohngeld',
    });
    await registerService(t, {
      slug: 'b',
      ownerKey: DATAPORT,
      repositoryUrl: 'https://github.com/dataport/bafoeg.git',
    });
    await registerService(t, {
      slug: 'c',
      ownerKey: KOMFIT,
      repositoryUrl: 'https://github.com/komfit-labs/x/tree/main',
    });
    await registerService(t, { slug: 'd', ownerKey: KOMFIT, repositoryUrl: 'https://codeberg.org/komfit/y' });
  });
  afterAll(() => t.close());

  it('maps the github.com owner of every existing link to the service owner, once', async () => {
    await run('down');
    await run('up');
    const rows = await t.db.query(
      `SELECT f.forge, f.namespace, o.key FROM forge_namespace f JOIN organisation o ON o.id = f.organisation_id
        ORDER BY f.namespace`,
    );
    expect(rows).toEqual([
      { forge: 'GITHUB', namespace: 'dataport', key: DATAPORT },
      { forge: 'GITHUB', namespace: 'komfit-labs', key: KOMFIT },
    ]);
  });
});
