/**
 * Layers point one way (docs/architecture.md, "Layers"). Lowest first:
 *   config -> common -> database -> features (in this order) -> composition root
 * A file may import its own layer and those below it, never one above. Imports that leave a
 * module go through the `#src/...` alias, so these patterns see every one of them.
 */
const FEATURES = [
  'organisations',
  'qa',
  'catalogue',
  'releases',
  'subscriptions',
  'campaigns',
  'effort',
  'github',
  'publiccode',
  'notifications',
];
const ROOT = ['seed', 'sign-in', 'console', 'health', 'cli', 'app', 'app.module', 'main', 'entities', 'data-source'];

// A regex: in gitignore-style `group` patterns a leading # starts a comment.
const forbid = (folders) => `^#src/(${folders.map((f) => f.replace('.', '\\.')).join('|')})(/|$)`;

/**
 * One rule object per folder and depth: flat config replaces (not merges) a rule's options, so
 * the files directly in a folder, for whom `../` always leaves it, get their own object.
 */
function layer(folder, above, why) {
  const patterns = (extra) => [
    { regex: forbid(above), message: `Layers point one way: ${why}` },
    { group: ['../../*', ...extra], message: 'Leave a module through the #src/ alias' },
  ];
  return [
    {
      files: [`src/${folder}/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: patterns(['../*']) }] },
    },
    {
      files: [`src/${folder}/**/*.ts`],
      ignores: [`src/${folder}/*.ts`],
      rules: { 'no-restricted-imports': ['error', { patterns: patterns([]) }] },
    },
  ];
}

export const layers = [
  ...layer('config', ['common', 'database', ...FEATURES, ...ROOT], 'config imports nothing of the product.'),
  ...layer(
    'common',
    ['database', ...FEATURES, ...ROOT],
    'common/ sits below the database plumbing and every feature.',
  ),
  ...layer(
    'database',
    [...FEATURES, ...ROOT],
    'the database plumbing knows no feature (the entity list is src/entities.ts).',
  ),
  ...FEATURES.flatMap((feature, i) =>
    layer(
      feature,
      [...FEATURES.slice(i + 1), ...ROOT],
      `${feature} may use ${FEATURES.slice(0, i).join(', ') || 'no other feature'}; a higher module reacts to it through an injected port or a TransactionEvents event.`,
    ),
  ),
];
