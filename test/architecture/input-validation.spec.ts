import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Input classes are validated by `InputValidationPipe` on their argument, not by a global pipe
 * (decision 0007: a global pipe runs for every field resolver's parameters). This keeps the
 * explicit form from being forgotten: every `@Args('input'...)` names the pipe.
 */
const root = join(__dirname, '..', '..');

function resolvers(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? resolvers(path) : entry.name.endsWith('.resolver.ts') ? [path] : [];
  });
}

describe('input validation', () => {
  const files = resolvers(join(root, 'src')).map((path) => ({
    file: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('finds the input arguments it is meant to check', () => {
    expect(files.filter(({ text }) => text.includes("@Args('input'")).length).toBeGreaterThan(5);
  });

  it('puts InputValidationPipe on every input argument', () => {
    const unchecked = files.flatMap(({ file, text }) =>
      [...text.matchAll(/@Args\(\s*'input'([^)]*)\)/g)]
        .filter((match) => !match[1].includes('InputValidationPipe'))
        .map((match) => `${file}: ${match[0]}`),
    );
    expect(unchecked).toEqual([]);
  });
});
