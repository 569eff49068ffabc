import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { Role } from '../src/common/auth/role';
import { FakeGithub, signature } from './support/fake-github';
import {
  publishRelease,
  registerNorm,
  registerOrganisation,
  registerService,
  registerStandard,
} from './support/factories';
import { errorCode, startTestApp, type TestApp } from './support/test-app';
// After the app: its modules load in the order the application loads them.
import { GithubWorker } from '../src/github/github-worker';
import { ReleasesService } from '../src/releases/releases.service';

const SECRET = 'current-webhook-secret-0001';
const OLD_SECRET = 'previous-webhook-secret-0002';
const DIGEST = `sha256:${'d'.repeat(64)}`;

let deliveryCounter = 0;

/** A release.published payload as GitHub sends it (the fields the import reads, and some it does not). */
function releasePayload(repository: string, release: Record<string, unknown> = {}) {
  const tag = (release.tag_name as string) ?? 'v1.4.0';
  return {
    action: 'published',
    release: {
      id: 9001,
      tag_name: tag,
      target_commitish: 'main',
      name: `Release ${tag}`,
      body: '## Neu\n- Einkommensgrenzen nach § 22 WoGG',
      draft: false,
      prerelease: false,
      html_url: `https://github.com/${repository}/releases/tag/${tag}`,
      assets: [
        {
          id: 1,
          name: 'wohngeld.tgz',
          content_type: 'application/gzip',
          size: 1024,
          digest: DIGEST,
          browser_download_url: `https://github.com/${repository}/releases/download/${tag}/wohngeld.tgz`,
        },
      ],
      ...release,
    },
    repository: { id: 1, name: repository.split('/')[1], full_name: repository, private: false },
    sender: { login: 'octo-maintainer', type: 'User' },
    installation: { id: 7 },
  };
}

