import { Body, Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
import { DevSecret } from '#src/common/auth/dev-secret';
import { Public } from '#src/common/auth/decorators';
import { TokenVerifier } from '#src/common/auth/token-verifier';
import { DomainError } from '#src/common/errors/domain-error';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import {
  findPersona,
  MAX_DEV_TOKEN_SECONDS,
  personaToken,
  personaViews,
  type PersonaView,
} from './dev-personas';

/**
 * The demo personas and their development tokens, for the console's sign-in page outside
 * production. SignInModule registers this controller only where development tokens exist, so in
 * production these routes are not there at all (404), not merely refused.
 */
@Controller('auth/dev')
export class DevSignInController {
  private readonly secret: string;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    devSecret: DevSecret,
    private readonly verifier: TokenVerifier,
  ) {
    if (!devSecret.value) {
      throw new Error('DevSignInController needs a development secret (SignInModule registers it only then)');
    }
    this.secret = devSecret.value;
  }

  @Public()
  @Get('personas')
  @Header('cache-control', 'no-store')
  personas(): PersonaView[] {
    return personaViews();
  }

  /** The body's media type is checked before it is parsed (DevSignInGate): JSON only. */
  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('cache-control', 'no-store')
  async token(@Body() body: unknown): Promise<{ token: string; expiresAt: string }> {
    const request = tokenRequestOf(body);
    const persona = findPersona(request.persona);
    if (!persona) {
      throw DomainError.badInput(
        'persona',
        `no demo persona ${JSON.stringify(request.persona.slice(0, 64))} (GET /auth/dev/personas lists them)`,
      );
    }
    const { token, expiresAt } = await personaToken(
      persona,
      this.config,
      this.secret,
      request.expiresInSeconds,
    );
    // The token must work here: its organisation must be registered (the demo data loaded).
    try {
      await this.verifier.verify(token);
    } catch {
      throw DomainError.conflict(
        `Persona ${persona.id} belongs to organisation ${persona.organisationKey}, which is not registered here: ` +
          'start the service with the demo data (SEED_DEMO_DATA=true)',
      );
    }
    return { token, expiresAt: expiresAt.toISOString() };
  }
}

interface TokenRequest {
  persona: string;
  expiresInSeconds: number | undefined;
}

function tokenRequestOf(body: unknown): TokenRequest {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw DomainError.badInput('body', 'must be a JSON object such as {"persona": "kim.kiel"}');
  }
  const { persona, expiresInSeconds, ...rest } = body as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) {
    throw DomainError.badInput(unknown[0], 'unknown field (expected "persona" and "expiresInSeconds")');
  }
  if (typeof persona !== 'string' || persona === '') {
    throw DomainError.badInput('persona', 'required: the id of a demo persona, such as "kim.kiel"');
  }
  if (
    expiresInSeconds !== undefined &&
    (typeof expiresInSeconds !== 'number' ||
      !Number.isInteger(expiresInSeconds) ||
      expiresInSeconds < 1 ||
      expiresInSeconds > MAX_DEV_TOKEN_SECONDS)
  ) {
    throw DomainError.badInput(
      'expiresInSeconds',
      `must be a whole number of seconds from 1 to ${MAX_DEV_TOKEN_SECONDS}`,
    );
  }
  return { persona, expiresInSeconds };
}
