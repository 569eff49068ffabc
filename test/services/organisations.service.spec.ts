import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { RequestLoaders } from '#src/common/graphql/request-context';
import type { RegisterOrganisationInput } from '#src/organisations/dto/register-organisation.input';
import { InterfaceKind, OrganisationKind } from '#src/organisations/organisation-kind';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { startTestApp, type TestApp } from '../support/test-app';

const KIEL = '010020000000';
const LUEBECK = '010030000000';

/**
 * The organisations' rules at the service level, on a real PostgreSQL: who may register
 * organisations and set capabilities, parents, and capabilities as a whole set.
 */
describe(OrganisationsService.name, () => {
  let t: TestApp;
  let sut: OrganisationsService;
  const operator: Viewer = { subject: 'olaf', name: 'Olaf', roles: [Role.OPERATOR], organisation: null };
  let kielAdmin: Viewer;

  const organisation = (
    key: string,
    kind: OrganisationKind,
    extra: Partial<RegisterOrganisationInput> = {},
  ) => ({ key, name: `Org ${key}`, kind, ...extra });
  const capabilitiesOf = async (id: string) => {
    const loaders = new RequestLoaders();
    const rows = await sut.capabilities(loaders, id);
    return Promise.all(
      rows.map(
        async (row) => `${(await sut.standardById(loaders, row.standardId))!.key} ${row.versions.join(',')}`,
      ),
    );
  };

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.app.get(OrganisationsService);
    await sut.register(operator, organisation('010000000000', OrganisationKind.STATE));
    const kiel = await sut.register(
      operator,
      organisation(KIEL, OrganisationKind.MUNICIPALITY, { parentKey: '010000000000' }),
    );
    await sut.register(operator, organisation(LUEBECK, OrganisationKind.MUNICIPALITY));
    kielAdmin = { subject: 'kim', name: 'Kim', roles: [Role.MUNICIPALITY_ADMIN], organisation: kiel };
    for (const key of ['xbau', 'fit-connect']) {
      await sut.registerStandardBy(operator, {
        key,
        name: key,
        kind: InterfaceKind.XOEV_STANDARD,
      });
    }
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('is for OPERATORs only: FORBIDDEN for anyone else, organisations and standards alike', async () => {
      const maintainer: Viewer = { ...kielAdmin, roles: [Role.MAINTAINER, Role.MUNICIPALITY_ADMIN] };
      await expect(
        sut.register(maintainer, organisation('provider-a', OrganisationKind.SERVICE_PROVIDER)),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(
        sut.registerStandardBy(maintainer, {
          key: 'xmeld',
          name: 'XMeld',
          kind: InterfaceKind.XOEV_STANDARD,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect(await sut.findByKey('provider-a')).toBeNull();
    });

    it('refuses a parent that does not contain the ARS, and a key that differs from the ARS', async () => {
      await expect(
        sut.register(
          operator,
          organisation('010510044044', OrganisationKind.MUNICIPALITY, { parentKey: KIEL }),
        ),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.parentKey' } });
      await expect(
        sut.register(
          operator,
          organisation('010040000000', OrganisationKind.MUNICIPALITY, { ars: '010010000000' }),
        ),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.key' } });
    });

    it('refuses a duplicate key with CONFLICT', async () => {
      await expect(
        sut.register(operator, organisation(LUEBECK, OrganisationKind.MUNICIPALITY)),
      ).rejects.toMatchObject({
        code: 'CONFLICT',
      });
    });
  });

  describe('setCapabilities', () => {
    it("is its MUNICIPALITY_ADMIN's and the OPERATOR's: FORBIDDEN for another organisation's admin", async () => {
      await expect(
        sut.setCapabilities(kielAdmin, LUEBECK, [{ standard: 'xbau', versions: ['2.2'] }]),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(sut.setCapabilities(kielAdmin, '010990000000', [])).rejects.toMatchObject({
        code: 'NOT_FOUND',
      });
    });

    it('replaces the whole set, and drops repeated versions', async () => {
      const kiel = await sut.setCapabilities(kielAdmin, KIEL, [
        { standard: 'xbau', versions: ['2.2', ' 2.2', '2.3'] },
        { standard: 'fit-connect', versions: ['1.0'] },
      ]);
      expect(await capabilitiesOf(kiel.id)).toEqual(['fit-connect 1.0', 'xbau 2.2,2.3']);
      await sut.setCapabilities(operator, KIEL, [{ standard: 'fit-connect', versions: ['1.1'] }]);
      expect(await capabilitiesOf(kiel.id)).toEqual(['fit-connect 1.1']);
    });

    it('refuses a standard listed twice, an empty version list and an unknown standard, naming the entry', async () => {
      const cases = [
        [
          [
            { standard: 'xbau', versions: ['1'] },
            { standard: 'xbau', versions: ['2'] },
          ],
          'capabilities[1].standard',
        ],
        [[{ standard: 'xbau', versions: [] }], 'capabilities[0].versions'],
        [
          [
            { standard: 'xbau', versions: ['1'] },
            { standard: 'xfoo', versions: ['1'] },
          ],
          'capabilities[1].standard',
        ],
      ] as const;
      for (const [capabilities, field] of cases) {
        await expect(
          sut.setCapabilities(
            kielAdmin,
            KIEL,
            capabilities.map((c) => ({ standard: c.standard, versions: [...c.versions] })),
          ),
        ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field } });
      }
    });
  });
});
