/**
 * Hours as people type them in a German office: "12", "12,5", "12.5", and a year's baseline with
 * thousands points, "1.600" or "1.600,5" (a point followed by exactly three digits groups
 * thousands, as German offices write them; "1.5" stays one and a half). Null for anything else
 * (empty, letters, a negative number): the form says so at the field, the API checks the rest.
 */
export function parseHours(text: string): number | null {
  const trimmed = text.trim();
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(trimmed)) {
    return Number(trimmed.replace(/\./g, '').replace(',', '.'));
  }
  if (!/^\d+([.,]\d+)?$/.test(trimmed)) {
    return null;
  }
  return Number(trimmed.replace(',', '.'));
}

/** A three-point estimate as typed: optimistic, most likely, pessimistic. */
export interface EstimateText {
  optimistic: string;
  likely: string;
  pessimistic: string;
}

export type EstimateProblems = Partial<Record<keyof EstimateText, string>>;

/** The numbers, or the problem of each field: a number, and o ≤ m ≤ p (as the API demands). */
export function readEstimate(
  text: EstimateText,
):
  | { ok: true; hours: { optimisticHours: number; likelyHours: number; pessimisticHours: number } }
  | { ok: false; problems: EstimateProblems } {
  const problems: EstimateProblems = {};
  const o = parseHours(text.optimistic);
  const m = parseHours(text.likely);
  const p = parseHours(text.pessimistic);
  const notANumber = 'Bitte geben Sie eine Zahl von Stunden an, zum Beispiel 12 oder 12,5.';
  if (o === null) {
    problems.optimistic = notANumber;
  }
  if (m === null) {
    problems.likely = notANumber;
  }
  if (p === null) {
    problems.pessimistic = notANumber;
  }
  if (o !== null && m !== null && o > m) {
    problems.likely = 'Der wahrscheinliche Wert darf nicht kleiner als der optimistische sein.';
  }
  if (m !== null && p !== null && m > p) {
    problems.pessimistic = 'Der pessimistische Wert darf nicht kleiner als der wahrscheinliche sein.';
  }
  if (o === null || m === null || p === null || Object.keys(problems).length > 0) {
    return { ok: false, problems };
  }
  return { ok: true, hours: { optimisticHours: o, likelyHours: m, pessimisticHours: p } };
}

/** "12,5" for a form's initial value. */
export function hoursText(hours: number | undefined | null): string {
  return hours === undefined || hours === null ? '' : String(hours).replace('.', ',');
}

/** A form's fields for an estimate that exists (to change it), or empty ones. */
export function estimateTextOf(
  e: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null | undefined,
): EstimateText {
  return {
    optimistic: hoursText(e?.optimisticHours),
    likely: hoursText(e?.likelyHours),
    pessimistic: hoursText(e?.pessimisticHours),
  };
}