describe('GitHub integration', () => {
  let github: FakeGithub;
  let t: TestApp;
  let operator: string;
  let maintainer: string;
  const ids: Record<string, string> = {};

  /** Sends a delivery the way GitHub does: the body as bytes, its signature, the delivery headers. */
  function deliver(
    payload: unknown,
    options: { event?: string; id?: string; secret?: string | null; body?: string; app?: TestApp } = {},
  ) {
    const raw = JSON.stringify(payload);
    const id = options.id ?? `delivery-${++deliveryCounter}`;
    const call = request((options.app ?? t).app.getHttpServer())
      .post('/webhooks/github')
      .set('content-type', 'application/json')
      .set('x-github-event', options.event ?? 'release')
      .set('x-github-delivery', id);
    if (options.secret !== null) {
      call.set('x-hub-signature-256', signature(options.secret ?? SECRET, raw));
    }
    return call.send(options.body ?? raw).then((response) => ({ id, response }));
  }

  const worker = (app: TestApp = t) => app.app.get(GithubWorker);

  function env(extra: Record<string, string> = {}) {
    return {
      GITHUB_API_URL: github.url,
      GITHUB_APP_ID: github.appId,
      GITHUB_APP_PRIVATE_KEY: github.privateKey,
      GITHUB_WEBHOOK_SECRET: `${SECRET}, ${OLD_SECRET}`,
      GITHUB_POLL_INTERVAL_MS: '0',
      GITHUB_RETRY_DELAY_MS: '60000',
      GITHUB_WRITE_INTERVAL_MS: '10',
      PUBLIC_URL: 'https://registry.example.org',
      ...extra,
    };
  }

  async function delivery(id: string) {
    const [row] = await t.db.query(
      'SELECT outcome, detail, attempts, repository, action FROM github_delivery WHERE id = $1',
      [id],
    );
    return row as { outcome: string; detail: string | null; attempts: number } | undefined;
  }

  interface ReleaseRow {
    version: string;
    state: string;
    notes: string | null;
    artifact_digest: string;
    created_by: { subject: string; name: string };
    author_subject: string;
    interfaces: unknown[];
  }

  function releasesOf(serviceId: string) {
    return t.db.query<ReleaseRow[]>(
      `SELECT version, state, notes, artifact_digest, artifact_url, created_by, author_subject, interfaces
         FROM release WHERE service_id = $1 ORDER BY created_at, version`,
      [serviceId],
    );
  }

  beforeAll(async () => {
    github = await new FakeGithub().start();
    github.addRepo('Dataport/Wohngeld');
    github.addRepo('komfit/bafoeg-digital');
    t = await startTestApp(env());
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    await registerNorm(t, 'WoGG', { title: 'Wohngeldgesetz' });
    ids.wohngeld = await registerService(t, {
      slug: 'wohngeld',
      ownerKey: 'dataport',
      repositoryUrl: 'https://github.com/Dataport/Wohngeld',
      legalBases: [{ norm: 'WoGG', provision: '§ 22' }],
    });
    ids.bafoeg = await registerService(t, {
      slug: 'bafoeg',
      ownerKey: 'komfit',
      repositoryUrl: 'https://github.com/komfit/bafoeg-digital.git',
      legalBases: [{ norm: 'WoGG' }],
    });
    ids.offline = await registerService(t, {
      slug: 'wohngeld-papier',
      ownerKey: 'komfit',
      repositoryUrl: 'https://gitlab.opencode.de/komfit/wohngeld-papier',
      legalBases: [{ norm: 'WoGG' }],
    });
    await registerStandard(t, 'xwohngeld');
    await publishRelease(t, ids.wohngeld, '1.0.0', {
      interfaces: [{ standard: 'xwohngeld', version: '1.2', direction: 'PROVIDES' }],
    });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
    maintainer = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
      org: 'dataport',
      sub: 'mia',
    });
  });
  afterAll(async () => {
    await t?.close();
    await github?.stop();
  });

  describe('webhook signatures', () => {
    const ping = { zen: 'Keep it logically awesome.', hook_id: 1 };

    it('accepts a delivery signed with the current secret and queues it', async () => {
      const { id, response } = await deliver(ping, { event: 'ping' });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ delivery: id, status: 'queued' });
      expect(await delivery(id)).toMatchObject({ outcome: 'PENDING', attempts: 0 });
    });

    it('accepts the previous secret while it is rotated out', async () => {
      const { id, response } = await deliver(ping, { event: 'ping', secret: OLD_SECRET });
      expect(response.status).toBe(202);
      expect(await delivery(id)).toBeDefined();
    });

    it.each([
      ['a wrong secret', { secret: 'some-other-secret-0003' }],
      ['no signature', { secret: null }],
    ])('refuses %s with 401 and stores nothing', async (_case, options) => {
      const { id, response } = await deliver(ping, { event: 'ping', ...options });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      expect(await delivery(id)).toBeUndefined();
    });

    it('checks the bytes received: the same JSON re-serialised does not match', async () => {
      const payload = { zen: 'Design for failure.', hook_id: 1 };
      // Signed over the compact form, sent pretty-printed: equal as JSON, different as bytes.
      const { id, response } = await deliver(payload, {
        event: 'ping',
        body: JSON.stringify(payload, null, 2),
      });
      expect(response.status).toBe(401);
      expect(await delivery(id)).toBeUndefined();
    });

    it('refuses a signed delivery without an id or as a form with 400', async () => {
      const raw = JSON.stringify(ping);
      const call = () =>
        request(t.app.getHttpServer())
          .post('/webhooks/github')
          .set('x-github-event', 'ping')
          .set('x-hub-signature-256', signature(SECRET, raw));
      const noId = await call().set('content-type', 'application/json').send(raw);
      expect(noId.status).toBe(400);
      expect(noId.body.error).toMatchObject({
        code: 'BAD_USER_INPUT',
        message: expect.stringContaining('X-GitHub-Delivery'),
      });
      const form = await call()
        .set('x-github-delivery', 'form-0001')
        .set('content-type', 'application/x-www-form-urlencoded')
        .send(raw);
      expect(form.status).toBe(400);
      expect(form.body.error.message).toContain('application/json');
      expect(await delivery('form-0001')).toBeUndefined();
    });

    it('acknowledges a replayed delivery id without processing it again', async () => {
      const payload = releasePayload('Dataport/Wohngeld', { tag_name: 'v0.9.0' });
      const first = await deliver(payload, { id: 'replayed-0001' });
      const again = await deliver(payload, { id: 'replayed-0001' });
      expect(first.response.status).toBe(202);
      expect(again.response.status).toBe(200);
      expect(again.response.body).toEqual({ delivery: 'replayed-0001', status: 'duplicate' });
      await worker().drain();
      const third = await deliver(payload, { id: 'replayed-0001' });
      expect(third.response.body.status).toBe('duplicate');
      await worker().drain();
      expect((await releasesOf(ids.wohngeld)).filter((r) => r.version === '0.9.0')).toHaveLength(1);
      expect(await delivery('replayed-0001')).toMatchObject({ outcome: 'PROCESSED', attempts: 1 });
    });
  });

  describe('releases in', () => {
    it('turns release.published into a DRAFT ready for QA, created by github', async () => {
      const { id, response } = await deliver(releasePayload('Dataport/Wohngeld'));
      expect(response.status).toBe(202);
      expect(await worker().drain()).toMatchObject({ deliveries: 1 });
      const draft = (await releasesOf(ids.wohngeld)).find((r) => r.version === '1.4.0');
      expect(draft).toMatchObject({
        state: 'DRAFT',
        notes: '## Neu\n- Einkommensgrenzen nach § 22 WoGG',
        artifact_digest: DIGEST,
        artifact_url: 'https://github.com/Dataport/Wohngeld/releases/download/v1.4.0/wohngeld.tgz',
        created_by: { subject: 'github', name: 'octo-maintainer' },
        // GitHub knows no interfaces: the draft starts with its baseline's (1.0.0), not with none.
        interfaces: [{ standard: 'xwohngeld', version: '1.2', direction: 'PROVIDES' }],
      });
      expect(await delivery(id)).toMatchObject({
        outcome: 'PROCESSED',
        detail: expect.stringContaining('draft 1.4.0 created'),
      });
      // The audit names the system actor and the GitHub sender.
      const [event] = await t.db.query(
        `SELECT actor, data FROM audit_event WHERE action = 'release.create' AND data::jsonb->>'version' = '1.4.0'`,
      );
      expect(event.actor).toBe('github');
      expect(JSON.parse(event.data).importedFrom).toEqual({
        delivery: id,
        sender: 'octo-maintainer',
        url: 'https://github.com/Dataport/Wohngeld/releases/tag/v1.4.0',
      });
    });

    it('lets the MAINTAINER who submits an import count as its creator (four eyes)', async () => {
      const [{ id }] = await t.db.query(
        `SELECT id FROM release WHERE service_id = $1 AND version = '1.4.0'`,
        [ids.wohngeld],
      );
      const submitted = await t.gql(
        `mutation($id: ID!) { submitRelease(id: $id) { state createdBy { id } } }`,
        { id },
        maintainer,
      );
      expect(submitted.errors).toBeUndefined();
      expect(submitted.data?.submitRelease.state).toBe('IN_REVIEW');
      const SIGN = `mutation($input: SignOffInput!) { signOff(input: $input) { id } }`;
      const input = { releaseId: id, kind: 'SECURITY', verdict: 'APPROVE' };
      // mia submitted it: she may not review it, although she holds the reviewer role.
      expect(errorCode(await t.gql(SIGN, { input }, maintainer))).toBe('FORBIDDEN');
      const reviewer = await t.token({ roles: [Role.REVIEWER_SECURITY], org: 'dataport', sub: 'rita' });
      expect((await t.gql(SIGN, { input }, reviewer)).errors).toBeUndefined();
      const shown = await t.gql(`query($id: ID!) { release(id: $id) { importedFrom } }`, { id }, maintainer);
      expect(shown.data?.release.importedFrom).toBe(
        'https://github.com/Dataport/Wohngeld/releases/tag/v1.4.0',
      );
    });

    it('does not take a person whose token subject is "github" for an import', async () => {
      const namesake = await t.token({
        roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
        org: 'dataport',
        sub: 'github',
      });
      const created = await t.gql(
        `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id importedFrom } }`,
        { input: { serviceId: ids.wohngeld, version: '1.4.1', artifactDigest: DIGEST } },
        namesake,
      );
      const { id, importedFrom } = created.data?.createRelease;
      expect(importedFrom).toBeNull();
      await t.gql(`mutation($id: ID!) { submitRelease(id: $id) { state } }`, { id }, maintainer);
      const input = { releaseId: id, kind: 'SECURITY', verdict: 'APPROVE' };
      const signed = await t.gql(
        `mutation($input: SignOffInput!) { signOff(input: $input) { id } }`,
        { input },
        namesake,
      );
      expect(errorCode(signed)).toBe('FORBIDDEN'); // the creator, whoever submitted it
    });

    it('asks the API for the assets when the published payload has none yet', async () => {
      github.addRelease('Dataport/Wohngeld', {
        id: 777,
        tag_name: 'v1.5.1',
        draft: false,
        prerelease: false,
        assets: [
          { id: 5, name: 'checksums.txt', digest: `sha256:${'f'.repeat(64)}` },
          {
            id: 6,
            name: 'wohngeld-1.5.1.tgz',
            digest: DIGEST,
            browser_download_url:
              'https://github.com/Dataport/Wohngeld/releases/download/v1.5.1/wohngeld-1.5.1.tgz',
          },
        ],
      });
      const { id } = await deliver(
        releasePayload('Dataport/Wohngeld', { id: 777, tag_name: 'v1.5.1', assets: [] }),
      );
      await worker().drain();
      expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED' });
      expect((await releasesOf(ids.wohngeld)).find((r) => r.version === '1.5.1')).toMatchObject({
        artifact_digest: DIGEST,
      });
    });

    it.each([
      ['a tag that is not semver', { tag_name: 'release-2026-11' }, 'not a semantic version'],
      [
        'a release without a digest',
        { tag_name: 'v1.5.0', assets: [{ id: 2, name: 'a.zip' }] },
        'sha256 digest',
      ],
      ['a GitHub draft', { tag_name: 'v1.6.0', draft: true }, 'draft'],
      [
        'a pre-release without a pre-release version',
        { tag_name: 'v1.7.0', prerelease: true },
        'pre-release',
      ],
    ])('skips %s with the reason', async (_case, release, reason) => {
      const before = (await releasesOf(ids.wohngeld)).length;
      const { id } = await deliver(releasePayload('Dataport/Wohngeld', release));
      await worker().drain();
      expect(await delivery(id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: expect.stringContaining(reason),
      });
      expect(await releasesOf(ids.wohngeld)).toHaveLength(before);
    });

    it('imports a GitHub pre-release with a pre-release tag', async () => {
      const { id } = await deliver(
        releasePayload('Dataport/Wohngeld', { tag_name: '2.0.0-rc.1', prerelease: true }),
      );
      await worker().drain();
      expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED' });
      expect((await releasesOf(ids.wohngeld)).map((r) => r.version)).toContain('2.0.0-rc.1');
    });

    it('leaves an existing version alone: versions are immutable', async () => {
      const payload = releasePayload('Dataport/Wohngeld', {
        body: 'changed notes',
        assets: [{ id: 3, name: 'x.tgz', digest: `sha256:${'e'.repeat(64)}` }],
      });
      const { id } = await deliver(payload);
      await worker().drain();
      expect(await delivery(id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: expect.stringContaining('has version 1.4.0 already'),
      });
      const existing = (await releasesOf(ids.wohngeld)).find((r) => r.version === '1.4.0');
      expect(existing).toMatchObject({ artifact_digest: DIGEST, state: 'IN_REVIEW' });
    });

    it('skips a repository no service links, and events it does not use; a replay after linking imports', async () => {
      github.addRepo('dataport/unlinked');
      const unlinked = await deliver(releasePayload('dataport/unlinked', { tag_name: 'v3.0.0' }));
      const push = await deliver(
        { ref: 'refs/heads/main', repository: { full_name: 'Dataport/Wohngeld' } },
        { event: 'push' },
      );
      await worker().drain();
      expect(await delivery(unlinked.id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: 'no service links dataport/unlinked (its repositoryUrl)',
      });
      expect(await delivery(push.id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: expect.stringContaining('push'),
      });

      const later = await registerService(t, {
        slug: 'neu-verlinkt',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/unlinked/tree/main',
      });
      const REPLAY = `mutation($id: ID!) { replayGithubDelivery(id: $id) { id outcome } }`;
      expect(errorCode(await t.gql(REPLAY, { id: unlinked.id }, maintainer))).toBe('FORBIDDEN');
      const replayed = await t.gql(REPLAY, { id: unlinked.id }, operator);
      expect(replayed.data?.replayGithubDelivery).toEqual({ id: unlinked.id, outcome: 'PENDING' });
      await worker().drain();
      expect(await delivery(unlinked.id)).toMatchObject({ outcome: 'PROCESSED' });
      expect((await releasesOf(later)).map((r) => r.version)).toEqual(['3.0.0']);
      // A processed delivery is not replayed: it would do its work twice.
      expect(errorCode(await t.gql(REPLAY, { id: unlinked.id }, operator))).toBe('CONFLICT');
    });

    it('lists deliveries with outcome and reason for OPERATORs only', async () => {
      const QUERY = `query($first: Int, $after: String, $outcome: DeliveryOutcome) {
        githubDeliveries(first: $first, after: $after, outcome: $outcome) {
          totalCount pageInfo { hasNextPage endCursor }
          edges { cursor node { id event action repository receivedAt outcome detail } } } }`;
      expect(errorCode(await t.gql(QUERY, {}, maintainer))).toBe('FORBIDDEN');
      expect(errorCode(await t.gql(QUERY, {}))).toBe('UNAUTHENTICATED');
      const all = await t.gql(QUERY, { first: 100 }, operator);
      expect(all.errors).toBeUndefined();
      const total = all.data?.githubDeliveries.totalCount;
      expect(total).toBe(all.data?.githubDeliveries.edges.length);
      const skipped = await t.gql(QUERY, { outcome: 'SKIPPED', first: 2 }, operator);
      const page = skipped.data?.githubDeliveries;
      expect(page.edges).toHaveLength(2);
      expect(page.pageInfo.hasNextPage).toBe(true);
      expect(page.edges[0].node).toMatchObject({ outcome: 'SKIPPED', event: expect.any(String) });
      expect(page.edges.every((e: any) => e.node.detail)).toBe(true);
      const next = await t.gql(
        QUERY,
        { outcome: 'SKIPPED', first: 100, after: page.pageInfo.endCursor },
        operator,
      );
      const seen = new Set([...page.edges, ...next.data?.githubDeliveries.edges].map((e: any) => e.node.id));
      expect(seen.size).toBe(page.totalCount);
      const release = all.data?.githubDeliveries.edges.find((e: any) => e.node.action === 'published').node;
      expect(release).toMatchObject({ event: 'release', repository: expect.stringMatching(/\//) });
    });
  });

  describe('the queue', () => {
    it('keeps a delivery received just before a crash, and another instance processes it', async () => {
      const { id } = await deliver(releasePayload('Dataport/Wohngeld', { tag_name: 'v1.8.0' }));
      // This instance dies before its worker ran (its worker is driven by hand: it never ran).
      const second = await startTestApp(env(), { sharing: t });
      try {
        expect(await delivery(id)).toMatchObject({ outcome: 'PENDING' });
        await worker(second).drain();
        expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED', attempts: 1 });
        expect((await releasesOf(ids.wohngeld)).map((r) => r.version)).toContain('1.8.0');
      } finally {
        await second.close();
      }
    });

    it('passes over a delivery another worker holds, and takes it over when that worker dies', async () => {
      const { id } = await deliver(releasePayload('Dataport/Wohngeld', { tag_name: 'v1.9.0' }));
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      await other.query('BEGIN');
      await other.query(`SELECT id FROM github_delivery WHERE id = $1 FOR UPDATE`, [id]);
      expect((await worker().drain()).deliveries).toBe(0);
      // The other worker crashes mid-work: its connection drops, its transaction rolls back.
      await other.end();
      expect((await worker().drain()).deliveries).toBe(1);
      expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED', attempts: 1 });
    });

    it('processes each delivery once when two instances drain together', async () => {
      const tags = ['v4.0.0', 'v4.0.1', 'v4.0.2', 'v4.0.3', 'v4.0.4', 'v4.0.5'];
      for (const tag of tags) {
        await deliver(releasePayload('Dataport/Wohngeld', { tag_name: tag }));
      }
      const second = await startTestApp(env(), { sharing: t });
      try {
        const [a, b] = await Promise.all([worker().drain(), worker(second).drain()]);
        expect(a.deliveries + b.deliveries).toBe(tags.length);
      } finally {
        await second.close();
      }
      const [{ count }] = await t.db.query(
        `SELECT count(*)::int AS count FROM audit_event WHERE action = 'release.create' AND data::jsonb->>'version' LIKE '4.0.%'`,
      );
      expect(count).toBe(tags.length);
    });

    it('retries a failed attempt later, after the retry delay', async () => {
      const releases = t.app.get(ReleasesService);
      const spy = jest.spyOn(releases, 'createImported').mockRejectedValueOnce(new Error('database hiccup'));
      try {
        const { id } = await deliver(releasePayload('Dataport/Wohngeld', { tag_name: 'v5.0.0' }));
        await worker().drain();
        expect(await delivery(id)).toMatchObject({
          outcome: 'PENDING',
          attempts: 1,
          detail: expect.stringContaining('database hiccup'),
        });
        expect((await releasesOf(ids.wohngeld)).map((r) => r.version)).not.toContain('5.0.0');
        await worker().drain(); // not due yet
        expect(await delivery(id)).toMatchObject({ attempts: 1 });
        t.clock.set(new Date(t.clock.now().getTime() + 61_000));
        await worker().drain();
        expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED', attempts: 2 });
      } finally {
        spy.mockRestore();
      }
    });
  });

  describe('issues out', () => {
    const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) {
      id targets { id issueUrl issueClosedAt state service { slug } } } }`;
    const GET = `query($id: ID!) { campaign(id: $id) { targets { id issueUrl issueClosedAt state service { slug } } } }`;
    const input = {
      title: 'Wohngeld-Plus 2027',
      norm: 'WoGG',
      provisions: ['§ 22'],
      amendment: 'BGBl. 2026 I Nr. 99',
      effectiveDate: '2027-01-01',
    };

    it('opens one issue per target whose service links a repository, even with three workers and a lost answer', async () => {
      github.createDelayMs = 150;
      // GitHub's clock runs with ours but keeps whole seconds: the issue looks older than its queueing.
      t.clock.set(new Date(t.clock.now().getTime() + 500));
      github.now = () => t.clock.now();
      // GitHub opens the first issue but its answer is lost: the job is retried and finds it.
      github.failNext('POST', /\/issues$/, { kind: 'lose-response' });
      const opened = await t.gql(OPEN, { input: { ...input, provisions: [] } }, maintainer);
      expect(opened.errors).toBeUndefined();
      const campaign = opened.data?.openCampaign;
      expect(campaign.targets.map((x: any) => x.issueUrl)).toEqual([null, null, null]);
      const second = await startTestApp(env(), { sharing: t });
      const third = await startTestApp(env(), { sharing: t });
      try {
        await Promise.all([worker().drain(), worker(second).drain(), worker(third).drain()]);
        t.clock.set(new Date(t.clock.now().getTime() + 61_000));
        await Promise.all([worker().drain(), worker(second).drain(), worker(third).drain()]);
      } finally {
        github.createDelayMs = 0;
        await second.close();
        await third.close();
      }
      expect(github.issues('Dataport/Wohngeld')).toHaveLength(1);
      expect(github.issues('komfit/bafoeg-digital')).toHaveLength(1);
      const targets = (await t.gql(GET, { id: campaign.id }, maintainer)).data?.campaign.targets;
      const bySlug = Object.fromEntries(targets.map((x: any) => [x.service.slug, x]));
      expect(bySlug.wohngeld.issueUrl).toBe('https://github.com/Dataport/Wohngeld/issues/1');
      expect(bySlug.bafoeg.issueUrl).toBe('https://github.com/komfit/bafoeg-digital/issues/1');
      expect(bySlug['wohngeld-papier'].issueUrl).toBeNull(); // not on GitHub
      const [issue] = github.issues('Dataport/Wohngeld');
      expect(issue.title).toBe('WoGG in force from 01.01.2027: Wohngeld-Plus 2027');
      expect(issue.labels.map((l) => l.name)).toEqual(['ozg-registry']);
      for (const text of [
        'Wohngeldgesetz',
        'the whole norm',
        '01.01.2027',
        'BGBl. 2026 I Nr. 99',
        'wohngeld',
      ]) {
        expect(issue.body).toContain(text);
      }
      expect(issue.body).toContain(`https://registry.example.org/campaigns/${campaign.id}`);
      // Installation tokens are cached: at most one per instance, not one per call.
      expect(github.count('POST', /access_tokens$/)).toBeLessThanOrEqual(3);
      ids.campaign = campaign.id;
    });

    it('waits out a secondary rate limit and opens the issue once', async () => {
      github.failNext('POST', /\/issues$/, { kind: 'secondary-rate-limit', retryAfter: 1 });
      const before = github.count('POST', /bafoeg-digital\/issues$/);
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { ...input, title: 'BAföG-Änderung', provisions: ['§ 1'] } },
        maintainer,
      );
      expect(added.errors).toBeUndefined();
      await worker().drain();
      expect(github.count('POST', /bafoeg-digital\/issues$/) - before).toBe(2);
      expect(github.issues('komfit/bafoeg-digital')).toHaveLength(2);
      const [{ state, issue_url }] = await t.db.query(
        `SELECT i.state, i.issue_url FROM campaign_target_issue i JOIN campaign_target t ON t.id = i.target_id
          WHERE t.campaign_id = $1`,
        [added.data?.openCampaign.id],
      );
      expect({ state, issue_url }).toEqual({
        state: 'OPENED',
        issue_url: 'https://github.com/komfit/bafoeg-digital/issues/2',
      });
    });

    it('records issues.closed on the target without changing its state, and issues.reopened', async () => {
      const [issue] = github.issues('Dataport/Wohngeld');
      const closed = {
        action: 'closed',
        issue: {
          id: issue.id,
          number: issue.number,
          html_url: issue.html_url,
          state: 'closed',
          closed_at: '2026-12-03T09:30:00Z',
          updated_at: '2026-12-03T09:30:00Z',
        },
        repository: { full_name: 'Dataport/Wohngeld' },
        sender: { login: 'octo-dev' },
      };
      // The repository was renamed meanwhile: GitHub's issue id still names the issue.
      const { id } = await deliver(
        { ...closed, repository: { full_name: 'Dataport/Wohngeld-Portal' } },
        { event: 'issues' },
      );
      await worker().drain();
      expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED' });
      const target = async () =>
        (await t.gql(GET, { id: ids.campaign }, maintainer)).data?.campaign.targets.find(
          (x: any) => x.service.slug === 'wohngeld',
        );
      expect(await target()).toMatchObject({ issueClosedAt: '2026-12-03T09:30:00.000Z', state: 'OPEN' });
      await deliver(
        { ...closed, action: 'reopened', issue: { ...closed.issue, updated_at: '2026-12-04T08:00:00Z' } },
        { event: 'issues' },
      );
      await worker().drain();
      expect((await target()).issueClosedAt).toBeNull();
      // A late copy of the closing (a retried or replayed delivery) does not undo the reopening.
      const late = await deliver(closed, { event: 'issues' });
      await worker().drain();
      expect(await delivery(late.id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: expect.stringContaining('older'),
      });
      expect((await target()).issueClosedAt).toBeNull();
      const other = await deliver(
        { ...closed, issue: { ...closed.issue, id: 424242, number: 999 } },
        { event: 'issues' },
      );
      await worker().drain();
      expect(await delivery(other.id)).toMatchObject({
        outcome: 'SKIPPED',
        detail: expect.stringContaining('not a campaign issue'),
      });
    });

    it('paces issues below the configured rates per minute and per hour', async () => {
      const paced = await startTestApp(env({ GITHUB_ISSUES_PER_MINUTE: '1', GITHUB_ISSUES_PER_HOUR: '2' }), {
        sharing: t,
      });
      const later = (ms: number) => t.clock.set(new Date(t.clock.now().getTime() + ms));
      try {
        later(2 * 3_600_000); // past the earlier tests' issues
        await registerService(t, {
          slug: 'wohngeld-zwei',
          ownerKey: 'dataport',
          repositoryUrl: 'https://github.com/dataport/wohngeld',
          legalBases: [{ norm: 'WoGG', provision: '§ 42' }],
        });
        const opened = await t.gql(
          `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
          { input: { ...input, title: 'Wohngeld § 42', provisions: ['§ 42', '§ 22'] } },
          maintainer,
        );
        const campaignId = opened.data?.openCampaign.id;
        const count = async () =>
          (await t.gql(GET, { id: campaignId }, maintainer)).data?.campaign.targets.filter(
            (x: any) => x.issueUrl,
          ).length;
        const tokens = github.count('POST', /access_tokens$/);
        expect((await worker(paced).drain()).issues).toBe(1);
        expect(await count()).toBe(1);
        later(61_000);
        expect((await worker(paced).drain()).issues).toBe(1);
        expect(await count()).toBe(2);
        later(61_000); // a new minute, but two issues in this hour already
        expect((await worker(paced).drain()).issues).toBe(0);
        later(3_600_000);
        expect((await worker(paced).drain()).issues).toBe(1);
        expect(await count()).toBe(3);
        // One installation token for all of them: cached until it expires.
        expect(github.count('POST', /access_tokens$/) - tokens).toBe(1);
      } finally {
        await paced.close();
      }
    });

    it('passes over an issue another worker holds, and opens it once that worker is gone', async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { targets { id service { slug } } } }`,
        { input: { ...input, title: 'Wohngeld § 22 (2)', provisions: ['§ 22'] } },
        maintainer,
      );
      const target = added.data?.openCampaign.targets.find((x: any) => x.service.slug === 'wohngeld').id;
      const other = new Client({ connectionString: t.databaseUrl });
      await other.connect();
      await other.query('BEGIN');
      await other.query('SELECT 1 FROM campaign_target_issue WHERE target_id = $1 FOR UPDATE', [target]);
      const before = github.issues('Dataport/Wohngeld').length;
      await worker().drain();
      const [{ state }] = await t.db.query('SELECT state FROM campaign_target_issue WHERE target_id = $1', [
        target,
      ]);
      expect(state).toBe('PENDING');
      await other.end(); // that worker dies: its transaction rolls back
      await worker().drain();
      expect(github.issues('Dataport/Wohngeld').length - before).toBe(1);
    });

    it('leaves a job to a worker that died mid-call until its lease ends, then finds the issue it opened', async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { slug } } } }`,
        { input: { ...input, title: 'Wohngeld § 22 (3)', provisions: ['§ 22'] } },
        maintainer,
      );
      const campaignId = added.data?.openCampaign.id;
      const target = added.data?.openCampaign.targets.find((x: any) => x.service.slug === 'wohngeld').id;
      // A worker claimed the job (attempt 1, leased for five minutes), opened the issue, and died.
      const leasedUntil = new Date(t.clock.now().getTime() + 5 * 60_000);
      await t.db.query(
        `UPDATE campaign_target_issue SET attempts = 1, leased_until = $2, next_attempt_at = $2 WHERE target_id = $1`,
        [target, leasedUntil],
      );
      const orphan = github.seedIssue('Dataport/Wohngeld', {
        title: 'WoGG',
        body: `Opened by the dead worker.\n\n<!-- ozg-registry:campaign-target:${target} -->`,
        closedAt: '2026-11-28T12:00:00Z',
      });
      const before = github.issues('Dataport/Wohngeld').length;
      await worker().drain(); // the other targets of the campaign wait too: one issue in flight at a time
      const row = async () =>
        (
          await t.db.query('SELECT state, closed_at FROM campaign_target_issue WHERE target_id = $1', [
            target,
          ])
        )[0];
      expect((await row()).state).toBe('PENDING');
      // Developers close the issue before the registry knows it: the delivery waits for the record.
      const closing = await deliver(
        {
          action: 'closed',
          issue: {
            id: orphan.id,
            number: orphan.number,
            body: orphan.body,
            closed_at: orphan.closed_at,
            updated_at: orphan.updated_at,
          },
          repository: { full_name: 'Dataport/Wohngeld' },
        },
        { event: 'issues' },
      );
      await worker().drain();
      expect(await delivery(closing.id)).toMatchObject({
        outcome: 'PENDING',
        detail: expect.stringContaining('not recorded yet'),
      });
      t.clock.set(new Date(leasedUntil.getTime() + 1_000));
      await worker().drain();
      const targets = (await t.gql(GET, { id: campaignId }, maintainer)).data?.campaign.targets;
      expect(targets.find((x: any) => x.id === target)).toMatchObject({
        issueUrl: orphan.html_url,
        issueClosedAt: '2026-11-28T12:00:00.000Z', // found again closed, recorded as GitHub has it
      });
      expect(github.issues('Dataport/Wohngeld').filter((i) => i.body.includes(target))).toHaveLength(1);
      expect(github.issues('Dataport/Wohngeld').length).toBeGreaterThanOrEqual(before);
      // Its retries back off (one minute, then two): by then the issue is recorded.
      t.clock.set(new Date(t.clock.now().getTime() + 121_000));
      await worker().drain();
      expect(await delivery(closing.id)).toMatchObject({ outcome: 'PROCESSED' });
    });

    it('fails a job whose attempts all ended without an outcome, instead of leasing it forever', async () => {
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { targets { id service { slug } } } }`,
        { input: { ...input, title: 'Wohngeld § 22 (4)', provisions: ['§ 22'] } },
        maintainer,
      );
      const target = added.data?.openCampaign.targets.find((x: any) => x.service.slug === 'wohngeld').id;
      // Eight claims, each lease expired without an answer (the workers kept dying).
      await t.db.query(
        `UPDATE campaign_target_issue SET attempts = 8, leased_until = $2 WHERE target_id = $1`,
        [target, t.clock.now()],
      );
      const before = github.issues('Dataport/Wohngeld').length;
      await worker().drain();
      const [row] = await t.db.query('SELECT state, detail FROM campaign_target_issue WHERE target_id = $1', [
        target,
      ]);
      expect(row).toEqual({
        state: 'FAILED',
        detail: expect.stringContaining('no outcome after 8 attempts'),
      });
      expect(github.issues('Dataport/Wohngeld').filter((i) => i.body.includes(target))).toHaveLength(0);
      expect(github.issues('Dataport/Wohngeld').length).toBeGreaterThanOrEqual(before);
    });

    it('shows a FAILED issue with its reason, and queues it again on request once the repository exists', async () => {
      await registerService(t, {
        slug: 'geist',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/geist',
        legalBases: [{ norm: 'WoGG', provision: '§ 99' }],
      });
      const opened = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { slug } } } }`,
        { input: { ...input, title: 'Wohngeld § 99', provisions: ['§ 99'] } },
        maintainer,
      );
      const targetId = opened.data?.openCampaign.targets.find((x: any) => x.service.slug === 'geist').id;
      await worker().drain();
      const STATE = `query($id: ID!) { campaign(id: $id) { targets { issueState issueDetail issueUrl service { slug } } } }`;
      const state = async () =>
        (await t.gql(STATE, { id: opened.data?.openCampaign.id }, maintainer)).data?.campaign.targets.find(
          (x: any) => x.service.slug === 'geist',
        );
      // The App is not installed on dataport/geist (GitHub answers 404): tried once more (the
      // installation may just have changed), then FAILED.
      expect(await state()).toMatchObject({
        issueState: 'PENDING',
        issueDetail: expect.stringContaining('HTTP 404'),
      });
      t.clock.set(new Date(t.clock.now().getTime() + 61_000));
      await worker().drain();
      expect(await state()).toMatchObject({
        issueState: 'FAILED',
        issueDetail: expect.stringContaining('HTTP 404'),
        issueUrl: null,
      });
      const RETRY = `mutation($id: ID!) { retryCampaignTargetIssue(targetId: $id) { issueState issueDetail } }`;
      const komfit = await t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'max' });
      expect(errorCode(await t.gql(RETRY, { id: targetId }, komfit))).toBe('FORBIDDEN');
      github.addRepo('dataport/geist', 8);
      const retried = await t.gql(RETRY, { id: targetId }, maintainer);
      expect(retried.data?.retryCampaignTargetIssue).toEqual({ issueState: 'PENDING', issueDetail: null });
      expect(errorCode(await t.gql(RETRY, { id: targetId }, maintainer))).toBe('CONFLICT'); // PENDING already
      await worker().drain();
      expect(await state()).toMatchObject({
        issueState: 'OPENED',
        issueUrl: 'https://github.com/dataport/geist/issues/1',
      });
    });
  });
});

describe('GitHub integration with a token, and without configuration', () => {
  it('opens issues with GITHUB_TOKEN', async () => {
    const github = await new FakeGithub().start();
    github.addRepo('dataport/wohngeld');
    const t = await startTestApp({
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.staticToken,
      GITHUB_WRITE_INTERVAL_MS: '10',
      GITHUB_POLL_INTERVAL_MS: '0',
    });
    try {
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await registerNorm(t, 'WoGG');
      await registerService(t, {
        slug: 'wohngeld',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/wohngeld',
        legalBases: [{ norm: 'WoGG' }],
      });
      const maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport' });
      await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { title: 'Änderung', norm: 'WoGG', effectiveDate: '2027-01-01' } },
        maintainer,
      );
      await t.app.get(GithubWorker).drain();
      expect(github.issues('dataport/wohngeld')).toHaveLength(1);
      expect(github.requests.every((r) => r.authorization === `token ${github.staticToken}`)).toBe(true);
      // Webhooks need a secret: without one every delivery is refused.
      const refused = await request(t.app.getHttpServer())
        .post('/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-github-event', 'ping')
        .set('x-github-delivery', 'x-1')
        .set('x-hub-signature-256', signature('anything-at-all-123', '{}'))
        .send('{}');
      expect(refused.status).toBe(401);
    } finally {
      await t.close();
      await github.stop();
    }
  });

  it('works both queues in the background: a delivery and an issue, without anyone asking', async () => {
    const github = await new FakeGithub().start();
    github.addRepo('dataport/wohngeld');
    const t = await startTestApp({
      GITHUB_API_URL: github.url,
      GITHUB_TOKEN: github.staticToken,
      GITHUB_WEBHOOK_SECRET: SECRET,
      GITHUB_POLL_INTERVAL_MS: '50',
      GITHUB_WRITE_INTERVAL_MS: '10',
    });
    const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> => {
      let value = await read();
      for (let i = 0; i < 60 && !done(value); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        value = await read();
      }
      return value;
    };
    try {
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await registerNorm(t, 'WoGG');
      const serviceId = await registerService(t, {
        slug: 'wohngeld',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/wohngeld',
        legalBases: [{ norm: 'WoGG' }],
      });
      const raw = JSON.stringify(releasePayload('dataport/wohngeld', { tag_name: 'v2.1.0' }));
      const response = await request(t.app.getHttpServer())
        .post('/webhooks/github')
        .set('content-type', 'application/json')
        .set('x-github-event', 'release')
        .set('x-github-delivery', 'background-0001')
        .set('x-hub-signature-256', signature(SECRET, raw))
        .send(raw);
      expect(response.status).toBe(202);
      const versions = await eventually(
        async () =>
          (await t.db.query('SELECT version FROM release WHERE service_id = $1', [serviceId])).map(
            (r: { version: string }) => r.version,
          ),
        (found: string[]) => found.length > 0,
      );
      expect(versions).toEqual(['2.1.0']);

      const maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport' });
      await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { title: 'Änderung', norm: 'WoGG', effectiveDate: '2027-01-01' } },
        maintainer,
      );
      const issues = await eventually(
        async () => github.issues('dataport/wohngeld').length,
        (n) => n > 0,
      );
      expect(issues).toBe(1);
    } finally {
      await t.close();
      await github.stop();
    }
  });

  it('queues nothing when GitHub is not configured, and says so once at start-up', async () => {
    const log = jest.spyOn(Logger.prototype, 'log');
    const t = await startTestApp({ GITHUB_POLL_INTERVAL_MS: '0' });
    try {
      const off = log.mock.calls.filter(([message]) => String(message).startsWith('GitHub integration off'));
      log.mockRestore();
      expect(off).toHaveLength(1);
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await registerNorm(t, 'WoGG');
      await registerService(t, {
        slug: 'wohngeld',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/wohngeld',
        legalBases: [{ norm: 'WoGG' }],
      });
      const maintainer = await t.token({ roles: [Role.MAINTAINER], org: 'dataport' });
      const opened = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { targets { issueUrl } } }`,
        { input: { title: 'Änderung', norm: 'WoGG', effectiveDate: '2027-01-01' } },
        maintainer,
      );
      expect(opened.data?.openCampaign.targets).toEqual([{ issueUrl: null }]);
      const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM campaign_target_issue');
      expect(count).toBe(0);
      expect(await t.app.get(GithubWorker).drain()).toEqual({ deliveries: 0, issues: 0 });
    } finally {
      await t.close();
    }
  });
});
