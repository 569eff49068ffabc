import { parseArgs } from 'node:util';
import { DevSecret } from '#src/common/auth/dev-secret';
import { signDevToken } from '#src/common/auth/dev-token';
import { isRole, type Role } from '#src/common/auth/role';
import { ConfigError, loadConfig } from '#src/config/config';

/** npm run token -- --role MAINTAINER --org 010020000000 [--sub alice --name "Alice"] [--expires 12h] */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string', default: '12h' },
    },
  });
  const roles = values.role ?? [];
  const bad = roles.filter((role) => !isRole(role));
  if (roles.length === 0 || bad.length > 0) {
    throw new Error(
      `--role is required, one of OPERATOR, MAINTAINER, REVIEWER_USABILITY, REVIEWER_SECURITY, REVIEWER_INTERFACES, MUNICIPALITY_ADMIN${bad.length ? ` (got ${bad.join(', ')})` : ''}`,
    );
  }
  const config = loadConfig();
  const secret = DevSecret.resolve(config).value;
  if (!secret) {
    throw new Error(
      'No HS256 secret: development tokens need AUTH_JWT_SECRET or no auth setting at all (not production)',
    );
  }
  const token = await signDevToken(
    { sub: values.sub ?? 'dev-user', name: values.name, org: values.org, roles: roles as Role[] },
    {
      secret,
      rolesClaim: config.auth.rolesClaim,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      expiresIn: values.expires,
    },
  );
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
