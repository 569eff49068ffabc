import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import { consoleConfig } from './console-config';

/**
 * Sign-in at the identity provider (Keycloak in practice): Authorization Code with PKCE, by
 * oidc-client-ts. Its state lives in sessionStorage, like the session itself.
 */
let manager: Promise<UserManager> | null = null;

async function userManager(): Promise<UserManager> {
  manager ??= consoleConfig().then((config) => {
    if (!config.oidc) {
      throw new Error('OIDC sign-in is not configured');
    }
    const origin = window.location.origin;
    return new UserManager({
      authority: config.oidc.authority,
      client_id: config.oidc.clientId,
      scope: config.oidc.scope,
      redirect_uri: `${origin}/anmelden/callback`,
      post_logout_redirect_uri: `${origin}/`,
      response_type: 'code',
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
      stateStore: new WebStorageStateStore({ store: window.sessionStorage }),
      automaticSilentRenew: false,
    });
  });
  return manager;
}

/** Off to the provider; back at /anmelden/callback with `returnTo` in the state. */
export async function signInAtProvider(returnTo: string): Promise<void> {
  await (await userManager()).signinRedirect({ state: { returnTo } });
}

export interface ProviderSignIn {
  user: User;
  returnTo: string;
}

export async function completeSignInAtProvider(): Promise<ProviderSignIn> {
  const user = await (await userManager()).signinRedirectCallback();
  const state = user.state as { returnTo?: unknown } | undefined;
  const returnTo =
    typeof state?.returnTo === 'string' && state.returnTo.startsWith('/') ? state.returnTo : '/';
  return { user, returnTo };
}

export async function signOutAtProvider(idToken?: string): Promise<void> {
  const users = await userManager();
  await users.removeUser();
  await users.signoutRedirect({ id_token_hint: idToken });
}
