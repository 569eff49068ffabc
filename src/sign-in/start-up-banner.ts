import type { AppConfig } from '#src/config/config';
import { DEMO_PERSONAS } from '#src/seed/demo-data';
import { signInModeOf } from './sign-in-mode';

/**
 * The block the service prints when it is ready (plain text, aligned, for a terminal): where the
 * console, its sign-in page and GraphQL are, and outside production the demo personas by label.
 * No tokens: the sign-in page and `npm run token` give them. In production the URLs only.
 */
export function startUpBanner(config: AppConfig, baseUrl: string, secretFile?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const production = config.nodeEnv === 'production';
  const mode = signInModeOf(config);
  const rows: [string, string][] = [
    ['Console', `${base}/`],
    ['Sign-in', `${base}/anmelden`],
    ['GraphQL', `${base}/graphql`],
  ];
  const lines = ['', `  Nachnutzungsregister is ready${production ? '' : ` (${config.nodeEnv})`}`, ''];
  lines.push(...aligned(rows));
  if (production) {
    return [...lines, ''].join('\n');
  }
  lines.push('');
  if (mode === 'personas') {
    lines.push(`  Sign in as one of the demo personas on ${base}/anmelden:`, '');
    lines.push(
      ...aligned(
        DEMO_PERSONAS.map((persona) => [persona.id, persona.label]),
        4,
      ),
    );
    lines.push(
      '',
      ...aligned([
        ['A token for the API', 'npm run token -- --persona kim.kiel'],
        ['Every option', 'npm run token -- --help'],
        ...(secretFile ? ([['Signing secret', secretFile]] as [string, string][]) : []),
      ]),
    );
  } else if (mode === 'oidc') {
    lines.push(`  Sign-in at ${config.console.oidc!.authority} (client ${config.console.oidc!.clientId})`);
  } else {
    lines.push('  Sign-in is not configured: the console offers browsing only (docs/operations.md)');
  }
  return [...lines, ''].join('\n');
}

function aligned(rows: [string, string][], indent = 2): string[] {
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `${' '.repeat(indent)}${key.padEnd(width)}   ${value}`);
}
