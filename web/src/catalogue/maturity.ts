/**
 * The OZG Reifegrad, model 1.1 (June 2020), in the words of docs/domain.md: level 3 counts as
 * OZG-compliant. The API stores the level only (0 to 4, or none).
 */
export const MATURITY_LEVEL: Record<number, string> = {
  0: 'offline',
  1: 'Information',
  2: 'Formularassistent',
  3: 'Online-Leistung',
  4: 'Online-Transaktion',
};

/** "3 – Online-Leistung", or "Nicht angegeben" for a service without a Reifegrad. */
export function maturityText(level: number | null | undefined): string {
  if (level === null || level === undefined) {
    return 'Nicht angegeben';
  }
  const name = MATURITY_LEVEL[level];
  return name ? `${level} – ${name}` : String(level);
}
