import {
  keyHint,
  organisationProblems,
  registerOrganisationInput,
  type OrganisationValues,
} from './organisation-form-model';

const values = (overrides: Partial<OrganisationValues>): OrganisationValues => ({
  kind: 'MUNICIPALITY',
  name: ' Ascheffel ',
  key: ' 010585890008 ',
  parentKey: '',
  ...overrides,
});

describe('the organisation form', () => {
  it('hints 12 digits, 9 for an Amt, and how far the typed value is from them', () => {
    expect(keyHint('MUNICIPALITY', '')).toMatch(/^12 Ziffern, z\. B\. 010585890008/);
    expect(keyHint('AMT', '')).toMatch(/^9 Ziffern, z\. B\. 010585890 \(Amt Hüttener Berge\)\.$/);
    expect(keyHint('AMT', '0105858')).toMatch(/Ihre Eingabe hat 7 Ziffern\.$/);
    expect(keyHint('DISTRICT', '1')).toMatch(/Ihre Eingabe hat 1 Ziffer\.$/);
    expect(keyHint('STATE', '01000000000x')).toMatch(/andere Zeichen als Ziffern\.$/);
    // The right length says nothing more: whether the ARS is valid is the API's rule.
    expect(keyHint('DISTRICT', '999999999999')).toBe(
      '12 Ziffern, z. B. 010580000000 (Kreis Rendsburg-Eckernförde).',
    );
    expect(keyHint('SERVICE_PROVIDER', 'Data Port')).toMatch(/^Ein Kurzname aus Kleinbuchstaben/);
  });

  it('sends a public body’s ARS as its key and as ars, trimmed, and leaves an empty parent out', () => {
    expect(registerOrganisationInput(values({}))).toEqual({
      kind: 'MUNICIPALITY',
      name: 'Ascheffel',
      key: '010585890008',
      ars: '010585890008',
    });
    expect(
      registerOrganisationInput(values({ kind: 'OTHER', key: 'itvsh', parentKey: ' 010000000000 ' })),
    ).toEqual({
      kind: 'OTHER',
      name: 'Ascheffel',
      key: 'itvsh',
      parentKey: '010000000000',
    });
  });

  it('puts the API’s problems with input.ars, input.key and an existing key at the key field, labelled by the kind', () => {
    const problem = (field: string | undefined, message: string, reason?: string) => ({
      code: field ? 'BAD_USER_INPUT' : 'CONFLICT',
      field,
      reason,
      message,
    });
    expect(
      organisationProblems([problem('input.ars', 'passt nicht zur Art der Organisation.')], 'AMT').errors,
    ).toEqual({ key: 'Amtlicher Regionalschlüssel (ARS) passt nicht zur Art der Organisation.' });
    expect(organisationProblems([problem('input.key', 'muss ein Kurzname sein.')], 'OTHER').errors).toEqual({
      key: 'Schlüssel muss ein Kurzname sein.',
    });
    const exists = problem(
      undefined,
      'Es gibt bereits eine Organisation mit dem Schlüssel itvsh.',
      'ORGANISATION_EXISTS',
    );
    expect(organisationProblems([exists], 'OTHER')).toEqual({ errors: { key: exists.message }, others: [] });
    const other = problem(undefined, 'Etwas anderes.');
    expect(organisationProblems([problem('input.parentKey', 'ist unbekannt.'), other], 'AMT')).toEqual({
      errors: { parentKey: 'Übergeordnete Organisation ist unbekannt.' },
      others: [other],
    });
  });
});
