import { Inject, Injectable, Logger } from '@nestjs/common';
import Bottleneck from 'bottleneck';
import { LRUCache } from 'lru-cache';
import type { Octokit as CoreOctokit } from '@octokit/core' with { 'resolution-mode': 'import' };
import type { PaginateInterface } from '@octokit/plugin-paginate-rest' with { 'resolution-mode': 'import' };
import { APP_CONFIG, type AppConfig, type GithubConfig } from '#src/config/config';
import type { RepositoryRef } from './repository-link';

/** Octokit with the throttling, retry and pagination plugins: every call out goes through one. */
export type GithubApi = CoreOctokit & { paginate: PaginateInterface };

type Credentials = NonNullable<GithubConfig['credentials']>;

/** The longest one call to GitHub may take. */
const REQUEST_TIMEOUT_MS = 30_000;

/**
 * Octokit clients for the configured GitHub: one per App installation (its token cached by
 * @octokit/auth-app until it expires), or one for the token. Loaded on first use: the octokit
 * packages are ES modules (decision 0001).
 */
@Injectable()
export class GithubClient {
  private readonly log = new Logger('GitHub');
  private readonly github: GithubConfig;
  private octokitClass?: Promise<new (options: Record<string, unknown>) => GithubApi>;
  private tokenClient?: Promise<GithubApi>;
  private appClient?: Promise<GithubApi>;
  private writeGroups?: { write: Bottleneck.Group; notifications: Bottleneck.Group };
  private readonly installations = new LRUCache<number, GithubApi>({ max: 500 });
  private readonly shutdown = new AbortController();
  /** Which installation serves a repository: asked once an hour at most. */
  private readonly installationOf = new LRUCache<string, number>({ max: 5_000, ttl: 3_600_000 });

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.github = config.github;
  }

  /** True when calls out are configured (a GitHub App or a token). */
  get enabled(): boolean {
    return this.github.credentials !== null;
  }

  /** A client authorised for the repository: the App's installation on it, or the token. */
  async forRepository(ref: RepositoryRef): Promise<GithubApi> {
    const credentials = this.credentials();
    if (credentials.kind === 'token') {
      this.tokenClient ??= this.create({ auth: credentials.token });
      return this.tokenClient;
    }
    let installationId = this.installationOf.get(ref.fullName);
    if (installationId === undefined) {
      this.appClient ??= this.create({ authStrategy: 'app', auth: credentials });
      const app = await this.appClient;
      const { data } = await app.request('GET /repos/{owner}/{repo}/installation', {
        owner: ref.owner,
        repo: ref.repo,
      });
      installationId = data.id;
      this.installationOf.set(ref.fullName, installationId);
    }
    let client = this.installations.get(installationId);
    if (!client) {
      client = await this.create({ authStrategy: 'app', auth: { ...credentials, installationId } });
      this.installations.set(installationId, client);
    }
    return client;
  }

  /**
   * A file at the root or below of the repository's default branch (the Contents API), or null
   * where GitHub answers 404: no such file or repository, or no installation of the App on it.
   * A file over `maxBytes` is not downloaded: only its size comes back. GitHub hands out the
   * content of files up to 1 MB with the metadata and larger ones only raw.
   */
  async fileContent(
    ref: RepositoryRef,
    path: string,
    maxBytes: number,
  ): Promise<{ size: number; bytes: Uint8Array | null; htmlUrl: string | null } | null> {
    const where = { owner: ref.owner, repo: ref.repo, path };
    try {
      const api = await this.forRepository(ref);
      const { data } = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...where,
        headers: { accept: 'application/vnd.github.object+json' },
      });
      const file = data as {
        type?: string;
        size?: number;
        encoding?: string;
        content?: string;
        html_url?: string;
      };
      if (Array.isArray(data) || file.type !== 'file' || typeof file.size !== 'number') {
        return null;
      }
      const htmlUrl = file.html_url ?? null;
      if (file.size > maxBytes) {
        return { size: file.size, bytes: null, htmlUrl };
      }
      if (file.encoding === 'base64' && typeof file.content === 'string') {
        return { size: file.size, bytes: Buffer.from(file.content, 'base64'), htmlUrl };
      }
      const raw = await api.request('GET /repos/{owner}/{repo}/contents/{path}', {
        ...where,
        headers: { accept: 'application/vnd.github.raw+json' },
      });
      const body = raw.data as unknown;
      const bytes =
        typeof body === 'string' ? Buffer.from(body, 'utf8') : new Uint8Array(body as ArrayBuffer);
      return { size: bytes.byteLength, bytes: bytes.byteLength > maxBytes ? null : bytes, htmlUrl };
    } catch (error) {
      if ((error as { status?: unknown }).status === 404) {
        return null;
      }
      throw error;
    }
  }

  /** Forgets the repository's installation and its client (after a 401 or 404: the App was removed or reinstalled). */
  forget(ref: RepositoryRef): void {
    const installationId = this.installationOf.get(ref.fullName);
    if (installationId !== undefined) {
      this.installations.delete(installationId);
    }
    this.installationOf.delete(ref.fullName);
  }

  /** Ends every call in flight (shutting down). */
  abort(): void {
    this.shutdown.abort(new Error('shutting down'));
  }

  private credentials(): Credentials {
    if (!this.github.credentials) {
      throw new Error('GitHub calls are not configured (docs/github.md)');
    }
    return this.github.credentials;
  }

  private async create(options: { authStrategy?: 'app'; auth: unknown }): Promise<GithubApi> {
    const Octokit = await this.loadOctokit();
    const { createAppAuth } = await import('@octokit/auth-app');
    return new Octokit({
      baseUrl: this.github.apiUrl,
      userAgent: 'ozg-reuse-registry',
      ...(options.authStrategy === 'app' ? { authStrategy: createAppAuth } : {}),
      auth: options.auth,
      // Every call has a deadline: the issue worker holds a row lock and a connection meanwhile.
      request: {
        fetch: (url: string, init?: RequestInit) =>
          fetch(url, {
            ...init,
            signal: AbortSignal.any([
              init?.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
              this.shutdown.signal,
            ]),
          }),
      },
      log: {
        debug: () => undefined,
        info: () => undefined,
        warn: (message: string) => this.log.warn(message),
        error: (message: string) => this.log.error(message),
      },
      throttle: {
        ...this.writePace(),
        // The primary limit: wait for the reset once, if it is near; else the job is retried later.
        onRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          this.log.warn(`rate limit on ${request.method} ${request.url}: reset in ${retryAfter} s`);
          return retryCount < 1 && retryAfter <= 60;
        },
        // Secondary limits (too many writes too fast): wait as GitHub says, up to three times.
        onSecondaryRateLimit: (
          retryAfter: number,
          request: { method: string; url: string },
          _o: unknown,
          retryCount: number,
        ) => {
          this.log.warn(`secondary rate limit on ${request.method} ${request.url}: retry in ${retryAfter} s`);
          // Waited out twice at most, and never longer than a minute: the job is retried later instead.
          return retryCount < 2 && retryAfter <= 60;
        },
      },
    });
  }

  /** The configured pace of writes, for every client of this instance (one group, as the plugin's own). */
  private writePace(): Record<string, unknown> {
    const minTime = this.github.writeIntervalMs;
    if (minTime === undefined) {
      return {};
    }
    this.writeGroups ??= {
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime }),
      notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime }),
    };
    return this.writeGroups;
  }

  private loadOctokit() {
    this.octokitClass ??= (async () => {
      const [{ Octokit }, { throttling }, { retry }, { paginateRest }] = await Promise.all([
        import('@octokit/core'),
        import('@octokit/plugin-throttling'),
        import('@octokit/plugin-retry'),
        import('@octokit/plugin-paginate-rest'),
      ]);
      return Octokit.plugin(throttling, retry, paginateRest);
    })();
    return this.octokitClass;
  }
}
