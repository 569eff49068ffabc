import { parseArgs } from 'node:util';
import { DevSecret } from '#src/common/auth/dev-secret';
import { signDevToken } from '#src/common/auth/dev-token';
import { ALL_ROLES, isRole, Role } from '#src/common/auth/role';
import { ConfigError, loadConfig } from '#src/config/config';
import { DEMO_PERSONAS } from '#src/seed/demo-data';

/** What each role may do, in a few words (docs/domain.md has the whole table). */
const ROLE_HINTS: Record<Role, string> = {
  OPERATOR: 'the platform operator: organisations, standards, policies, waivers, audit',
  MAINTAINER: "an owner's maintainer: services, releases, subscription requests, campaigns",
  REVIEWER_USABILITY: 'signs off the USABILITY gate (accessibility, usability)',
  REVIEWER_SECURITY: 'signs off the SECURITY gate',
  REVIEWER_INTERFACES: 'signs off the INTERFACES gate (data exchange standards)',
  MUNICIPALITY_ADMIN: "a municipality's staff: subscriptions, deployments, capabilities",
};

function usage(): string {
  const width = Math.max(...ALL_ROLES.map((role) => role.length), ...DEMO_PERSONAS.map((p) => p.id.length));
  return [
    'Prints a development token (HS256) for the registry, signed with the same secret as the',
    'service (AUTH_JWT_SECRET, or the one generated in DATA_DIR), to send as',
    '"Authorization: Bearer <token>". Not available in production.',
    '',
    'Usage:',
    '  npm run token -- --persona ID [--expires SPAN]',
    '  npm run token -- --role ROLE[,ROLE...] [--role ROLE] [--org KEY] [--sub ID] [--name NAME] [--expires SPAN]',
    '',
    'Options:',
    '  --persona ID     a demo persona (below): its subject, name, organisation and roles;',
    '                   --role, --org, --sub and --name given as well replace its own',
    '  --role ROLE      a role; several as --role A,B or --role A --role B (required without --persona)',
    "  --org KEY        the organisation's key (ARS or e.g. dataport); required unless a role is OPERATOR",
    '  --sub ID         the subject (default: the persona, else dev-user)',
    '  --name NAME      the display name',
    '  --expires SPAN   lifetime such as 30m, 12h or 7d (default 12h)',
    '  -h, --help       this text',
    '',
    'Roles:',
    ...ALL_ROLES.map((role) => `  ${role.padEnd(width)}  ${ROLE_HINTS[role]}`),
    '',
    'Demo personas (organisations of the demo data):',
    ...DEMO_PERSONAS.map((persona) => `  ${persona.id.padEnd(width)}  ${persona.label}`),
    '',
    'Examples:',
    '  npm run token -- --persona kim.kiel',
    '  npm run token -- --role MAINTAINER --org dataport --sub alice --name "Alice"',
    '  npm run token -- --role REVIEWER_SECURITY,REVIEWER_USABILITY --org itvsh --expires 1h',
    '  TOKEN=$(npm run -s token -- --persona olaf.operator)',
    '',
    'The service and this command find the same secret when they are given the same DATA_DIR',
    '(relative paths count from the project folder).',
    '',
  ].join('\n');
}

class UsageError extends Error {}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        persona: { type: 'string' },
        role: { type: 'string', multiple: true },
        org: { type: 'string' },
        sub: { type: 'string' },
        name: { type: 'string' },
        expires: { type: 'string', default: '12h' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(usage());
    return;
  }
  const persona =
    values.persona === undefined ? undefined : DEMO_PERSONAS.find((p) => p.id === values.persona);
  if (values.persona !== undefined && !persona) {
    throw new UsageError(
      `--persona: no demo persona "${values.persona}"; one of ${DEMO_PERSONAS.map((p) => p.id).join(', ')}`,
    );
  }
  const given = (values.role ?? []).flatMap((value) => value.split(',')).map((role) => role.trim());
  const bad = given.filter((role) => !isRole(role));
  if (bad.length > 0) {
    throw new UsageError(`--role: unknown role ${bad.join(', ')}; one of ${ALL_ROLES.join(', ')}`);
  }
  const roles = [...new Set(given.length > 0 ? (given as Role[]) : (persona?.roles ?? []))];
  if (roles.length === 0) {
    throw new UsageError(`--role or --persona is required; roles: ${ALL_ROLES.join(', ')}`);
  }
  const org = values.org ?? persona?.organisationKey;
  if (!org && !roles.includes(Role.OPERATOR)) {
    throw new UsageError('--org is required unless a role is OPERATOR (the service refuses such a token)');
  }

  const config = loadConfig();
  const devSecret = DevSecret.resolve(config);
  if (!devSecret.value || config.nodeEnv === 'production') {
    throw new Error(
      'No HS256 secret: development tokens need AUTH_JWT_SECRET or no auth setting at all (not production)',
    );
  }
  if (devSecret.created) {
    process.stderr.write(
      `npm run token: created a new development secret at ${devSecret.file}; tokens signed with it will not ` +
        'match a service that is already running with another one (start the service with the same DATA_DIR, ' +
        'or restart it)\n',
    );
  }
  const token = await signDevToken(
    { sub: values.sub ?? persona?.id ?? 'dev-user', name: values.name ?? persona?.name, org, roles },
    {
      secret: devSecret.value,
      rolesClaim: config.auth.rolesClaim,
      issuer: config.auth.issuer,
      audience: config.auth.audience,
      expiresIn: values.expires,
    },
  ).catch((error: unknown) => {
    // jose refuses a span it cannot read ("Invalid time period format").
    throw error instanceof TypeError
      ? new UsageError(`--expires: ${error.message}, e.g. 30m, 12h or 7d`)
      : error;
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  const message = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  const hint = error instanceof UsageError ? '\nSee: npm run token -- --help' : '';
  process.stderr.write(`${message}${hint}\n`);
  process.exit(1);
});
