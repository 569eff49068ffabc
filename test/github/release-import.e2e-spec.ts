import { Role } from '#src/common/auth/role';
import { registerService } from '../support/factories';
import { DIGEST, releasePayload, useGithubWorld } from '../support/github';
import { errorCode } from '../support/test-app';

/** release.published becomes a DRAFT of the linked service; what is skipped and why, and the delivery log. */
describe('GitHub integration', () => {
  const w = useGithubWorld();

  describe('releases in', () => {
    it('turns release.published into a DRAFT ready for QA, created by github', async () => {
      const { t, ids, deliver, worker, delivery, releasesOf } = w;
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
      const { t, maintainer, ids } = w;
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
      const { t, maintainer, ids } = w;
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
      const { github, ids, deliver, worker, delivery, releasesOf } = w;
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
      const { ids, deliver, worker, delivery, releasesOf } = w;
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
      const { ids, deliver, worker, delivery, releasesOf } = w;
      const { id } = await deliver(
        releasePayload('Dataport/Wohngeld', { tag_name: '2.0.0-rc.1', prerelease: true }),
      );
      await worker().drain();
      expect(await delivery(id)).toMatchObject({ outcome: 'PROCESSED' });
      expect((await releasesOf(ids.wohngeld)).map((r) => r.version)).toContain('2.0.0-rc.1');
    });

    it('leaves an existing version alone: versions are immutable', async () => {
      const { ids, deliver, worker, delivery, releasesOf } = w;
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
      const { github, t, operator, maintainer, deliver, worker, delivery, releasesOf } = w;
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
      const { t, operator, maintainer } = w;
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
});
