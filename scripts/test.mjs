#!/usr/bin/env node
// `npm test [-- paths/options]`: the API's suites (Jest) and the console's component tests
// (Vitest, web/). Paths under web/ go to Vitest, other paths to Jest; with no paths, both run.
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
// Options that take the next argument as their value (other options: --name=value).
const TAKES_VALUE = new Set(['-t', '--testNamePattern']);
const paths = [];
const options = [];
for (let i = 0; i < args.length; i++) {
  if (TAKES_VALUE.has(args[i]) && i + 1 < args.length) {
    options.push(args[i], args[++i]);
  } else {
    (args[i].startsWith('-') ? options : paths).push(args[i]);
  }
}
const webPaths = paths.filter((path) => path.startsWith('web/') || path.startsWith('./web/'));
const apiPaths = paths.filter((path) => !webPaths.includes(path));

const run = (command, commandArgs) => {
  const { status } = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (status !== 0) {
    process.exit(status ?? 1);
  }
};

if (paths.length === 0 || apiPaths.length > 0) {
  run(process.execPath, [
    '--experimental-vm-modules',
    '--disable-warning=ExperimentalWarning',
    'node_modules/jest/bin/jest.js',
    ...options,
    ...apiPaths,
  ]);
}
if (paths.length === 0 || webPaths.length > 0) {
  run(process.execPath, [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'web/vitest.config.mts',
    ...webPaths,
  ]);
}
