import { createHmac, generateKeyPairSync, randomBytes, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jwtVerify } from 'jose';

/**
 * A fake GitHub REST API on localhost, for the tests: the response shapes follow GitHub's REST
 * documentation for app installations and their access tokens, issues, and rate-limit headers.
 * Faults are scripted per request (secondary rate limits, lost responses), and every request is
 * recorded.
 */

export interface FakeIssue {
  id: number;
  node_id: string;
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: { id: number; name: string }[];
  html_url: string;
  url: string;
  user: { login: string; type: string };
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

interface FakeRepo {
  owner: string;
  name: string;
  installationId: number;
  issues: FakeIssue[];
}

export type Fault =
  | { kind: 'secondary-rate-limit'; retryAfter: number }
  | { kind: 'lose-response' } // the work is done, the answer is a 502
  | { kind: 'status'; status: number; message: string };

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
}

export class FakeGithub {
  readonly requests: RecordedRequest[] = [];
  readonly appId = '424242';
  readonly privateKey: string;
  readonly staticToken = `ghp_${randomBytes(12).toString('hex')}`;
  private readonly publicKey: KeyObject;
  private readonly repos = new Map<string, FakeRepo>();
  private readonly tokens = new Map<string, { installationId: number; expiresAt: number }>();
  private readonly faults: { method: string; path: RegExp; fault: Fault }[] = [];
  private server?: Server;
  private nextIssueId = 1000;
  url = '';
  /** Slows down issue creation, so that concurrent workers overlap. */
  createDelayMs = 0;
  /** GitHub's clock (its timestamps have whole seconds); the tests may set it apart from theirs. */
  now: () => Date = () => new Date();
  private readonly releases = new Map<string, Record<string, unknown>>();
  private readonly files = new Map<string, Buffer>();

