/** The languages error messages come in: German when the client asks for it, else English. */
export type Language = 'en' | 'de';

/**
 * The language of a request's messages from its Accept-Language header (RFC 9110, 12.5.4):
 * German when `de` (or `de-AT`, `de-DE`…) ranks above English, English otherwise and by default.
 * Equal weights rank in the header's order ("de, en" is German). A range's weight is its q-value (1 when absent, 0 refuses it); `*` weighs every language the
 * header does not name; a malformed entry is ignored, not guessed at. A tiny strict parser rather
 * than a library: the negotiators at hand match exact tokens (for encodings), so `de-DE` would
 * not match `de`, and we need only this one comparison.
 */
export function languageOf(header: string | readonly string[] | undefined): Language {
  const value = Array.isArray(header) ? header.join(',') : (header as string | undefined);
  if (!value) {
    return 'en';
  }
  const weights = new Map<string, { q: number; at: number }>();
  for (const [at, part] of value.slice(0, 1_000).split(',').entries()) {
    const match =
      /^\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q\s*=\s*(0(?:\.\d{0,3})?|1(?:\.0{0,3})?)\s*)?$/.exec(
        part,
      );
    if (!match) {
      continue;
    }
    const primary = match[1].split('-')[0].toLowerCase();
    const q = match[2] === undefined ? 1 : Number(match[2]);
    const known = weights.get(primary);
    if (!known || q > known.q) {
      weights.set(primary, { q, at: known?.at ?? at });
    }
  }
  const none = { q: 0, at: Infinity };
  const any = weights.get('*') ?? none;
  const de = weights.get('de') ?? any;
  const en = weights.get('en') ?? any;
  return de.q > 0 && (de.q > en.q || (de.q === en.q && de.at < en.at)) ? 'de' : 'en';
}
