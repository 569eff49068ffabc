/**
 * A message that a page passes to the next one through the router's state (navigate(to, { state })),
 * e.g. "Die Leistung ist registriert." on the service page after the registration: announced there
 * (role="status") while the focus goes to the new page's heading. It belongs to that entry of the
 * browser's history: a link to the page, or the page reached another way, does not show it.
 */
export function noticeState(message: string): { notice: string } {
  return { notice: message };
}

export function noticeOf(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'notice' in state) {
    return typeof state.notice === 'string' ? state.notice : null;
  }
  return null;
}
