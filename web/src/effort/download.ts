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
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}`, 'accept-language': 'de' } });
  } catch {
    return 'Das Register ist gerade nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.';
  }
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
  // After the click the browser has taken the file; the URL can go once the event loop turns.
  window.setTimeout(() => URL.revokeObjectURL(url), 0);
  return null;
}
