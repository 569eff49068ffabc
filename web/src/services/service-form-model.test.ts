import type { ApiProblem } from '../graphql/errors';
import {
  addRow,
  approvalCounts,
  emptyValues,
  fieldMessage,
  legalBasesInput,
  missingFields,
  newRow,
  parseKeywords,
  parseLeikaKeys,
  problemsAtFields,
  qaProblems,
  qaRules,
  registerInput,
  removeRow,
  sentLists,
  slugFromName,
  updateInput,
  valuesFrom,
  type EditableService,
  type ServiceFormValues,
} from './service-form-model';

const bad = (field: string | undefined, message: string, reason = 'X'): ApiProblem => ({
  code: 'BAD_USER_INPUT',
  reason,
  field,
  message: field ? `${field}: ${message}` : message,
});

const wohngeld: EditableService = {
  name: 'Wohngeld beantragen',
  slug: 'wohngeld-beantragen',
  summary: 'Zuschuss zur Miete.',
  description: null,
  leikaKeys: ['99107023037000'],
  keywords: ['Mietzuschuss', 'Lastenzuschuss'],
  themenfeld: 'BAUEN_WOHNEN',
  maturityLevel: 3,
  reuseModel: 'EFA_CENTRAL',
  subscriptionApproval: 'MANUAL',
  lifecycle: 'ACTIVE',
  repositoryUrl: null,
  license: 'EUPL-1.2',
  sdgRelevant: false,
  owner: { key: 'dataport' },
  legalBases: [{ provision: '§ 22 Abs. 1', norm: { abbreviation: 'WoGG' } }],
};

describe('parseLeikaKeys', () => {
  it('takes one key per line, or keys separated by commas, semicolons or spaces', () => {
    expect(
      parseLeikaKeys('99107023037000\n99050012104000, 99102013104000;99108001001000  99008001012000\n'),
    ).toEqual(['99107023037000', '99050012104000', '99102013104000', '99108001001000', '99008001012000']);
  });

  it('takes the URN form as its 14 digits and leaves checking the keys to the API', () => {
    expect(
      parseLeikaKeys('urn:de:fim:leika:leistung:99107023037000\nURN:DE:FIM:LEIKA:LEISTUNG:99050012104000'),
    ).toEqual(['99107023037000', '99050012104000']);
    // Not a key, but sent as typed: the API says why, at the field.
    expect(parseLeikaKeys('9910702303')).toEqual(['9910702303']);
  });

  it('reads an empty field as no keys', () => {
    expect(parseLeikaKeys('')).toEqual([]);
    expect(parseLeikaKeys(' \n , ')).toEqual([]);
  });
});

describe('parseKeywords', () => {
  it('splits at lines and commas only: a search term may hold spaces', () => {
    expect(parseKeywords('Hartz IV, Bürgergeld\n  Grundsicherung für Arbeitsuchende \n\n,')).toEqual([
      'Hartz IV',
      'Bürgergeld',
      'Grundsicherung für Arbeitsuchende',
    ]);
  });
});

describe('slugFromName', () => {
  it('proposes a slug: lower case, umlauts transliterated, hyphens between words', () => {
    expect(slugFromName('Wohngeld beantragen')).toBe('wohngeld-beantragen');
    expect(slugFromName('Führungszeugnis (erweitert) – beantragen')).toBe(
      'fuehrungszeugnis-erweitert-beantragen',
    );
    expect(slugFromName('Straßenverkehrsbehörde: Öffnung, Ärger & Übel')).toBe(
      'strassenverkehrsbehoerde-oeffnung-aerger-uebel',
    );
    expect(slugFromName('  Café  ')).toBe('cafe');
  });

  it('cuts a long name at a hyphen, within 80 characters', () => {
    const slug = slugFromName(
      'Antrag auf Erteilung einer Erlaubnis nach dem Gesetz über das Fahrlehrerwesen für Fahrschulen',
    );
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(slug.startsWith('antrag-auf-erteilung-einer-erlaubnis')).toBe(true);
  });
});

