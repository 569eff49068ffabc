import { Role } from '#src/common/auth/role';
import type { Viewer } from '#src/common/auth/viewer';
import { RequestLoaders } from '#src/common/graphql/request-context';
import { ReuseModel, ServiceLifecycle, SubscriptionApproval } from '#src/catalogue/catalogue-enums';
import type { RegisterServiceInput } from '#src/catalogue/dto/register-service.input';
import { LegalNormsService } from '#src/catalogue/legal-norms.service';
import { ServicesService } from '#src/catalogue/services.service';
import { OrganisationKind } from '#src/organisations/organisation-kind';
import { OrganisationsService } from '#src/organisations/organisations.service';
import { QaGateKind } from '#src/qa/qa-policy.rules';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * The catalogue's rules at the service level, on a real PostgreSQL (no GraphQL in between): who
 * may register and update a service, the update semantics, and legal bases as a whole set.
 */
describe(ServicesService.name, () => {
  let t: TestApp;
  let sut: ServicesService;
  const operator: Viewer = { subject: 'olaf', name: 'Olaf', roles: [Role.OPERATOR], organisation: null };
  let dataportMaintainer: Viewer;
  let komfitMaintainer: Viewer;

  const input = (slug: string, extra: Partial<RegisterServiceInput> = {}) => ({
    slug,
    name: `Service ${slug}`,
    summary: 'Eine Leistung',
    reuseModel: ReuseModel.EFA_CENTRAL,
    ...extra,
  });
  const legalBasesOf = async (id: string) =>
    (await sut.legalBases(new RequestLoaders(), id)).map(
      (b) => `${b.norm.abbreviation} ${b.provision ?? '-'}`,
    );

  beforeAll(async () => {
    t = await startTestApp();
    sut = t.app.get(ServicesService);
    const organisations = t.app.get(OrganisationsService);
    const norms = t.app.get(LegalNormsService);
    const register = (key: string) =>
      organisations.register(operator, {
        key,
        name: key,
        kind: OrganisationKind.SERVICE_PROVIDER,
      });
    const [dataport, komfit] = [await register('dataport'), await register('komfit')];
    dataportMaintainer = { subject: 'mia', name: 'Mia', roles: [Role.MAINTAINER], organisation: dataport };
    komfitMaintainer = { subject: 'kai', name: 'Kai', roles: [Role.MAINTAINER], organisation: komfit };
    for (const abbreviation of ['WoGG', 'GewO']) {
      await norms.registerBy(operator, {
        abbreviation,
        title: `Gesetz ${abbreviation}`,
        jurisdiction: 'DE',
      });
    }
  });
  afterAll(() => t.close());

  describe('register', () => {
    it('refuses a MAINTAINER registering for another owner with FORBIDDEN', async () => {
      await expect(
        sut.register(dataportMaintainer, input('for-komfit', { ownerKey: 'komfit' })),
      ).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      expect(await sut.findBySlug('for-komfit')).toBeNull();
    });

    it('registers for the MAINTAINER’s own organisation with the defaults, and for any owner as an OPERATOR', async () => {
      const own = await sut.register(dataportMaintainer, input('own'));
      expect(own).toMatchObject({
        ownerId: dataportMaintainer.organisation!.id,
        lifecycle: ServiceLifecycle.DEVELOPMENT,
        subscriptionApproval: SubscriptionApproval.MANUAL,
        sdgRelevant: false,
        qaPolicy: null,
      });
      const other = await sut.register(operator, input('by-operator', { ownerKey: 'komfit' }));
      expect(other.ownerId).toBe(komfitMaintainer.organisation!.id);
    });

    it('refuses an unknown norm with BAD_USER_INPUT naming the reference, and registers nothing', async () => {
      await expect(
        sut.register(
          dataportMaintainer,
          input('unknown-norm', { legalBases: [{ norm: 'WoGG' }, { norm: 'XYZG' }] }),
        ),
      ).rejects.toMatchObject({ code: 'BAD_USER_INPUT', details: { field: 'input.legalBases[1].norm' } });
      expect(await sut.findBySlug('unknown-norm')).toBeNull();
    });
  });

  describe('update', () => {
    it('refuses null for a required field with BAD_USER_INPUT, and changes nothing', async () => {
      const service = await sut.register(dataportMaintainer, input('null-name'));
      for (const field of ['name', 'summary', 'lifecycle', 'leikaKeys', 'legalBases'] as const) {
        await expect(sut.update(dataportMaintainer, service.id, { [field]: null })).rejects.toMatchObject({
          code: 'BAD_USER_INPUT',
          message: `input.${field}: is required and cannot be null`,
          details: { field: `input.${field}` },
        });
      }
      expect(await sut.findBySlug('null-name')).toMatchObject({
        name: 'Service null-name',
        summary: 'Eine Leistung',
      });
    });

    it('keeps omitted fields, clears optional ones given null, and replaces the legal bases as a whole', async () => {
      const service = await sut.register(
        dataportMaintainer,
        input('bases', {
          license: 'EUPL-1.2',
          maturityLevel: 3,
          legalBases: [
            { norm: 'WoGG', provision: '§22  Abs.1' },
            { norm: 'GewO' },
            { norm: 'WoGG', provision: '§ 22 Abs. 1' },
          ],
        }),
      );
      expect(await legalBasesOf(service.id)).toEqual(['WoGG § 22 Abs. 1', 'GewO -']);

      const updated = await sut.update(dataportMaintainer, service.id, {
        license: null,
        legalBases: [{ norm: 'GewO', provision: '§14' }],
      });
      expect(updated).toMatchObject({ name: 'Service bases', license: null, maturityLevel: 3 });
      expect(await legalBasesOf(service.id)).toEqual(['GewO § 14']);

      await sut.update(dataportMaintainer, service.id, { name: 'Renamed' });
      expect(await legalBasesOf(service.id)).toEqual(['GewO § 14']);
      await sut.update(dataportMaintainer, service.id, { legalBases: [] });
      expect(await legalBasesOf(service.id)).toEqual([]);
    });

    it("lets only the owner's MAINTAINER and OPERATORs change a service: FORBIDDEN for others, NOT_FOUND for an unknown id", async () => {
      const service = await sut.register(dataportMaintainer, input('guarded'));
      await expect(sut.update(komfitMaintainer, service.id, { name: 'Taken over' })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(sut.update(operator, service.id, { name: 'By the operator' })).resolves.toMatchObject({
        name: 'By the operator',
      });
      await expect(
        sut.update(operator, '00000000-0000-4000-8000-000000000000', { name: 'x' }),
      ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('setQaPolicy', () => {
    it("is the OPERATOR's: FORBIDDEN even for the owner's MAINTAINER", async () => {
      const service = await sut.register(dataportMaintainer, input('policy'));
      const rules = [{ kind: QaGateKind.SECURITY, requiredApprovals: 2 }];
      await expect(sut.setQaPolicy(dataportMaintainer, service.id, rules)).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      const set = await sut.setQaPolicy(operator, service.id, rules);
      expect(sut.qaPolicy(set)).toEqual(rules);
    });
  });
});
