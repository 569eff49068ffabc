import { DomainError } from './domain-error';
import {
  KEY_RULES,
  MESSAGES,
  messageOf,
  PUBLICCODE_RULES,
  publiccodeProblemText,
  type PubliccodeProblemParams,
  type Reason,
} from './messages';

/** Params for every entry: each kind of value an entry may take, so every text can be rendered. */
const SAMPLE = new Proxy(
  {},
  {
    get: (_, key: string) =>
      ({
        roles: ['MAINTAINER', 'OPERATOR'],
        kinds: ['RELEASE_PUBLISHED', 'SECURITY'],
        rule: 'address',
        address: '10.0.0.5',
        unfinished: ['bauantrag', 'wohngeld'],
        blocked: ['SECURITY: pending'],
        expired: [{ kind: 'SECURITY', on: '2026-11-01' }],
        subject: 'release',
        problem: 'the English words of a rule',
        max: 10,
        got: 200,
        cost: 9000,
        limit: 5000,
        maxPageSize: 100,
        days: 90,
        seconds: 30,
      })[key] ?? `«${key}»`,
  },
);

const ACTIONS: Partial<Record<Reason, object>> = {
  OPERATOR_ONLY: { action: 'setQaPolicy' },
  MUNICIPALITY_ADMIN_ONLY: { organisation: '010020000000', action: 'subscribe' },
  NOT_A_GRAPHQL_REQUEST: { problem: 'variables' },
  MUTATION_AS_GET: { operation: 'mutation' },
  INVALID_ORGANISATION: {
    rule: 'REGIERUNGSBEZIRK',
    problem: 'the English words',
    land: 'Bayern',
    allowed: '1, 2',
  },
  INVALID_PARENT: { rule: 'PARENT_IS_AMT', problem: 'the English words', expected: '010585890' },
  REPOSITORY_NOT_IN_NAMESPACE: { repository: 'komfit/wohngeld', namespaces: ['dataport'] },
  PUBLICCODE_INVALID: {
    problems: [
      { rule: 'TOO_LONG', max: 150, line: 12, column: 5, field: 'description.de.shortDescription' },
      { rule: 'UNKNOWN_KEY', line: 30, column: 1, field: 'tags' },
      { rule: 'REQUIRED', line: 0, column: 0, field: 'legal' },
    ],
  },
};

/** Params for every rule of a publiccode.yml, so that each text can be rendered. */
const PUBLICCODE_SAMPLE: Omit<PubliccodeProblemParams, 'rule'> = {
  expected: 'boolean',
  max: 150,
  min: 150,
  allowed: ['internal', 'contract', 'community', 'none'],
  when: { key: 'maintenance.type', values: ['internal', 'community'] },
  detail: 'Map keys must be unique',
};

const reasons = Object.keys(MESSAGES) as Reason[];
const render = (reason: Reason, language: 'en' | 'de') =>
  (messageOf as (r: Reason, l: 'en' | 'de', p: unknown) => string)(
    reason,
    language,
    ACTIONS[reason] ?? SAMPLE,
  );

/** Words that give away an untranslated English sentence (German never uses them as words). */
const ENGLISH = /\b(the|is|must|cannot|only|may|not found|already|exists|please|should|with|of)\b/i;

