/** The demo personas (only outside production: the endpoints do not exist there). */
export interface Persona {
  id: string;
  name: string;
  organisationKey: string | null;
  organisationName: string | null;
  roles: string[];
  label: string;
}

export async function fetchPersonas(): Promise<Persona[]> {
  const response = await fetch('/auth/dev/personas', { headers: { accept: 'application/json' } });
  if (!response.ok) {
    throw new Error(`personas: HTTP ${response.status}`);
  }
  return (await response.json()) as Persona[];
}

export async function fetchPersonaToken(persona: string): Promise<{ token: string; expiresAt: string }> {
  const response = await fetch('/auth/dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ persona }),
  });
  if (!response.ok) {
    throw new Error(`token: HTTP ${response.status}`);
  }
  return (await response.json()) as { token: string; expiresAt: string };
}
