import { signDevToken } from '#src/common/auth/dev-token';
import { Role } from '#src/common/auth/role';
import type { AppConfig } from '#src/config/config';
import { DEMO_USERS } from './demo-data';

/** One ready-to-paste token per role, for the demo users (never printed in production). */
export async function devTokensBanner(config: AppConfig, secret: string, url: string): Promise<string> {
  const lines = ['', `Development tokens (12 h) for ${url} – send as "Authorization: Bearer <token>":`];
  for (const role of Object.values(Role)) {
    const user = DEMO_USERS[role];
    const token = await signDevToken(
      { sub: user.sub, name: user.name, org: user.org, roles: [role] },
      {
        secret,
        rolesClaim: config.auth.rolesClaim,
        issuer: config.auth.issuer,
        audience: config.auth.audience,
      },
    );
    lines.push('', `  ${role} (${user.name}, ${user.org}):`, `  ${token}`);
  }
  lines.push('', 'More: npm run token -- --role MAINTAINER --org dataport --sub alice --name "Alice"', '');
  return lines.join('\n');
}
