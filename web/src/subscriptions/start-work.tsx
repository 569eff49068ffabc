/** On the start page, for a signed-in user: what needs them now. */
export function StartWork() {
  return null;
}
