/**
 * Where a legal basis links to (docs/domain.md, "Legal norms and citations"): straight to the
 * provision where the norm lives on gesetze-im-internet.de, else to the norm.
 *
 * gesetze-im-internet.de keeps a law at `https://www.gesetze-im-internet.de/<slug>/` and each
 * section of it at `<slug>/__<n>.html` ("§ 34a" -> `__34a.html`), each article at
 * `<slug>/art_<n>.html` ("Art. 14" -> `art_14.html`), as its pages and links to them show
 * (`/ozg/__3.html`, `/gg/art_1.html`). Only the section or article number counts: "§ 13 Abs. 3
 * bis 5" links § 13. A provision that names several ("§§ 1, 2") or something else ("Anhang II"),
 * and a norm elsewhere (a state portal, EUR-Lex), link the norm's own address.
 */
const GII_LAW_ROOT = /^https:\/\/www\.gesetze-im-internet\.de\/([a-z0-9_]+)\/?$/;
// The letter of an inserted section may stand apart ("§ 5 a"): GII writes it joined (__5a.html).
const SECTION = /^§\s*(\d+)(?:\s?([a-z]))?(?![\w§])/;
const ARTICLE = /^Art\.\s*(\d+)(?:\s?([a-z]))?(?!\w)/;

export function provisionUrl(normUrl: string | null, provision: string | null): string | null {
  const law = normUrl ? GII_LAW_ROOT.exec(normUrl) : null;
  const cited = provision?.trim() ?? '';
  if (!law || !cited) {
    return normUrl;
  }
  const base = `https://www.gesetze-im-internet.de/${law[1]}/`;
  const section = SECTION.exec(cited);
  if (section) {
    return `${base}__${section[1]}${section[2] ?? ''}.html`;
  }
  const article = ARTICLE.exec(cited);
  if (article) {
    return `${base}art_${article[1]}${article[2] ?? ''}.html`;
  }
  return normUrl;
}
