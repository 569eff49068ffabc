/** How this installation signs in, from GET /console/config.json (the service's configuration). */
export interface ConsoleConfig {
  signIn: 'personas' | 'oidc' | 'none';
  oidc: { authority: string; clientId: string; scope: string } | null;
}

let loaded: Promise<ConsoleConfig> | null = null;

export function consoleConfig(): Promise<ConsoleConfig> {
  loaded ??= fetch('/console/config.json', { headers: { accept: 'application/json' } }).then(
    async (response) => {
      if (!response.ok) {
        throw new Error(`console configuration: HTTP ${response.status}`);
      }
      return (await response.json()) as ConsoleConfig;
    },
  );
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}
