import { parseSearch, wordsOf } from './search-query';

describe('parseSearch: web search syntax into groups', () => {
  it('reads every word as its own group, lower case, and the last one as a possible prefix', () => {
    expect(parseSearch('Führerschein beantragen')).toEqual({
      groups: [[{ word: 'führerschein', prefix: false }], [{ word: 'beantragen', prefix: true }]],
      exclusions: [],
    });
  });

  it('takes the last word as complete once a space follows it', () => {
    expect(parseSearch('Wohngeld ').groups).toEqual([[{ word: 'wohngeld', prefix: false }]]);
  });

  it('keeps a quoted phrase together and never reads it as a prefix', () => {
    expect(parseSearch('"geringem Einkommen"')).toEqual({
      groups: [[{ phrase: 'geringem einkommen' }]],
      exclusions: [],
    });
    expect(parseSearch('"Wohngeld"').groups).toEqual([[{ word: 'wohngeld', prefix: false }]]);
  });

  it('joins the terms around `or`, in any case', () => {
    expect(parseSearch('Hund OR Mietzuschuss').groups).toEqual([
      [
        { word: 'hund', prefix: false },
        { word: 'mietzuschuss', prefix: true },
      ],
    ]);
    expect(parseSearch('Hund or Katze Steuer').groups).toHaveLength(2);
    expect(parseSearch('Hund oder Katze').groups).toEqual([
      [
        { word: 'hund', prefix: false },
        { word: 'katze', prefix: true },
      ],
    ]);
  });

  it('takes `or` and a minus as the end of a word typed, and a hyphenated exclusion as a phrase', () => {
    expect(parseSearch('Führerschein oder').groups).toEqual([[{ word: 'führerschein', prefix: false }]]);
    expect(parseSearch('Hund or -Katze Steuer')).toEqual({
      groups: [[{ word: 'hund', prefix: false }], [{ word: 'steuer', prefix: true }]],
      exclusions: [{ word: 'katze', prefix: false }],
    });
    expect(parseSearch('Wohnen -Kita-Platz').exclusions).toEqual([{ phrase: 'kita platz' }]);
  });

  it('reads an umlaut pasted as a letter and a combining mark as the one letter', () => {
    expect(parseSearch('Fu\u0308hrerschein ').groups).toEqual([[{ word: 'führerschein', prefix: false }]]);
  });

  it('excludes words and phrases after a minus, and does not read them as a prefix', () => {
    expect(parseSearch('Antrag -Baugenehmigung -"rotes Kennzeichen"')).toEqual({
      groups: [[{ word: 'antrag', prefix: false }]],
      exclusions: [{ word: 'baugenehmigung', prefix: false }, { phrase: 'rotes kennzeichen' }],
    });
  });

  it('splits hyphenated words and drops punctuation', () => {
    expect(wordsOf('Kita-Platz, (Schwer-)Behinderung!')).toEqual(['kita', 'platz', 'schwer', 'behinderung']);
    expect(parseSearch('?! -- or').groups).toEqual([]);
  });

  it('reads at most 12 groups', () => {
    expect(parseSearch('a b c d e f g h i j k l m n o p').groups).toHaveLength(12);
  });
});
