import { Controller, Get, Header, Inject } from '@nestjs/common';
import { Public } from '#src/common/auth/decorators';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { signInModeOf, type SignInMode } from './sign-in-mode';

export interface ConsoleConfiguration {
  signIn: SignInMode;
  oidc: { authority: string; clientId: string; scope: string } | null;
}

/** What the browser needs to know before it can sign anyone in; public, nothing secret in it. */
@Controller('console')
export class ConsoleConfigController {
  private readonly configuration: ConsoleConfiguration;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    const signIn = signInModeOf(config);
    this.configuration = { signIn, oidc: signIn === 'oidc' ? config.console.oidc : null };
  }

  @Public()
  @Get('config.json')
  // A changed configuration takes effect at the next page load, not after a cache lifetime.
  @Header('cache-control', 'no-store')
  configurationForBrowser(): ConsoleConfiguration {
    return this.configuration;
  }
}
