import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Every table has one owner (docs/architecture.md, "Where things live"): its name appears in SQL
 * only in the owner's repository and SQL-fragment files. Other modules call the owner's named
 * reads or embed its fragments. This test reads the sources, so a query written in the wrong
 * place fails CI with the file and the table named.
 */
const OWNERS: Record<string, string> = {
  organisation: 'src/organisations/',
  interface_standard: 'src/organisations/',
  organisation_capability: 'src/organisations/',
  forge_namespace: 'src/organisations/',
  legal_norm: 'src/catalogue/',
  online_service: 'src/catalogue/',
  search_word: 'src/catalogue/',
  search_suggestion: 'src/catalogue/',
  service_legal_basis: 'src/catalogue/',
  release: 'src/releases/',
  qa_gate: 'src/qa/',
  sign_off: 'src/qa/',
  service_subscription: 'src/subscriptions/',
  campaign: 'src/campaigns/',
  campaign_target: 'src/campaigns/',
  campaign_target_exclusion: 'src/campaigns/',
  campaign_fulfilment: 'src/campaigns/',
  effort_entry: 'src/effort/',
  github_delivery: 'src/github/',
  campaign_target_issue: 'src/github/',
  notification_event: 'src/notifications/',
  notification: 'src/notifications/',
  notification_read: 'src/notifications/',
  notification_channel: 'src/notifications/',
  notification_delivery: 'src/notifications/',
  audit_event: 'src/common/audit/',
};

/** Files that may hold SQL: an aggregate's repository and its exported fragments. */
const SQL_HOME = /\.(repository|sql)\.ts$/;

/**
 * The one exception: the demo seeder (composition root) finds what it loaded before by natural
 * key, read-only, once at start-up. Releases it asks through ReleaseRepository like everyone else.
 */
const DEMO_LOOKUPS = 'src/seed/demo-keys.ts';

const root = join(__dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      return sources(path);
    }
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

function tablesIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const match of text.matchAll(/\b(?:FROM|JOIN|UPDATE|INTO|TABLE)\s+([a-z_]+)\b/g)) {
    if (match[1] in OWNERS) {
      found.add(match[1]);
    }
  }
  return found;
}

describe('table ownership', () => {
  const files = sources(join(root, 'src')).map((path) => ({
    file: relative(root, path),
    tables: tablesIn(readFileSync(path, 'utf8')),
  }));

  it('finds the SQL it is meant to police', () => {
    expect(files.find((f) => f.file === 'src/releases/release.repository.ts')?.tables.has('release')).toBe(
      true,
    );
  });

  it("names each table only in its owner's repository and fragment files", () => {
    const misplaced = files.flatMap(({ file, tables }) =>
      [...tables]
        .filter((table) => !(file.startsWith(OWNERS[table]) && SQL_HOME.test(file)))
        .filter((table) => !(file === DEMO_LOOKUPS && table !== 'release'))
        .map((table) => `${file}: ${table}`),
    );
    expect(misplaced).toEqual([]);
  });
});
