import { loadConfig } from '#src/config/config';
import { DEMO_PERSONAS } from '#src/seed/demo-data';
import { startUpBanner } from './start-up-banner';

describe('the start-up banner', () => {
  it('names the console, its sign-in page, GraphQL and the demo personas, aligned, without tokens', () => {
    const banner = startUpBanner(
      loadConfig({}, '/srv/registry'),
      'http://localhost:3000',
      '/srv/registry/.data/dev-jwt-secret',
    );
    expect(banner).toContain('\n  Console   http://localhost:3000/\n');
    expect(banner).toContain('\n  Sign-in   http://localhost:3000/anmelden\n');
    expect(banner).toContain('\n  GraphQL   http://localhost:3000/graphql\n');
    for (const persona of DEMO_PERSONAS) {
      expect(banner).toMatch(new RegExp(`^    ${persona.id.replace('.', '\\.')} +\\S`, 'm'));
      expect(banner).toContain(persona.label);
    }
    expect(banner).toContain(
      '    kim.kiel          Kim Kiel, Landeshauptstadt Kiel (Nachnutzende Kommune)\n',
    );
    expect(banner).toContain('npm run token -- --help');
    expect(banner).toContain('/srv/registry/.data/dev-jwt-secret');
    expect(banner).not.toMatch(/eyJ/); // no JWT
  });

  it('prints only the URLs in production', () => {
    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://u@db/registry',
      AUTH_JWKS_URL: 'https://idp.example/certs',
      AUTH_ISSUER: 'https://idp.example/realms/sh',
      AUTH_AUDIENCE: 'ozg-registry',
    });
    const banner = startUpBanner(config, 'https://register.example/');
    expect(
      banner
        .trim()
        .split('\n')
        .map((line) => line.trim()),
    ).toEqual([
      'Nachnutzungsregister is ready',
      '',
      'Console   https://register.example/',
      'Sign-in   https://register.example/anmelden',
      'GraphQL   https://register.example/graphql',
    ]);
  });
});
