import type { DataSource } from 'typeorm';

export type RowCounts = Record<string, number>;

/**
 * Counts the rows of every table of the public schema in one statement (exact count(*), joined
 * by UNION ALL), so a spec can assert that a refused call wrote nothing. The table list is read
 * once, when the counter is made: a table added by a migration is counted without a change here.
 */
export async function rowCounter(db: DataSource): Promise<() => Promise<RowCounts>> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sql = tables
    .map(
      ({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM public."${name.replace(/"/g, '""')}"`,
    )
    .join('\nUNION ALL ');
  return async () => {
    const rows: { name: string; n: number }[] = await db.query(sql);
    return Object.fromEntries(rows.map((row) => [row.name, row.n]));
  };
}

/** The tables whose counts differ, as "table: before -> after". */
export function changedTables(before: RowCounts, after: RowCounts): string[] {
  return Object.keys({ ...before, ...after })
    .filter((name) => before[name] !== after[name])
    .map((name) => `${name}: ${before[name]} -> ${after[name]}`);
}
