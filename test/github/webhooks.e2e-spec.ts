import { Client } from 'pg';
import request from 'supertest';
import { OLD_SECRET, SECRET, releasePayload, useGithubWorld } from '../support/github';
import { signature } from '../support/fake-github';
import { startTestApp } from '../support/test-app';
import { ReleasesService } from '#src/releases/releases.service';

/** Deliveries in: which signatures are accepted, and how the queue survives crashes, locks and failures. */
describe('GitHub integration', () => {
  const w = useGithubWorld();

  describe('webhook signatures', () => {
    const ping = { zen: 'Keep it logically awesome.', hook_id: 1 };

    it('accepts a delivery signed with the current secret and queues it', async () => {
      const { deliver, delivery } = w;
      const { id, response } = await deliver(ping, { event: 'ping' });
      expect(response.status).toBe(202);
      expect(response.body).toEqual({ delivery: id, status: 'queued' });
      expect(await delivery(id)).toMatchObject({ outcome: 'PENDING', attempts: 0 });
    });

    it('accepts the previous secret while it is rotated out', async () => {
      const { deliver, delivery } = w;
      const { id, response } = await deliver(ping, { event: 'ping', secret: OLD_SECRET });
      expect(response.status).toBe(202);
      expect(await delivery(id)).toBeDefined();
    });

    it.each([
      ['a wrong secret', { secret: 'some-other-secret-0003' }],
      ['no signature', { secret: null }],
    ])('refuses %s with 401 and stores nothing', async (_case, options) => {
      const { deliver, delivery } = w;
      const { id, response } = await deliver(ping, { event: 'ping', ...options });
      expect(response.status).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      expect(await delivery(id)).toBeUndefined();
    });

    it('checks the bytes received: the same JSON re-serialised does not match', async () => {
      const { deliver, delivery } = w;
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
      const { t, delivery } = w;
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
      const { ids, deliver, worker, delivery, releasesOf } = w;
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

  describe('the queue', () => {
    it('keeps a delivery received just before a crash, and another instance processes it', async () => {
      const { t, ids, deliver, worker, env, delivery, releasesOf } = w;
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
      const { t, deliver, worker, delivery } = w;
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
      const { t, deliver, worker, env } = w;
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
      const { t, ids, deliver, worker, delivery, releasesOf } = w;
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
});
