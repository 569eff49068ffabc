import {
  filtersFrom,
  nextPosition,
  pageNumber,
  positionFrom,
  previousPosition,
  searchParamsFor,
  serviceFilter,
} from './catalogue-url';

describe('the catalogue URL', () => {
  it('reads every filter from its German parameter and gives the API only those set', () => {
    const params = new URLSearchParams(
      'suche=%20Wohngeld%20&themenfeld=BAUEN_WOHNEN&reifegrad=3&eigentuemer=dataport&rechtsgrundlage=WoGG',
    );
    const filters = filtersFrom(params);
    expect(filters).toEqual({
      search: 'Wohngeld',
      themenfeld: 'BAUEN_WOHNEN',
      maturity: { model: 'V1_1', level: 3 },
      ownerKey: 'dataport',
      legalNorm: 'WoGG',
    });
    expect(serviceFilter(filters)).toEqual({
      search: 'Wohngeld',
      themenfeld: 'BAUEN_WOHNEN',
      maturityLevel: 3,
      maturityModel: 'V1_1',
      ownerKey: 'dataport',
      legalNorm: 'WoGG',
    });
    expect(searchParamsFor(filters).toString()).toBe(
      'suche=Wohngeld&themenfeld=BAUEN_WOHNEN&reifegrad=3&eigentuemer=dataport&rechtsgrundlage=WoGG',
    );
  });

  it('treats values the API would refuse as "Alle", and Reifegrad 0 as a filter', () => {
    expect(serviceFilter(filtersFrom(new URLSearchParams('themenfeld=WOHNEN&reifegrad=7')))).toEqual({});
    expect(serviceFilter(filtersFrom(new URLSearchParams('reifegrad=0')))).toEqual({
      maturityLevel: 0,
      maturityModel: 'V1_1',
    });
    expect(serviceFilter(filtersFrom(new URLSearchParams('reifegrad=8&reifegradmodell=2.0')))).toEqual({});
    expect(serviceFilter(filtersFrom(new URLSearchParams('reifegrad=3&reifegradmodell=3.0')))).toEqual({});
  });

  it('reads a 2.0 rating with its model and writes it back the same way; 1.1 needs no model parameter', () => {
    const filters = filtersFrom(new URLSearchParams('reifegrad=7&reifegradmodell=2.0'));
    expect(filters.maturity).toEqual({ model: 'V2_0', level: 7 });
    expect(serviceFilter(filters)).toEqual({ maturityLevel: 7, maturityModel: 'V2_0' });
    expect(searchParamsFor(filters).toString()).toBe('reifegrad=7&reifegradmodell=2.0');
    expect(searchParamsFor({ ...filters, maturity: { model: 'V1_1', level: 4 } }).toString()).toBe(
      'reifegrad=4',
    );
  });

  it('reads the model alone as every rating in it', () => {
    const filters = filtersFrom(new URLSearchParams('reifegradmodell=2.0'));
    expect(filters.maturity).toEqual({ model: 'V2_0', level: null });
    expect(serviceFilter(filters)).toEqual({ maturityModel: 'V2_0' });
    expect(searchParamsFor(filters).toString()).toBe('reifegradmodell=2.0');
    expect(searchParamsFor({ ...filters, maturity: { model: 'V1_1', level: null } }).toString()).toBe(
      'reifegradmodell=1.1',
    );
  });

  it('keeps the cursors of the earlier pages, so a shared link to page 3 can go back to page 2 and 1', () => {
    const first = positionFrom(new URLSearchParams('suche=Kita'));
    expect(pageNumber(first)).toBe(1);
    expect(previousPosition(first)).toBeNull();

    const second = nextPosition(first, 'c1');
    const third = nextPosition(second, 'c2');
    const link = searchParamsFor(filtersFrom(new URLSearchParams('suche=Kita')), third).toString();
    expect(link).toBe('suche=Kita&vorher=c1&nach=c2');

    const shared = positionFrom(new URLSearchParams(link));
    expect(pageNumber(shared)).toBe(3);
    const back = previousPosition(shared);
    expect(back).toEqual({ after: 'c1', before: [] });
    expect(pageNumber(back!)).toBe(2);
    expect(previousPosition(back!)).toEqual({ after: null, before: [] });
  });
});