describe('legal-basis rows', () => {
  it('adds and removes rows by key, and sends the filled ones in order, a blank provision as null', () => {
    let rows = [newRow('WoGG', '§22 Abs.1')];
    rows = addRow(rows);
    rows = addRow(rows);
    rows[2] = { ...rows[2], norm: ' WoGV ', provision: '  ' };
    expect(rows.map((row) => row.key)).toHaveLength(3);
    expect(new Set(rows.map((row) => row.key)).size).toBe(3);

    const { legalBases, keys } = legalBasesInput(rows);
    // The empty middle row is no legal basis.
    expect(legalBases).toEqual([
      { norm: 'WoGG', provision: '§22 Abs.1' },
      { norm: 'WoGV', provision: null },
    ]);
    expect(keys).toEqual([rows[0].key, rows[2].key]);

    rows = removeRow(rows, rows[0].key);
    expect(legalBasesInput(rows).legalBases).toEqual([{ norm: 'WoGV', provision: null }]);
  });

  it('a provision without a norm is missing its norm, and nothing is sent', () => {
    const values = { ...filled(), legalBases: [newRow('', '§ 3')] };
    const key = values.legalBases[0].key;
    expect(missingFields(values, 'register', false)).toEqual({
      [`legalBases.${key}.norm`]:
        'Bitte wählen Sie eine Rechtsnorm oder entfernen Sie diese Rechtsgrundlage.',
    });
  });
});

function filled(): ServiceFormValues {
  return {
    ...emptyValues(),
    name: 'Hundesteuer anmelden',
    slug: 'hundesteuer-anmelden',
    summary: 'Einen Hund zur Steuer anmelden.',
    reuseModel: 'SELF_HOSTED_OPEN_SOURCE',
  };
}

describe('missingFields', () => {
  it('names what must be filled in before a registration is sent', () => {
    expect(missingFields(emptyValues(), 'register', true)).toEqual({
      name: 'Bitte geben Sie den Namen der Leistung an.',
      slug: 'Bitte geben Sie einen Kurznamen an, zum Beispiel „wohngeld-beantragen“.',
      summary: 'Bitte geben Sie eine Kurzbeschreibung an.',
      reuseModel: 'Bitte wählen Sie das Nachnutzungsmodell.',
      ownerKey: 'Bitte wählen Sie die Organisation, der die Leistung gehört.',
    });
    expect(missingFields(filled(), 'register', false)).toEqual({});
  });

  it('keeps "neu" for the registration page', () => {
    expect(missingFields({ ...filled(), slug: 'neu' }, 'register', false).slug).toMatch(
      /„neu“ ist die Adresse der Seite „Leistung registrieren“/,
    );
  });

  it('asks only for name and summary when editing (slug, owner and reuse model are fixed)', () => {
    const values = { ...valuesFrom(wohngeld), name: ' ', summary: '' };
    expect(Object.keys(missingFields(values, 'edit', true))).toEqual(['name', 'summary']);
  });
});

describe('registerInput', () => {
  it('sends every field, the optional ones only when filled in, and the owner only when chosen', () => {
    const values: ServiceFormValues = {
      ...filled(),
      description: '  ',
      leikaKeys: '99102013104000',
      keywords: 'Hund anmelden, Hundemarke',
      maturityLevel: 'V2_0:0',
      legalBases: [newRow('KAG SH', '§ 3'), newRow()],
      ownerKey: 'komfit',
    };
    expect(registerInput(values, false)).toEqual({
      slug: 'hundesteuer-anmelden',
      name: 'Hundesteuer anmelden',
      summary: 'Einen Hund zur Steuer anmelden.',
      reuseModel: 'SELF_HOSTED_OPEN_SOURCE',
      leikaKeys: ['99102013104000'],
      keywords: ['Hund anmelden', 'Hundemarke'],
      subscriptionApproval: 'MANUAL',
      lifecycle: 'DEVELOPMENT',
      sdgRelevant: false,
      legalBases: [{ norm: 'KAG SH', provision: '§ 3' }],
      // Reifegrad 0 is a level, not "none"; it goes with its model.
      maturityLevel: 0,
      maturityModel: 'V2_0',
    });
    expect(registerInput(values, true)).toMatchObject({ ownerKey: 'komfit' });
  });
});

