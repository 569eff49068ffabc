import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const SCRIPT = pathToFileURL(join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs')).href;
const run = promisify(execFile);

/**
 * The script's buildIfStale on a target of our own in a scratch folder: the "build" appends a
 * line to out/builds, so the file counts the builds.
 */
async function buildIn(root: string, command = "require('fs').appendFileSync('out/builds', 'built\\n')") {
  const target = {
    name: 'demo',
    inputs: ['src', 'config.json'],
    output: 'out',
    command: [process.execPath, '-e', command],
  };
  const code = `
    import { buildIfStale } from ${JSON.stringify(SCRIPT)};
    try {
      console.log(JSON.stringify(buildIfStale([${JSON.stringify(target)}], { root: ${JSON.stringify(root)}, log: () => {} })));
    } catch (error) {
      console.log(JSON.stringify({ failed: error.message }));
    }`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', code]);
  return JSON.parse(stdout) as string[] | { failed: string };
}

const builds = (root: string) =>
  readFileSync(join(root, 'out', 'builds'), 'utf8')
    .split('\n')
    .filter(Boolean).length;

describe('scripts/build-if-stale.mjs', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'build-if-stale-'));
    mkdirSync(join(root, 'src', 'deep'), { recursive: true });
    mkdirSync(join(root, 'out'));
    writeFileSync(join(root, 'src', 'deep', 'a.ts'), 'a');
    writeFileSync(join(root, 'config.json'), '{}');
    // Inputs from a minute ago, as after a checkout.
    const past = Date.now() / 1000 - 60;
    for (const path of ['src/deep/a.ts', 'src/deep', 'src', 'config.json']) {
      utimesSync(join(root, path), past, past);
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds once, then not again while nothing changed', async () => {
    expect(await buildIn(root)).toEqual(['demo']);
    expect(await buildIn(root)).toEqual([]);
    expect(builds(root)).toBe(1);
  });

  it('builds again when a file deep in an input folder, or an input file, changed after the build', async () => {
    const at = (secondsAgo: number) => Date.now() / 1000 - secondsAgo;
    const touch = (path: string, secondsAgo: number) =>
      utimesSync(join(root, path), at(secondsAgo), at(secondsAgo));
    await buildIn(root);
    // The last build 30 s ago, an edit 20 s ago.
    touch('out/.demo.built', 30);
    touch('src/deep/a.ts', 20);
    expect(await buildIn(root)).toEqual(['demo']);
    expect(await buildIn(root)).toEqual([]);
    touch('out/.demo.built', 30);
    touch('config.json', 20);
    expect(await buildIn(root)).toEqual(['demo']);
    // A file removed changes its folder.
    touch('out/.demo.built', 30);
    rmSync(join(root, 'src', 'deep', 'a.ts'));
    expect(await buildIn(root)).toEqual(['demo']);
    expect(builds(root)).toBe(4);
  });

  it('builds again when the output folder was removed', async () => {
    await buildIn(root);
    rmSync(join(root, 'out'), { recursive: true });
    mkdirSync(join(root, 'out'));
    expect(await buildIn(root)).toEqual(['demo']);
  });

  it('reports a failed build and tries again next time', async () => {
    expect(await buildIn(root, 'process.exit(3)')).toEqual({
      failed: `build-if-stale: demo: ${process.execPath} -e process.exit(3) failed (exit 3)`,
    });
    expect(await buildIn(root)).toEqual(['demo']);
  });

  it('refuses an unknown target name on the command line with exit code 2', async () => {
    const failure = await run(process.execPath, [
      join(__dirname, '..', '..', 'scripts', 'build-if-stale.mjs'),
      'nothing',
    ]).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stderr).toMatch(/^build-if-stale: no target nothing; targets: server/);
  });
});
