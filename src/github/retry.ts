/** The wait before attempt `attempts + 1`: the base doubled per failed attempt, at most a day. */
export function retryDelay(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), 86_400_000);
}
