import { assemble, expansionInput, operand, type ExpansionRow } from './search-expansion';
import { parseSearch } from './search-query';

const row = (
  term: string,
  kind: ExpansionRow['kind'],
  lexeme: string,
  cut: number | null = null,
  side: ExpansionRow['side'] = null,
): ExpansionRow => ({ term, kind, cut, side, lexeme });

describe('assemble: the expansion rows into tsqueries', () => {
  it('keeps the exact lexemes strict and adds prefix completions and typos to the loose query', () => {
    const query = parseSearch('Fuehrersch');
    const rows = [
      row('fuehrersch', 'stem', 'fuehrersch'),
      row('fuehrersch', 'prefix', 'fuhrerschein'),
      row('fuehrersch', 'typo', 'fuhrerscheins'),
    ];
    expect(assemble(query, rows)).toEqual({
      groups: [{ strict: "'fuehrersch'", loose: "( 'fuehrersch' | 'fuhrerscheins' | 'fuhrerschein' )" }],
      typedGroups: 1,
      exclusion: null,
    });
  });

  it('requires both pieces of a split compound, each in any of its forms', () => {
    const rows = [
      row('wohngeldantrag', 'stem', 'wohngeldantrag'),
      row('wohngeldantrag', 'piece', 'wohngeld', 8, 'left'),
      row('wohngeldantrag', 'piece', 'antrag', 8, 'right'),
      row('wohngeldantrag', 'piece', 'antrage', 8, 'right'),
    ];
    expect(assemble(parseSearch('Wohngeldantrag '), rows).groups[0]).toEqual({
      strict: "'wohngeldantrag'",
      loose: "( 'wohngeldantrag' | ( 'wohngeld':* & ( 'antrag' | 'antrage' ) ) )",
    });
  });

  it('uses prefixes only for the word typed last', () => {
    const rows = [
      row('hund', 'stem', 'hund'),
      row('hund', 'prefix', 'hundesteu'),
      row('steuer', 'stem', 'steu'),
    ];
    expect(assemble(parseSearch('Hund Steuer'), rows).groups[0].loose).toBe("'hund'");
    expect(assemble(parseSearch('Steuer Hund'), rows).groups[1].loose).toBe("( 'hund' | 'hundesteu' )");
  });

  it('drops a word without lexemes (a stopword) and excludes only exact forms', () => {
    const rows = [
      row('antrag', 'stem', 'antrag'),
      row('baugenehmigung', 'stem', 'baugenehm'),
      row('baugenehmigung', 'typo', 'baugenehmigungsverfahr'),
    ];
    expect(assemble(parseSearch('die Antrag -Baugenehmigung'), rows)).toEqual({
      groups: [{ strict: "'antrag'", loose: "'antrag'" }],
      typedGroups: 2,
      exclusion: "'baugenehm'",
    });
  });

  it('takes a phrase as the database wrote it, and a typo-only word without a strict query', () => {
    const rows = [
      row('geringem einkommen', 'phrase', "'gering' <-> 'einkomm'"),
      row('wohngled', 'typo', 'wohngeld'),
    ];
    expect(assemble(parseSearch('"geringem Einkommen" wohngled'), rows).groups).toEqual([
      { strict: "'gering' <-> 'einkomm'", loose: "'gering' <-> 'einkomm'" },
      { strict: null, loose: "'wohngeld'" },
    ]);
  });

  it('quotes lexemes so that no input becomes tsquery syntax', () => {
    expect(operand("o'brien")).toBe("'o''brien'");
    expect(operand('a\\b')).toBe("'a\\\\b'");
    expect(operand('gaststatt', true)).toBe("'gaststatt':*");
  });

  it('asks the database once per distinct word, with the prefix flag of any of its uses', () => {
    expect(expansionInput(parseSearch('Hund -Hund "Hund Steuer" Steu'))).toEqual([
      ['hund', 'steu'],
      [false, true],
      ['hund steuer'],
    ]);
  });
});
