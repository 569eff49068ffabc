/**
 * The plan's period and owner live in the query string (?eigentuemer=&von=&bis=), so that a
 * plan can be linked and reloaded. Without dates the plan covers the next twelve months from the
 * first of next month: the horizon of a budget request.
 */
export interface PlanQuery {
  ownerKey: string | null;
  from: string;
  to: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** First of next month to the last day of the twelfth month. */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1));
  const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 12, 0));
  return { from: iso(from), to: iso(to) };
}

/** The next calendar quarter, and the next calendar year: the periods planners ask for most. */
export function presets(today: Date): { label: string; from: string; to: string }[] {
  const quarter = Math.floor(today.getUTCMonth() / 3) + 1;
  const qFrom = new Date(Date.UTC(today.getUTCFullYear(), quarter * 3, 1));
  const qTo = new Date(Date.UTC(qFrom.getUTCFullYear(), qFrom.getUTCMonth() + 3, 0));
  const year = today.getUTCFullYear() + 1;
  const q = Math.floor(qFrom.getUTCMonth() / 3) + 1;
  return [
    { label: `${q}. Quartal ${qFrom.getUTCFullYear()}`, from: iso(qFrom), to: iso(qTo) },
    { label: `Jahr ${year}`, from: `${year}-01-01`, to: `${year}-12-31` },
    { label: 'Nächste 12 Monate', ...defaultPeriod(today) },
  ];
}

export function planQueryFrom(
  params: URLSearchParams,
  today: Date,
  viewerOrganisation: string | null,
): PlanQuery {
  const period = defaultPeriod(today);
  const from = params.get('von');
  const to = params.get('bis');
  return {
    ownerKey: params.get('eigentuemer') || viewerOrganisation,
    from: from && ISO_DATE.test(from) ? from : period.from,
    to: to && ISO_DATE.test(to) ? to : period.to,
  };
}

export function planHref(query: { ownerKey: string | null; from: string; to: string }): string {
  const params = new URLSearchParams();
  if (query.ownerKey) {
    params.set('eigentuemer', query.ownerKey);
  }
  params.set('von', query.from);
  params.set('bis', query.to);
  return `/aufwand?${params}`;
}

/** The report's path for the download buttons (docs/estimation.md). */
export function reportPath(
  kind: 'csv-de' | 'csv' | 'xlsx',
  query: { ownerKey: string; from: string; to: string },
): string {
  const params = new URLSearchParams({ owner: query.ownerKey, from: query.from, to: query.to });
  if (kind === 'csv-de') {
    params.set('format', 'de');
  }
  return `/reports/maintenance-plan.${kind === 'xlsx' ? 'xlsx' : 'csv'}?${params}`;
}
