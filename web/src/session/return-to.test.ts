import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a path on this site, with its query', () => {
    expect(safeReturnTo('/leistungen?suche=Wohngeld&seite=2')).toBe('/leistungen?suche=Wohngeld&seite=2');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    'javascript:alert(1)',
    '',
    null,
  ])('refuses %p and goes to the start page', (value) => {
    expect(safeReturnTo(value)).toBe('/');
  });

  it('does not return to the sign-in page itself', () => {
    expect(safeReturnTo('/anmelden?zurueck=/x')).toBe('/');
    expect(safeReturnTo('/anmelden/callback')).toBe('/');
  });
});
