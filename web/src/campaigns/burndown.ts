/** One day of a campaign's burndown, as the API answers it. */
export interface BurndownPoint {
  date: string;
  openTargets: number;
}

/**
 * The days on which the number of open targets changed, with the first and the last day: what a
 * reader of the table needs (the API answers one point per day, 75 rows for a campaign opened 75
 * days ago, most of them repeating the one before).
 */
export function burndownSteps(points: BurndownPoint[]): BurndownPoint[] {
  return points.filter(
    (point, i) => i === 0 || i === points.length - 1 || point.openTargets !== points[i - 1].openTargets,
  );
}

/** "4. Okt." style short dates for the chart's axis. */
export function shortDate(iso: string): string {
  return new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );
}
