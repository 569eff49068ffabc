import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppConfig } from '#src/config/config';

/**
 * The HS256 secret used in development when no auth setting is given: generated once and kept in
 * the data folder, so that `npm run token` and the running service agree across restarts.
 */
export class DevSecret {
  constructor(
    readonly value: string | undefined,
    /** The file it was read from or written to; undefined for AUTH_JWT_SECRET (or none). */
    readonly file?: string,
    /** Written just now: a service already running may be using another one. */
    readonly created = false,
  ) {}

  static resolve(config: AppConfig): DevSecret {
    if (config.auth.jwtSecret) {
      return new DevSecret(config.auth.jwtSecret);
    }
    if (!config.auth.generateDevSecret) {
      return new DevSecret(undefined);
    }
    const file = join(config.dataDir, 'dev-jwt-secret');
    try {
      return new DevSecret(readFileSync(file, 'utf8').trim(), file);
    } catch {
      mkdirSync(config.dataDir, { recursive: true });
      const secret = randomBytes(32).toString('base64url');
      writeFileSync(file, `${secret}\n`, { mode: 0o600 });
      return new DevSecret(secret, file, true);
    }
  }
}