describe('the message catalogue', () => {
  it('names every reason in UPPER_SNAKE case', () => {
    for (const reason of reasons) {
      expect(reason).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    }
    expect(reasons.length).toBeGreaterThan(80);
  });

  it.each(reasons)('%s has a non-empty message in English and in German', (reason) => {
    const en = render(reason, 'en');
    const de = render(reason, 'de');
    expect(en.trim()).not.toBe('');
    expect(de.trim()).not.toBe('');
    expect(en).not.toContain('undefined');
    expect(de).not.toContain('undefined');
    if (reason !== 'GRAPHQL_VALIDATION') {
      // graphql-js' own words stay English; everything else is German in German.
      expect(de).not.toBe(en);
      expect(de.replace(/„[^“]*“|«[^»]*»|"[^"]*"/g, '')).not.toMatch(ENGLISH);
    }
  });

  it('interpolates the params into both languages', () => {
    expect(messageOf('SERVICE_RETIRED', 'en', { slug: 'bauantrag' })).toBe(
      'Service bauantrag is RETIRED and takes no new releases',
    );
    expect(messageOf('SERVICE_RETIRED', 'de', { slug: 'bauantrag' })).toBe(
      'Die Leistung bauantrag ist eingestellt (RETIRED) und nimmt keine neuen Versionen an.',
    );
    expect(messageOf('RANGE_UNSATISFIED', 'de', { problem: 'x', range: '^9.0.0' })).toBe(
      'Keine veröffentlichte Version liegt im Versionsbereich „^9.0.0“. ' +
        'Wählen Sie einen Versionsbereich, der eine veröffentlichte Version enthält, z. B. ^1.0.0.',
    );
    expect(messageOf('ROLE_REQUIRED', 'de', { roles: ['OPERATOR', 'MAINTAINER'] })).toBe(
      'Dafür benötigen Sie eine der Rollen OPERATOR, MAINTAINER.',
    );
    expect(
      messageOf('WAIVER_EXPIRED', 'en', {
        version: '1.0.0',
        expired: [{ kind: 'SECURITY', on: '2026-11-01' }],
      }),
    ).toBe('Cannot publish release 1.0.0: the waiver of SECURITY expired on 2026-11-01');
  });

  it('addresses the reader formally and spells umlauts as such', () => {
    const german = reasons.map((reason) => render(reason, 'de')).join('\n');
    expect(german).not.toMatch(/\b(du|dein|deine|bitte gib)\b/i);
    expect(german).not.toMatch(
      /\b(fuer|ueber|moeglich|pruef\w*|Pruef\w*|koennen|duerfen|hoechstens|groesser)\b/,
    );
    expect(german).toContain('Prüfung');
    expect(messageOf('FOUR_EYES', 'de')).toMatch(/^Vier-Augen-Prinzip: Sie können/);
  });

  it('keeps the names of the token reasons clients know already', () => {
    expect(MESSAGES.TOKEN_INVALID.code).toBe('UNAUTHENTICATED');
    expect(MESSAGES.TOKEN_EXPIRED.code).toBe('UNAUTHENTICATED');
  });
});

describe(DomainError.name, () => {
  it('takes its code from the reason, its message from the English text', () => {
    const error = DomainError.forbidden('FOUR_EYES');
    expect(error).toMatchObject({ code: 'FORBIDDEN', reason: 'FOUR_EYES' });
    expect(error.message).toBe('The four-eyes principle: you cannot sign off a release you created');
  });

  it('puts the field in front of the message in either language, and keeps it in details', () => {
    const error = DomainError.badInput('input.hours', 'HOURS_OUT_OF_RANGE');
    expect(error.details).toEqual({ field: 'input.hours' });
    expect(error.message).toBe('input.hours: must be more than 0 and at most 24 per entry');
    expect(error.messageIn('de')).toBe('input.hours: muss größer als 0 und höchstens 24 je Eintrag sein.');
  });

  it('names the entity in the reason of NOT_FOUND', () => {
    const error = DomainError.notFound('Release', 'r-1');
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'RELEASE_NOT_FOUND',
      message: 'Release r-1 not found',
    });
    expect(error.messageIn('de')).toBe('Die Version r-1 wurde nicht gefunden.');
  });

  it('refuses, at compile time, a reason that does not exist, missing params and a reason of another code', () => {
    // @ts-expect-error: not a reason
    expect(() => new DomainError('BAD_USER_INPUT', { problem: 'x' })).toThrow();
    // @ts-expect-error: SERVICE_RETIRED needs { slug }
    DomainError.conflict('SERVICE_RETIRED');
    // @ts-expect-error: FOUR_EYES is FORBIDDEN, not BAD_USER_INPUT
    DomainError.badInput('input.x', 'FOUR_EYES');
    // @ts-expect-error: a reason is required
    expect(() => DomainError.forbidden()).toThrow();
  });

  it.each(PUBLICCODE_RULES)('says publiccode.yml rule %s in English and in German', (rule) => {
    const en = publiccodeProblemText({ rule, ...PUBLICCODE_SAMPLE }, 'en');
    const de = publiccodeProblemText({ rule, ...PUBLICCODE_SAMPLE }, 'de');
    expect(en).not.toMatch(/undefined|\.$/);
    expect(de).toMatch(/\.$/);
    expect(de.replace(/„[^“]*“/g, '')).not.toMatch(ENGLISH);
    expect(de).not.toContain('undefined');
  });

  it('lists the problems of a publiccode.yml with their lines, in both languages', () => {
    const problems = [
      { rule: 'TOO_LONG', max: 150, line: 12, column: 5, field: 'description.de.shortDescription' },
      { rule: 'REQUIRED', line: 0, column: 0, field: 'legal' },
    ] as const;
    expect(messageOf('PUBLICCODE_INVALID', 'en', { problems })).toBe(
      'the publiccode.yml does not follow the standard: line 12, description.de.shortDescription: ' +
        'must be at most 150 characters; legal: is a required field',
    );
    expect(messageOf('PUBLICCODE_INVALID', 'de', { problems })).toBe(
      'Die publiccode.yml entspricht nicht dem Standard: Zeile 12, description.de.shortDescription: ' +
        'darf höchstens 150 Zeichen lang sein; legal: ist ein Pflichtfeld. Es wurde nichts übernommen.',
    );
  });

  it.each(KEY_RULES)('says key rule %s in German', (rule) => {
    const de = messageOf('INVALID_ORGANISATION', 'de', {
      rule,
      problem: 'the English words',
      land: 'Schleswig-Holstein',
      allowed: '0',
      expected: '010580000000',
    });
    expect(de).toMatch(/\.$/);
    expect(de).not.toMatch(ENGLISH);
    expect(de).not.toContain('undefined');
  });
});
