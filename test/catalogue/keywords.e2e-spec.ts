import { Role } from '#src/common/auth/role';
import { RESEARCHED_SERVICES } from '#src/seed/demo-catalogue';
import { DEMO_SEARCH_TERMS } from '#src/seed/demo-search-terms';
import { DATAPORT, KOMFIT, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const UPDATE = `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { keywords } }`;

/** Keywords (synonyms, colloquial names) as data: stored, edited by the owner, searched below the name. */
describe('service keywords', () => {
  let t: TestApp;
  let owner: string;
  let stranger: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await startTestApp();
    await registerOrganisation(t, { key: DATAPORT, kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: KOMFIT, kind: 'SERVICE_PROVIDER' });
    owner = await t.token({ roles: [Role.MAINTAINER], org: DATAPORT });
    stranger = await t.token({ roles: [Role.MAINTAINER], org: KOMFIT });
    ids.fischerei = await registerService(t, {
      slug: 'fischereischein',
      ownerKey: DATAPORT,
      name: 'Fischereischein beantragen',
      summary: 'Erlaubnis zum Fischen in Binnengewässern',
      keywords: ['  Angelschein ', 'Angel-Erlaubnis', 'angelschein'],
    });
    // "Angelschein" in another service's name: a name match ranks above a keyword match.
    ids.kurs = await registerService(t, {
      slug: 'angelschein-kurs',
      ownerKey: KOMFIT,
      name: 'Vorbereitungskurs Angelschein',
      summary: 'Kurs vor der Fischerprüfung',
    });
  });
  afterAll(() => t.close());

  const search = async (text: string) => {
    const result = await t.gql(
      `query($s: String) { services(filter: { search: $s }) { edges { node { slug } } } }`,
      {
        s: text,
      },
    );
    expect(result.errors).toBeUndefined();
    return result.data!.services.edges.map((e: { node: { slug: string } }) => e.node.slug);
  };

  it('stores keywords trimmed and without repeats (ignoring case), the first spelling kept', async () => {
    const result = await t.gql(`query { service(slug: "fischereischein") { keywords } }`);
    expect(result.data!.service.keywords).toEqual(['Angelschein', 'Angel-Erlaubnis']);
  });

  it('finds a service by its keyword, ranked below a service that has the word in its name', async () => {
    expect(await search('Angelschein')).toEqual(['angelschein-kurs', 'fischereischein']);
    expect(await search('Angelscheine')).toEqual(['angelschein-kurs', 'fischereischein']);
  });

  it("lets the owner's maintainer replace the keywords, and search follows at once", async () => {
    const result = await t.gql(UPDATE, { id: ids.fischerei, input: { keywords: ['Angelkarte'] } }, owner);
    expect(result.errors).toBeUndefined();
    expect(result.data!.updateService.keywords).toEqual(['Angelkarte']);
    expect(await search('Angelkarte')).toEqual(['fischereischein']);
    // No longer a keyword: the name match alone ranks first; the Fischereischein is still found,
    // below it, as the compound Angel + (Fischerei)schein of its new keyword and its name.
    expect(await search('Angelschein')).toEqual(['angelschein-kurs', 'fischereischein']);
    expect(await search('Angelkarte -Fischereischein')).toEqual([]);
  });

  it("refuses another organisation's maintainer", async () => {
    const result = await t.gql(UPDATE, { id: ids.fischerei, input: { keywords: ['Fremd'] } }, stranger);
    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(await search('Fremd')).toEqual([]);
  });

  it.each([
    [['Angelkarte', '   '], 'input.keywords[1]', 'must not be blank'],
    [['x'.repeat(101)], 'input.keywords[0]', 'at most 100 characters'],
    [Array.from({ length: 51 }, (_, i) => `Begriff ${i}`), 'input.keywords', 'at most 50 keywords'],
  ])('refuses keywords %#: BAD_USER_INPUT naming %s, nothing changed', async (keywords, field, message) => {
    const result = await t.gql(UPDATE, { id: ids.fischerei, input: { keywords } }, owner);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors?.[0]?.message).toContain(message);
    const after = await t.gql(`query { service(slug: "fischereischein") { keywords } }`);
    expect(after.data!.service.keywords).toEqual(['Angelkarte']);
  });

  it('refuses null keywords in an update (an empty list clears them)', async () => {
    const refused = await t.gql(UPDATE, { id: ids.fischerei, input: { keywords: null } }, owner);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.keywords',
    });
    const cleared = await t.gql(UPDATE, { id: ids.fischerei, input: { keywords: [] } }, owner);
    expect(cleared.data!.updateService.keywords).toEqual([]);
  });

  it('gives every demo service at least three search terms with a source', () => {
    for (const service of RESEARCHED_SERVICES) {
      const entry = DEMO_SEARCH_TERMS[service.slug];
      expect({ slug: service.slug, enough: (entry?.terms.length ?? 0) >= 3 }).toEqual({
        slug: service.slug,
        enough: true,
      });
      expect(entry.source.length).toBeGreaterThan(10);
    }
    expect(Object.keys(DEMO_SEARCH_TERMS).sort()).toEqual(RESEARCHED_SERVICES.map((s) => s.slug).sort());
  });
});
