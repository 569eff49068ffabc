import { registerNorm, registerOrganisation, registerService } from '../support/factories';
import { startTestApp, useWorld } from '../support/test-app';

/**
 * A legal basis links to the text it cites (issue 19, part 4): `LegalReference.url` is the
 * provision's own page where the norm is on gesetze-im-internet.de, else the norm's address.
 */
describe('the link of a legal basis', () => {
  const w = useWorld(
    async () => {
      const t = await startTestApp();
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await registerNorm(t, 'GewO', { url: 'https://www.gesetze-im-internet.de/gewo/' });
      await registerNorm(t, 'GG', { url: 'https://www.gesetze-im-internet.de/gg/' });
      await registerNorm(t, 'LBO SH', {
        jurisdiction: 'DE-SH',
        url: 'https://www.gesetze-rechtsprechung.sh.juris.de/',
      });
      await registerNorm(t, 'SDG-VO', { jurisdiction: 'EU' });
      await registerService(t, {
        slug: 'bewachung',
        ownerKey: 'dataport',
        legalBases: [
          { norm: 'GewO', provision: '§34a Abs.1' },
          { norm: 'GewO' },
          { norm: 'GG', provision: 'Art. 12' },
          { norm: 'LBO SH', provision: '§ 67' },
          { norm: 'SDG-VO', provision: 'Anhang II' },
        ],
      });
      return { t };
    },
    (w) => w.t.close(),
  );

  it('is the provision on gesetze-im-internet.de, else the norm, else nothing, for anyone', async () => {
    const result = await w.t.gql(
      `{ service(slug: "bewachung") { legalBases { provision url norm { abbreviation url } } } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.service.legalBases).toEqual([
      {
        provision: '§ 34a Abs. 1',
        url: 'https://www.gesetze-im-internet.de/gewo/__34a.html',
        norm: { abbreviation: 'GewO', url: 'https://www.gesetze-im-internet.de/gewo/' },
      },
      {
        provision: null,
        url: 'https://www.gesetze-im-internet.de/gewo/',
        norm: { abbreviation: 'GewO', url: 'https://www.gesetze-im-internet.de/gewo/' },
      },
      {
        provision: 'Art. 12',
        url: 'https://www.gesetze-im-internet.de/gg/art_12.html',
        norm: { abbreviation: 'GG', url: 'https://www.gesetze-im-internet.de/gg/' },
      },
      {
        provision: '§ 67',
        url: 'https://www.gesetze-rechtsprechung.sh.juris.de/',
        norm: { abbreviation: 'LBO SH', url: 'https://www.gesetze-rechtsprechung.sh.juris.de/' },
      },
      { provision: 'Anhang II', url: null, norm: { abbreviation: 'SDG-VO', url: null } },
    ]);
  });

  it('is there on the catalogue page too, where the legal bases come with the page', async () => {
    const result = await w.t.gql(
      `{ services(first: 5) { edges { node { slug legalBases { provision url } } } } }`,
    );
    expect(result.errors).toBeUndefined();
    const [node] = result.data!.services.edges.map((e: any) => e.node);
    expect(node.legalBases[0]).toEqual({
      provision: '§ 34a Abs. 1',
      url: 'https://www.gesetze-im-internet.de/gewo/__34a.html',
    });
  });
});