describe('updateInput', () => {
  it('sends only what changed, blank optional fields as null', () => {
    const initial = valuesFrom(wohngeld);
    expect(updateInput(initial, initial)).toEqual({});
    expect(updateInput({ ...initial, summary: ' Zuschuss zur Miete oder zur Belastung. ' }, initial)).toEqual(
      {
        summary: 'Zuschuss zur Miete oder zur Belastung.',
      },
    );
    expect(
      updateInput(
        { ...initial, license: '', themenfeld: '', maturityLevel: '', keywords: 'Mietzuschuss' },
        initial,
      ),
    ).toEqual({
      license: null,
      themenfeld: null,
      maturityLevel: null,
      maturityModel: null,
      keywords: ['Mietzuschuss'],
    });
  });

  it('reads a rating without a model as 1.1 and sends the level with its model when only the model changed', () => {
    const initial = valuesFrom(wohngeld);
    expect(initial.maturityLevel).toBe('V1_1:3');
    expect(updateInput({ ...initial, maturityLevel: 'V2_0:3' }, initial)).toEqual({
      maturityLevel: 3,
      maturityModel: 'V2_0',
    });
  });

  it('sends the model with a level changed within it, so the API does not read the level in another model', () => {
    const rated = valuesFrom({ ...wohngeld, maturityLevel: 5, maturityModel: 'V2_0' });
    expect(rated.maturityLevel).toBe('V2_0:5');
    expect(updateInput({ ...rated, maturityLevel: 'V2_0:6' }, rated)).toEqual({
      maturityLevel: 6,
      maturityModel: 'V2_0',
    });
  });

  it('sends the whole set of legal bases when a row changed, [] when all are removed', () => {
    const initial = valuesFrom(wohngeld);
    const added = { ...initial, legalBases: [...initial.legalBases, newRow('WoGV')] };
    expect(updateInput(added, initial)).toEqual({
      legalBases: [
        { norm: 'WoGG', provision: '§ 22 Abs. 1' },
        { norm: 'WoGV', provision: null },
      ],
    });
    expect(updateInput({ ...initial, legalBases: [] }, initial)).toEqual({ legalBases: [] });
    // An empty row added and left empty changes nothing.
    expect(updateInput({ ...initial, legalBases: [...initial.legalBases, newRow()] }, initial)).toEqual({});
  });
});

