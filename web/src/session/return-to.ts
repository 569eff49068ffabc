/** Where to go after sign-in: only a path on this site ("/x", not "//evil.example" or a URL). */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return '/';
  }
  if (value.startsWith('/anmelden')) {
    return '/';
  }
  return value;
}
