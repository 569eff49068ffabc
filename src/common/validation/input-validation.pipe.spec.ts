import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { DomainError } from '#src/common/errors/domain-error';
import { ArgPipe } from './arg.pipe';
import { InputValidationPipe } from './input-validation.pipe';
import { Digest, HttpsUrl, Text } from './text';

class Item {
  @Text({ max: 5 })
  name!: string;
}

class Sample {
  @Text({ max: 10 })
  title!: string;

  @Text({ max: 10, optional: true })
  note?: string | null;

  @Digest()
  digest!: string;

  @HttpsUrl()
  url?: string | null;

  @ValidateNested({ each: true })
  @Type(() => Item)
  items?: Item[];
}

class Unchecked {
  anything!: string;
}

const DIGEST = `sha256:${'a'.repeat(64)}`;
const valid = { title: ' Titel ', digest: DIGEST };
const pipe = new InputValidationPipe();
const run = (value: object) => pipe.transform(value, { type: 'custom', metatype: Sample, data: 'input' });

async function problem(
  value: object,
): Promise<{ field: unknown; message: string; reason: string; de: string }> {
  const error = (await run(value).then(
    () => null,
    (e: unknown) => e,
  )) as DomainError | null;
  if (!(error instanceof DomainError)) {
    throw new Error('expected a DomainError');
  }
  expect(error.code).toBe('BAD_USER_INPUT');
  return {
    field: error.details.field,
    message: error.message,
    reason: error.reason,
    de: error.messageIn('de'),
  };
}

describe(InputValidationPipe.name, () => {
  it('trims text, turns blank optional text into null and keeps valid input', async () => {
    const out = (await run({ ...valid, note: '   ', url: ' https://example.org/x ' })) as Sample;
    expect(out).toBeInstanceOf(Sample);
    expect(out).toMatchObject({ title: 'Titel', note: null, digest: DIGEST, url: 'https://example.org/x' });
  });

  it.each([
    [{ title: '  ' }, 'input.title', 'input.title: must not be empty', 'TEXT_EMPTY', 'darf nicht leer sein'],
    [
      { title: 'x'.repeat(11) },
      'input.title',
      'input.title: must be at most 10 characters',
      'TEXT_TOO_LONG',
      'input.title: darf höchstens 10 Zeichen lang sein',
    ],
    [
      { note: 'y'.repeat(11) },
      'input.note',
      'input.note: must be at most 10 characters',
      'TEXT_TOO_LONG',
      'höchstens 10 Zeichen',
    ],
    [
      { digest: 'sha256:ABC' },
      'input.digest',
      'must be "sha256:" followed by 64 lower-case hex digits',
      'INVALID_DIGEST',
      'muss mit „sha256:“ beginnen',
    ],
    [
      { url: 'http://example.org' },
      'input.url',
      'input.url: must be an https:// URL',
      'NOT_HTTPS_URL',
      'mit https:// beginnt',
    ],
    [
      { items: [{ name: 'ok' }, { name: ' ' }] },
      'input.items[1].name',
      'input.items[1].name: must not be empty',
      'TEXT_EMPTY',
      'input.items[1].name: darf nicht leer sein',
    ],
  ])('refuses %j as %s', async (override, field, message, reason, german) => {
    const found = await problem({ ...valid, ...override });
    expect(found.field).toBe(field);
    expect(found.message).toContain(message);
    expect(found.reason).toBe(reason);
    expect(found.de).toContain(german);
  });

  it('passes arguments whose class has no rules untouched', async () => {
    const value = { anything: '  ' };
    await expect(
      pipe.transform(value, { type: 'custom', metatype: Unchecked, data: 'filter' }),
    ).resolves.toBe(value);
  });
});

describe(ArgPipe.name, () => {
  const reason = new ArgPipe('reason', Text({ max: 8 }));

  it('trims a scalar argument and checks it by the same rule', async () => {
    await expect(reason.transform('  weil  ')).resolves.toBe('weil');
    await expect(reason.transform(' ')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'reason' },
    });
    await expect(reason.transform('zu lang, viel zu lang')).rejects.toThrow(
      'reason: must be at most 8 characters',
    );
    await expect(reason.transform('zu lang, viel zu lang')).rejects.toMatchObject({
      reason: 'TEXT_TOO_LONG',
      params: { max: 8 },
    });
  });

  it('checks a digest argument', async () => {
    const digest = new ArgPipe('artifactDigest', Digest());
    await expect(digest.transform(` ${DIGEST} `)).resolves.toBe(DIGEST);
    await expect(digest.transform('md5:00')).rejects.toMatchObject({ details: { field: 'artifactDigest' } });
  });
});
