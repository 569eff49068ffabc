/** How long the object URL of a download lives: some browsers read it after the click returns. */
const KEEP_URL_MS = 40_000;

/**
 * Downloads a report of the API with the session's token: the token travels in the Authorization
 * header (never in a URL or a cookie), so the browser cannot follow a plain link; the answer is
 * saved through an object URL instead. Resolves with an error message in German, or null.
 */
export async function downloadReport(
  path: string,
  token: string,
  fallbackName: string,
): Promise<string | null> {
  const offline =
    'Das Register ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
  try {
    const response = await fetch(path, {
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'de' },
    });
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      return body?.error?.message ?? `Die Datei konnte nicht erstellt werden (HTTP ${response.status}).`;
    }
    const name =
      /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), KEEP_URL_MS);
    return null;
  } catch {
    // The request failed, or the connection dropped while the file came.
    return offline;
  }
}