  constructor() {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    this.privateKey = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
    this.publicKey = publicKey;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch((error: unknown) => {
        this.send(res, 500, { message: String(error) });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    // Clients keep connections alive: close them, or close() waits for them to time out.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** A repository with the App installed (installation ids group repositories). */
  addRepo(fullName: string, installationId = 7): void {
    const [owner, name] = fullName.split('/');
    this.repos.set(fullName.toLowerCase(), { owner, name, installationId, issues: [] });
  }

  /** A release as GET /repos/{owner}/{repo}/releases/{release_id} answers it. */
  addRelease(fullName: string, release: { id: number } & Record<string, unknown>): void {
    this.releases.set(`${fullName.toLowerCase()}/${release.id}`, release);
  }

  /** A file of the repository's default branch, as GET /repos/{owner}/{repo}/contents/{path} answers it. */
  addFile(fullName: string, path: string, content: string | Buffer): void {
    this.files.set(
      `${fullName}/${path}`.toLowerCase(),
      Buffer.isBuffer(content) ? content : Buffer.from(content),
    );
  }

  issues(fullName: string): FakeIssue[] {
    return this.repos.get(fullName.toLowerCase())?.issues ?? [];
  }

  /** An issue opened behind the registry's back (by a worker that died before it recorded it). */
  seedIssue(fullName: string, fields: { title: string; body: string; closedAt?: string }): FakeIssue {
    const repo = this.repos.get(fullName.toLowerCase())!;
    const at = this.now()
      .toISOString()
      .replace(/\.\d{3}Z$/, 'Z');
    const number = repo.issues.length + 1;
    const issue: FakeIssue = {
      id: this.nextIssueId++,
      node_id: randomUUID(),
      number,
      title: fields.title,
      body: fields.body,
      state: fields.closedAt ? 'closed' : 'open',
      labels: [],
      html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${number}`,
      url: `${this.url}/repos/${repo.owner}/${repo.name}/issues/${number}`,
      user: { login: 'ozg-registry[bot]', type: 'Bot' },
      created_at: at,
      updated_at: fields.closedAt ?? at,
      closed_at: fields.closedAt ?? null,
    };
    repo.issues.push(issue);
    return issue;
  }

  /** The next request matching method and path gets the fault instead of (or after) its work. */
  failNext(method: string, path: RegExp, fault: Fault): void {
    this.faults.push({ method, path, fault });
  }

  count(method: string, path: RegExp): number {
    return this.requests.filter((r) => r.method === method && path.test(r.path)).length;
  }

  private rateHeaders(): Record<string, string> {
    return {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': String(5000 - this.requests.length),
      'x-ratelimit-used': String(this.requests.length),
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-api-version-selected': '2022-11-28',
    };
  }

  private send(
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): void {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      ...this.rateHeaders(),
      ...headers,
    });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  private takeFault(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === method && f.path.test(path));
    return index < 0 ? undefined : this.faults.splice(index, 1)[0].fault;
  }

  private async appJwt(req: IncomingMessage): Promise<boolean> {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      return false;
    }
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { algorithms: ['RS256'] });
      return String(payload.iss) === this.appId;
    } catch {
      return false;
    }
  }

  /** May this request's token act on the repository? */
  private authorised(req: IncomingMessage, repo: FakeRepo): boolean {
    const token = /^(?:token|Bearer) (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (!token) {
      return false;
    }
    if (token === this.staticToken) {
      return true;
    }
    const installation = this.tokens.get(token);
    return (
      !!installation &&
      installation.expiresAt > Date.now() &&
      installation.installationId === repo.installationId
    );
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    this.requests.push({ method, path, authorization: req.headers.authorization });
    const chunks: Buffer[] = [];
    for await (const chunk of req) {
      chunks.push(chunk as Buffer);
    }
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;

    const fault = this.takeFault(method, path);
    if (fault?.kind === 'secondary-rate-limit') {
      return this.send(
        res,
        403,
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.',
          documentation_url:
            'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
          status: '403',
        },
        { 'retry-after': String(fault.retryAfter) },
      );
    }
    if (fault?.kind === 'status') {
      return this.send(res, fault.status, { message: fault.message });
    }

    let match: RegExpExecArray | null;
    // POST /app/installations/{installation_id}/access_tokens (app JWT)
    if (method === 'POST' && (match = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(path))) {
      if (!(await this.appJwt(req))) {
        return this.send(res, 401, { message: 'A JSON web token could not be decoded' });
      }
      const token = `ghs_${randomBytes(16).toString('hex')}`;
      const expiresAt = Date.now() + 3_600_000;
      this.tokens.set(token, { installationId: Number(match[1]), expiresAt });
      return this.send(res, 201, {
        token,
        expires_at: new Date(expiresAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
        permissions: { contents: 'read', issues: 'write', metadata: 'read' },
        repository_selection: 'selected',
      });
    }
    match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
    const repo = match ? this.repos.get(`${match[1]}/${match[2]}`.toLowerCase()) : undefined;
    if (!match || !repo) {
      return this.send(res, 404, { message: 'Not Found', status: '404' });
    }
    const rest = match[3] ?? '';

    // GET /repos/{owner}/{repo}/installation (app JWT)
    if (method === 'GET' && rest === '/installation') {
      if (!(await this.appJwt(req))) {
        return this.send(res, 401, { message: 'A JSON web token could not be decoded' });
      }
      return this.send(res, 200, {
        id: repo.installationId,
        account: { login: repo.owner, type: 'Organization' },
        app_id: Number(this.appId),
        target_type: 'Organization',
        permissions: { contents: 'read', issues: 'write', metadata: 'read' },
        events: ['issues', 'release'],
        repository_selection: 'selected',
      });
    }
    if (!this.authorised(req, repo)) {
      return this.send(res, 401, { message: 'Bad credentials', status: '401' });
    }

    // GET /repos/{owner}/{repo}/issues?labels=&state=&since=&per_page=&page=
    if (method === 'GET' && rest === '/issues') {
      const label = url.searchParams.get('labels');
      const state = url.searchParams.get('state') ?? 'open';
      const since = url.searchParams.get('since');
      const perPage = Number(url.searchParams.get('per_page') ?? 30);
      const page = Number(url.searchParams.get('page') ?? 1);
      const all = repo.issues
        .filter((i) => !label || i.labels.some((l) => l.name === label))
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => !since || Date.parse(i.updated_at) >= Date.parse(since))
        .sort((a, b) => b.number - a.number);
      const slice = all.slice((page - 1) * perPage, page * perPage);
      const headers: Record<string, string> = {};
      if (page * perPage < all.length) {
        const next = new URL(url);
        next.searchParams.set('page', String(page + 1));
        headers.link = `<${next.toString()}>; rel="next"`;
      }
      return this.send(res, 200, slice, headers);
    }
    // GET /repos/{owner}/{repo}/contents/{path}: GitHub's REST docs ("Get repository content"): with
    // the object or default media type a file's metadata, and its content in base64 (wrapped at 60)
    // up to 1 MB, else encoding "none" and no content; with the raw media type the bytes themselves.
    if (method === 'GET' && (match = /^\/contents\/(.+)$/.exec(rest))) {
      const path = decodeURIComponent(match[1]);
      const file = this.files.get(`${repo.owner}/${repo.name}/${path}`.toLowerCase());
      if (!file) {
        return this.send(res, 404, {
          message: 'Not Found',
          documentation_url: 'https://docs.github.com/rest/repos/contents#get-repository-content',
          status: '404',
        });
      }
      if ((req.headers.accept ?? '').includes('application/vnd.github.raw')) {
        res.writeHead(200, { 'content-type': 'application/vnd.github.raw', ...this.rateHeaders() });
        res.end(file);
        return;
      }
      const html = `https://github.com/${repo.owner}/${repo.name}/blob/main/${path}`;
      const small = file.byteLength <= 1_000_000;
      return this.send(res, 200, {
        type: 'file',
        encoding: small ? 'base64' : 'none',
        size: file.byteLength,
        name: path.split('/').pop(),
        path,
        content: small ? (file.toString('base64').match(/.{1,60}/g) ?? []).join('\n') : '',
        sha: createHmac('sha1', 'blob').update(file).digest('hex'),
        url: `${this.url}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=main`,
        git_url: null,
        html_url: html,
        download_url: `https://raw.githubusercontent.com/${repo.owner}/${repo.name}/main/${path}`,
        _links: { self: `${this.url}/repos/${repo.owner}/${repo.name}/contents/${path}?ref=main`, html },
      });
    }
    // GET /repos/{owner}/{repo}/releases/{release_id}
    if (method === 'GET' && (match = /^\/releases\/(\d+)$/.exec(rest))) {
      const release = this.releases.get(`${repo.owner}/${repo.name}/${match[1]}`.toLowerCase());
      return release ? this.send(res, 200, release) : this.send(res, 404, { message: 'Not Found' });
    }
    // POST /repos/{owner}/{repo}/issues
    if (method === 'POST' && rest === '/issues') {
      if (this.createDelayMs) {
        await new Promise((r) => setTimeout(r, this.createDelayMs));
      }
      const number = repo.issues.length + 1;
      const now = this.now()
        .toISOString()
        .replace(/\.\d{3}Z$/, 'Z');
      const issue: FakeIssue = {
        id: this.nextIssueId++,
        node_id: randomUUID(),
        number,
        title: body.title,
        body: body.body ?? '',
        state: 'open',
        labels: (body.labels ?? []).map((name: string, i: number) => ({ id: i + 1, name })),
        html_url: `https://github.com/${repo.owner}/${repo.name}/issues/${number}`,
        url: `${this.url}/repos/${repo.owner}/${repo.name}/issues/${number}`,
        user: { login: 'ozg-registry[bot]', type: 'Bot' },
        created_at: now,
        updated_at: now,
        closed_at: null,
      };
      repo.issues.push(issue);
      if (fault?.kind === 'lose-response') {
        return this.send(res, 502, { message: 'Server Error' });
      }
      return this.send(res, 201, issue, { location: issue.url });
    }
    return this.send(res, 404, { message: 'Not Found', status: '404' });
  }
}

/** What GitHub sends as X-Hub-Signature-256 for a body. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}
