/**
 * Where to go after sign-in: only a path on this site. The value is resolved as the browser would
 * (which drops tabs and newlines: "/\t/evil.example" is "//evil.example"), and anything that
 * leaves the origin, or leads to the sign-in page again, goes to the start page instead.
 */
export function safeReturnTo(value: string | null | undefined, origin = window.location.origin): string {
  if (!value || !value.startsWith('/') || /[\\\u0000-\u001f\u007f]/.test(value)) {
    return '/';
  }
  let url: URL;
  try {
    url = new URL(value, origin);
  } catch {
    return '/';
  }
  if (url.origin !== origin || url.pathname.startsWith('/anmelden')) {
    return '/';
  }
  return url.pathname + url.search + url.hash;
}
