import type { CataloguePosition } from '../catalogue/catalogue-url';

/**
 * The operator's desk keeps its place in the query string, so that a link or a reload opens the
 * same view: `bereich` the section, then the section's own state (`art` for the organisations'
 * kind, `ergebnis` for the deliveries' outcome, `objekt` for the audit trail's entity, `nach` and
 * `vorher` for the page, as in the catalogue: catalogue-url.ts).
 */
export type AdminSection = 'organisationen' | 'schnittstellenstandards' | 'pruefprotokoll' | 'github';

export const ADMIN_PATH = '/verwaltung';

export const SECTIONS: { id: AdminSection; label: string }[] = [
  { id: 'organisationen', label: 'Organisationen' },
  { id: 'schnittstellenstandards', label: 'Schnittstellenstandards' },
  { id: 'pruefprotokoll', label: 'Prüfprotokoll' },
  { id: 'github', label: 'GitHub-Zustellungen' },
];

/** The id of the shown section's h2: a change of section leaves the focus there. */
export const SECTION_HEADING_ID = 'verwaltung-bereich';

/** The section in the query string; anything else (none, a typo in a link) is the first. */
export function sectionOf(params: URLSearchParams): AdminSection {
  const value = params.get('bereich');
  return SECTIONS.find((section) => section.id === value)?.id ?? 'organisationen';
}

/** The address of a section with its own parameters (empty ones are left out), e.g. on a page. */
export function adminHref(
  section: AdminSection,
  values: Record<string, string | null | undefined> = {},
  position?: CataloguePosition,
): string {
  const params = new URLSearchParams({ bereich: section });
  for (const [name, value] of Object.entries(values)) {
    if (value) {
      params.set(name, value);
    }
  }
  if (position?.after) {
    for (const cursor of position.before) {
      params.append('vorher', cursor);
    }
    params.set('nach', position.after);
  }
  return `${ADMIN_PATH}?${params}`;
}
