import type { DataSource } from 'typeorm';
import { ReleaseRepository } from '#src/releases/release.repository';

/**
 * The demo names everything by its natural key (an organisation's key, a service's slug, a
 * release's version, a campaign's title); these read the database by those keys.
 */

/** What the database has already: the seeder adds only what is missing. */
const EXISTING = {
  organisations: 'SELECT key AS k FROM organisation',
  standards: 'SELECT key AS k FROM interface_standard',
  norms: 'SELECT abbreviation AS k FROM legal_norm',
  services: 'SELECT slug AS k FROM online_service',
  baselines: 'SELECT slug AS k FROM online_service WHERE maintenance_baseline IS NOT NULL',
  capabilities: `SELECT o.key AS k FROM organisation_capability c JOIN organisation o ON o.id = c.organisation_id`,
  subscriptions: `SELECT o.key || ' ' || s.slug AS k FROM service_subscription x
                    JOIN organisation o ON o.id = x.organisation_id JOIN online_service s ON s.id = x.service_id`,
  campaigns: 'SELECT title AS k FROM campaign',
  routineEffort: `SELECT DISTINCT s.slug AS k FROM effort_entry e JOIN online_service s ON s.id = e.service_id
                   WHERE e.campaign_target_id IS NULL`,
};

export type Existing = Record<keyof typeof EXISTING | 'releases', Set<string>>;

export async function existingKeys(db: DataSource): Promise<Existing> {
  const entries = Object.entries(EXISTING).map(async ([kind, sql]) => {
    const rows: { k: string }[] = await db.query(sql);
    return [kind, new Set(rows.map((row) => row.k))] as const;
  });
  // "<slug>@<version>": the release table's SQL stays in its repository.
  const releases = new ReleaseRepository(db).demoKeys();
  return { ...Object.fromEntries(await Promise.all(entries)), releases: await releases } as Existing;
}

const ID_OF = {
  organisation: 'SELECT id FROM organisation WHERE key = $1',
  service: 'SELECT id FROM online_service WHERE slug = $1',
  subscription: `SELECT x.id FROM service_subscription x JOIN organisation o ON o.id = x.organisation_id
                   JOIN online_service s ON s.id = x.service_id WHERE o.key = $1 AND s.slug = $2
                  ORDER BY x.requested_at DESC LIMIT 1`,
  campaign: 'SELECT id FROM campaign WHERE title = $1',
  target: `SELECT t.id FROM campaign_target t JOIN campaign c ON c.id = t.campaign_id
             JOIN online_service s ON s.id = t.service_id WHERE c.title = $1 AND s.slug = $2`,
};

/** The id of what the scenario names; a name the database does not know is a mistake in the scenario. */
export async function idOf(
  db: DataSource,
  kind: keyof typeof ID_OF | 'release',
  ...key: string[]
): Promise<string> {
  let id: string | null;
  if (kind === 'release') {
    // By service slug and version: the release table's SQL stays in its repository.
    id = await new ReleaseRepository(db).idOfVersion(key[0], key[1]);
  } else {
    const [row]: { id: string }[] = await db.query(ID_OF[kind], key);
    id = row?.id ?? null;
  }
  if (!id) {
    throw new Error(`Demo scenario: no ${kind} ${key.join(' ')}`);
  }
  return id;
}
