/** How long something has waited, in German words: "seit 3 Tagen", "seit 5 Stunden", "seit wenigen Minuten". */
export function waitedFor(sinceIso: string, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(sinceIso).getTime()) / 60_000));
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) {
    return days === 1 ? 'seit 1 Tag' : `seit ${days} Tagen`;
  }
  if (hours >= 1) {
    return hours === 1 ? 'seit 1 Stunde' : `seit ${hours} Stunden`;
  }
  return minutes < 5 ? 'seit wenigen Minuten' : `seit ${minutes} Minuten`;
}
