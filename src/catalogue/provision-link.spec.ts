import { provisionUrl } from './provision-link';

const GII = 'https://www.gesetze-im-internet.de';

describe('provisionUrl', () => {
  it.each([
    // A section of a federal law on gesetze-im-internet.de: its own page.
    [`${GII}/gewo/`, '§ 14', `${GII}/gewo/__14.html`],
    [`${GII}/gewo/`, '§ 34a', `${GII}/gewo/__34a.html`],
    [`${GII}/gewo/`, '§ 34 a Abs. 1', `${GII}/gewo/__34a.html`], // the letter apart, as some cite it
    [`${GII}/gewo/`, '§ 34 und 35', `${GII}/gewo/__34.html`],
    [`${GII}/stvo_2013/`, '§ 46 Abs. 1 Satz 1 Nr. 5b', `${GII}/stvo_2013/__46.html`],
    [`${GII}/stvg/`, '§ 6a Abs. 5a', `${GII}/stvg/__6a.html`],
    [`${GII}/arbzg/`, '§ 13 Abs. 3 bis 5', `${GII}/arbzg/__13.html`],
    [`${GII}/fzv_2023/`, '§ 43', `${GII}/fzv_2023/__43.html`],
    [`${GII}/pa_g_1986/`, '§ 6', `${GII}/pa_g_1986/__6.html`],
    // Stored provisions are normalised ("§ 22"), but a missing space still links.
    [`${GII}/wogg/`, '§22', `${GII}/wogg/__22.html`],
    // The law root without its trailing slash is the same law.
    [`${GII}/bmg`, '§ 17 Abs. 2', `${GII}/bmg/__17.html`],
    // An article: art_<n>.html.
    [`${GII}/gg/`, 'Art. 14', `${GII}/gg/art_14.html`],
    [`${GII}/gg/`, 'Art. 116 Abs. 1', `${GII}/gg/art_116.html`],
    // The whole norm, or a provision that is no single section or article: the norm's address.
    [`${GII}/pstg/`, null, `${GII}/pstg/`],
    [`${GII}/pstg/`, '  ', `${GII}/pstg/`],
    [`${GII}/apog/`, '§§ 1, 2', `${GII}/apog/`],
    [`${GII}/stvg/`, '§ 6A', `${GII}/stvg/`],
    [`${GII}/stvg/`, 'Anlage 8e', `${GII}/stvg/`],
    // Not a law root on gesetze-im-internet.de: the norm's address as it is.
    [`${GII}/gewo/__14.html`, '§ 14', `${GII}/gewo/__14.html`],
    [`${GII}/gewo/index.html`, '§ 14', `${GII}/gewo/index.html`],
    ['http://www.gesetze-im-internet.de/gewo/', '§ 14', 'http://www.gesetze-im-internet.de/gewo/'],
    [
      'https://eur-lex.europa.eu/eli/reg/2018/1724/oj',
      'Art. 14',
      'https://eur-lex.europa.eu/eli/reg/2018/1724/oj',
    ],
    [
      'https://www.gesetze-rechtsprechung.sh.juris.de/',
      '§ 67',
      'https://www.gesetze-rechtsprechung.sh.juris.de/',
    ],
    // No address at all: none for the provision either.
    [null, '§ 3', null],
    [null, null, null],
  ])('norm %s, provision %p: %s', (normUrl, provision, expected) => {
    expect(provisionUrl(normUrl, provision)).toBe(expected);
  });
});
