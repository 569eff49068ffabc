import type { AppConfig } from '#src/config/config';

/**
 * How the console signs people in, as GET /console/config.json tells the browser:
 * - "oidc": the console's OIDC client is configured (CONSOLE_OIDC_CLIENT_ID): Authorization Code
 *   with PKCE at the identity provider. Configuring it is a deliberate choice, so it wins over
 *   the demo personas wherever both are possible (a test of the production sign-in outside
 *   production);
 * - "personas": outside production, with development tokens (HS256) available: the demo personas;
 * - "none": neither (production without the client): the console offers browsing only.
 */
export type SignInMode = 'personas' | 'oidc' | 'none';

/**
 * Whether development tokens can be signed here: never in production, and only with a secret
 * (AUTH_JWT_SECRET, or the generated one when no auth setting is given). The same condition as
 * DevSecret.resolve having a value and TokenVerifier accepting HS256.
 */
export function devSignInAvailable(config: AppConfig): boolean {
  return config.nodeEnv !== 'production' && Boolean(config.auth.jwtSecret || config.auth.generateDevSecret);
}

export function signInModeOf(config: AppConfig): SignInMode {
  if (config.console.oidc) {
    return 'oidc';
  }
  return devSignInAvailable(config) ? 'personas' : 'none';
}
