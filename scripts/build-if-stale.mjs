#!/usr/bin/env node
/**
 * Runs a build only when its output is older than its inputs, so that `npm run token` (and
 * whatever else needs a current build) starts at once when nothing changed.
 *
 *   node scripts/build-if-stale.mjs [name ...]     the named targets, or all of them, in order
 *
 * A target is { name, inputs, ignore?, output, command }: paths relative to the project folder (files or
 * folders, walked recursively), the folder the build writes, and the command with its arguments
 * (found in node_modules/.bin too). After a successful build the target's stamp, `<output>/.<name>.built`,
 * gets the time the build started; the target is stale when the stamp is missing or any input
 * (a file or a folder, so that a deleted file counts) changed after it. A build run another way
 * (`npm run build`) writes no stamp: the next run here builds once more, which costs little with
 * tsc's incremental build and is never wrong.
 *
 * The build's own output goes to stderr, so that `TOKEN=$(npm run -s token ...)` captures the
 * token alone.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What can be built, in the order a plain `node scripts/build-if-stale.mjs` builds them. */
export const TARGETS = [
  {
    name: 'server',
    inputs: ['src', 'migrations', 'tsconfig.json', 'tsconfig.build.json'],
    output: 'dist',
    command: ['tsc', '-p', 'tsconfig.build.json'],
  },
  {
    name: 'console',
    inputs: ['web', 'schema.gql', 'package-lock.json'],
    // Written by the build itself (codegen): not an input.
    ignore: ['web/src/graphql/generated'],
    output: 'dist/console',
    command: ['npm', 'run', 'build:web', '--silent'],
  },
];

/** The newest modification time (ms) of a path and everything under it; 0 if it does not exist. */
export function newestChange(path, ignore = []) {
  if (ignore.includes(path)) {
    return 0;
  }
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  // A folder's own time changes when an entry is added or removed; not for the folders that hold
  // an ignored (generated) path, which the build itself recreates.
  const holdsIgnored = ignore.some((ignored) => ignored.startsWith(`${path}/`));
  let newest = holdsIgnored ? 0 : stats.mtimeMs;
  if (stats.isDirectory()) {
    for (const entry of readdirSync(path)) {
      newest = Math.max(newest, newestChange(join(path, entry), ignore));
    }
  }
  return newest;
}

export function stampOf(target, root = PROJECT_ROOT) {
  return join(root, target.output, `.${target.name}.built`);
}

/** Why the target must be built, or null when its output is current. */
export function staleness(target, root = PROJECT_ROOT) {
  const stamp = stampOf(target, root);
  if (!existsSync(stamp)) {
    return `${target.output} was not built by this script yet`;
  }
  const builtAt = statSync(stamp).mtimeMs;
  const ignore = (target.ignore ?? []).map((path) => join(root, path));
  const changed = target.inputs.find((input) => newestChange(join(root, input), ignore) > builtAt);
  return changed === undefined ? null : `${changed} changed since the last build`;
}

/**
 * Builds the stale targets, in order; returns the names built. Throws when a build fails (its
 * stamp is then left as it was, so the next run tries again).
 */
export function buildIfStale(
  targets = TARGETS,
  { root = PROJECT_ROOT, log = (line) => process.stderr.write(`${line}\n`) } = {},
) {
  const built = [];
  for (const target of targets) {
    const reason = staleness(target, root);
    if (reason === null) {
      continue;
    }
    log(`build-if-stale: building ${target.name} (${reason}): ${target.command.join(' ')}`);
    // Whole seconds: some file systems keep coarse times, and an edit during the build must count.
    const startedAt = Math.floor(Date.now() / 1000);
    const [command, ...args] = target.command;
    const result = spawnSync(command, args, {
      cwd: root,
      stdio: ['ignore', 2, 2],
      env: {
        ...process.env,
        PATH: `${join(root, 'node_modules', '.bin')}${delimiter}${process.env.PATH ?? ''}`,
      },
    });
    if (result.error) {
      throw new Error(`build-if-stale: ${target.name}: cannot run ${command}: ${result.error.message}`);
    }
    if (result.status !== 0) {
      throw new Error(
        `build-if-stale: ${target.name}: ${target.command.join(' ')} failed (exit ${result.status ?? result.signal})`,
      );
    }
    const stamp = stampOf(target, root);
    mkdirSync(dirname(stamp), { recursive: true });
    writeFileSync(stamp, `${new Date(startedAt * 1000).toISOString()}\n`);
    utimesSync(stamp, startedAt, startedAt);
    built.push(target.name);
  }
  return built;
}

function main(names) {
  const unknown = names.filter((name) => !TARGETS.some((target) => target.name === name));
  if (unknown.length > 0) {
    process.stderr.write(
      `build-if-stale: no target ${unknown.join(', ')}; targets: ${TARGETS.map((t) => t.name).join(', ')}\n`,
    );
    process.exit(2);
  }
  try {
    buildIfStale(names.length > 0 ? TARGETS.filter((target) => names.includes(target.name)) : TARGETS);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2));
}
