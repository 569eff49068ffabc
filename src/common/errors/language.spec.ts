import { languageOf } from './language';

describe(languageOf.name, () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['de', 'de'],
    ['DE', 'de'],
    ['de-DE', 'de'],
    ['de-AT,de;q=0.9', 'de'],
    ['de-DE,de;q=0.9,en-US;q=0.8,en;q=0.7', 'de'],
    ['en', 'en'],
    ['en-US,en;q=0.9,de;q=0.8', 'en'],
    ['en;q=0.5, de;q=0.8', 'de'],
    ['de;q=0.5, en;q=0.8', 'en'],
    ['de, en', 'de'],
    ['en, de', 'en'],
    ['de;q=0', 'en'],
    ['de;q=0.000', 'en'],
    ['fr', 'en'],
    ['fr, de;q=0.5', 'de'],
    ['*', 'en'],
    ['*;q=0.5, de', 'de'],
    ['de;q=0.8, *', 'en'],
    // English refused, anything else welcome: German will do.
    ['en;q=0, *', 'de'],
    ['de ; q = 0.7 , en;q=0.6', 'de'],
    // Malformed entries are ignored, not guessed at.
    ['de;q=2', 'en'],
    ['de;q=abc', 'en'],
    ['de;q=0.5;q=1', 'en'],
    ['deutsch-ist-keine-sprache-mit-langen-teilen, en', 'en'],
    [['de', 'en;q=0.1'], 'de'],
  ])('%j is %s', (header, language) => {
    expect(languageOf(header)).toBe(language);
  });

  it('reads only the first kilobyte of a header', () => {
    expect(languageOf(`${'en;q=0.1,'.repeat(200)}de`)).toBe('en');
  });
});