describe('problemsAtFields', () => {
  it('puts each problem at the field its path names, with the value at fault as the subject', () => {
    const values: ServiceFormValues = {
      ...filled(),
      leikaKeys: '99102013104000\n9910201310',
      keywords: 'Hund, Hundemarke',
      legalBases: [newRow(), newRow('KAG SH', '§ 3'), newRow('HStG SH')],
    };
    const sent = sentLists(values);
    const { errors, others } = problemsAtFields(
      [
        bad('input.leikaKeys[1]', 'ist kein LeiKa-Schlüssel: ein LeiKa-Schlüssel hat 14 Ziffern.'),
        bad('input.keywords[1]', 'Ein Suchbegriff darf höchstens 100 Zeichen lang sein.'),
        // The second legal basis sent is the third row: the empty first row was not sent.
        bad(
          'input.legalBases[1].norm',
          'ist keine gültige Rechtsgrundlage: nennen Sie eine registrierte Rechtsnorm mit ihrer Abkürzung.',
        ),
        bad('input.summary', 'darf höchstens 500 Zeichen lang sein: bitte kürzen Sie den Text.'),
        bad('input.repositoryUrl', 'muss eine Adresse sein, die mit https:// beginnt.'),
      ],
      sent,
      values.legalBases,
    );
    expect(errors).toEqual({
      leikaKeys: '„9910201310“ ist kein LeiKa-Schlüssel: ein LeiKa-Schlüssel hat 14 Ziffern.',
      keywords: 'Ein Suchbegriff darf höchstens 100 Zeichen lang sein.',
      [`legalBases.${values.legalBases[2].key}.norm`]:
        '„HStG SH“ ist keine gültige Rechtsgrundlage: nennen Sie eine registrierte Rechtsnorm mit ihrer Abkürzung.',
      summary: 'Kurzbeschreibung darf höchstens 500 Zeichen lang sein: bitte kürzen Sie den Text.',
      repositoryUrl: 'Repository muss eine Adresse sein, die mit https:// beginnt.',
    });
    expect(others).toEqual([]);
  });

  it('puts a taken slug at the slug, and leaves problems without a field to the summary', () => {
    const values = filled();
    const taken: ApiProblem = {
      code: 'CONFLICT',
      reason: 'SLUG_TAKEN',
      message:
        'Es gibt bereits eine Leistung mit dem Kurznamen hundesteuer-anmelden: wählen Sie einen anderen.',
    };
    const forbidden: ApiProblem = {
      code: 'FORBIDDEN',
      reason: 'OWN_ORGANISATION_ONLY',
      message: 'Als MAINTAINER registrieren Sie Leistungen nur für Ihre eigene Organisation.',
    };
    const unknown = bad('input.somethingElse', 'ist falsch.');
    const { errors, others } = problemsAtFields(
      [taken, forbidden, unknown],
      sentLists(values),
      values.legalBases,
    );
    expect(errors).toEqual({ slug: taken.message });
    expect(others).toEqual([forbidden, unknown]);
  });

  it('keeps the first problem of a field there and sends a second one to the summary', () => {
    const values = { ...filled(), leikaKeys: '1, 2' };
    const first = bad('input.leikaKeys[0]', 'ist kein LeiKa-Schlüssel.');
    const second = bad('input.leikaKeys[1]', 'ist kein LeiKa-Schlüssel.');
    const { errors, others } = problemsAtFields([first, second], sentLists(values), values.legalBases);
    expect(errors).toEqual({ leikaKeys: '„1“ ist kein LeiKa-Schlüssel.' });
    expect(others).toEqual([second]);
  });
});

describe('fieldMessage', () => {
  it('drops the path and keeps a message that is a sentence of its own', () => {
    expect(
      fieldMessage(bad('input.ownerKey', 'Geben Sie die zuständige Organisation an.'), 'Eigentümer'),
    ).toBe('Geben Sie die zuständige Organisation an.');
    expect(fieldMessage({ code: 'BAD_USER_INPUT', message: 'ohne Pfad' }, 'Name')).toBe('Name ohne Pfad');
  });
});

describe('QA policy', () => {
  it('reads a policy as a count per gate (0 where the policy names none) and sends the gates with 1 or more', () => {
    const counts = approvalCounts([
      { kind: 'SECURITY', requiredApprovals: 2 },
      { kind: 'USABILITY', requiredApprovals: 1 },
    ]);
    expect(counts).toEqual({ USABILITY: 1, SECURITY: 2, INTERFACES: 0 });
    expect(qaRules(counts)).toEqual([
      { kind: 'USABILITY', requiredApprovals: 1 },
      { kind: 'SECURITY', requiredApprovals: 2 },
    ]);
    expect(qaRules({ USABILITY: 0, SECURITY: 0, INTERFACES: 0 })).toEqual([]);
  });

  it("maps setQaPolicy's problems back to the gate that the rule's index names", () => {
    const sent = qaRules({ USABILITY: 0, SECURITY: 2, INTERFACES: 6 });
    const { byKind, policy, others } = qaProblems(
      [
        bad('rules[1].requiredApprovals', 'ist keine gültige Prüfregel.'),
        bad('rules', 'ist keine gültige Prüfregel.'),
        { code: 'FORBIDDEN', message: 'Nur Personen mit der Rolle OPERATOR dürfen das.' },
      ],
      sent,
    );
    expect(byKind).toEqual({ INTERFACES: 'Die Zahl der Freigaben ist keine gültige Prüfregel.' });
    expect(policy).toBe('Die QA-Richtlinie ist keine gültige Prüfregel.');
    expect(others).toHaveLength(1);
  });
});
