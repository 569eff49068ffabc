import { registerService } from '../support/factories';
import { CAMPAIGN_TARGETS, WOHNGELD_PLUS, useGithubWorld } from '../support/github';
import { startTestApp } from '../support/test-app';

/** Issues out: one issue per campaign target on GitHub, paced and rate-limited; closing and reopening come back in. */
describe('GitHub integration', () => {
  const w = useGithubWorld();

  describe('issues out', () => {
    const OPEN = `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) {
      id targets { id issueUrl issueClosedAt state service { slug } } } }`;

    it('opens one issue per target whose service links a repository, even with three workers and a lost answer', async () => {
      const { github, t, maintainer, ids, worker, env } = w;
      github.createDelayMs = 150;
      // GitHub's clock runs with ours but keeps whole seconds: the issue looks older than its queueing.
      t.clock.set(new Date(t.clock.now().getTime() + 500));
      github.now = () => t.clock.now();
      // GitHub opens the first issue but its answer is lost: the job is retried and finds it.
      github.failNext('POST', /\/issues$/, { kind: 'lose-response' });
      const opened = await t.gql(OPEN, { input: { ...WOHNGELD_PLUS, provisions: [] } }, maintainer);
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
      const targets = (await t.gql(CAMPAIGN_TARGETS, { id: campaign.id }, maintainer)).data?.campaign.targets;
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
      const { github, t, maintainer, worker } = w;
      github.failNext('POST', /\/issues$/, { kind: 'secondary-rate-limit', retryAfter: 1 });
      const before = github.count('POST', /bafoeg-digital\/issues$/);
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { ...WOHNGELD_PLUS, title: 'BAföG-Änderung', provisions: ['§ 1'] } },
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
      const { github, t, maintainer, ids, deliver, worker, delivery } = w;
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
        (await t.gql(CAMPAIGN_TARGETS, { id: ids.campaign }, maintainer)).data?.campaign.targets.find(
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
      const { github, t, maintainer, worker, env } = w;
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
          { input: { ...WOHNGELD_PLUS, title: 'Wohngeld § 42', provisions: ['§ 42', '§ 22'] } },
          maintainer,
        );
        const campaignId = opened.data?.openCampaign.id;
        const count = async () =>
          (await t.gql(CAMPAIGN_TARGETS, { id: campaignId }, maintainer)).data?.campaign.targets.filter(
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
  });
});
