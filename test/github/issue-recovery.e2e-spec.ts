import { Client } from 'pg';
import { Role } from '#src/common/auth/role';
import { registerService } from '../support/factories';
import { CAMPAIGN_TARGETS, WOHNGELD_PLUS, useGithubWorld } from '../support/github';
import { errorCode } from '../support/test-app';

/** Issues out when a worker holds a job, dies mid-call or runs out of attempts, and when GitHub answers 404. */
describe('GitHub integration', () => {
  const w = useGithubWorld();

  describe('issues out when workers die or GitHub refuses', () => {
    it('passes over an issue another worker holds, and opens it once that worker is gone', async () => {
      const { github, t, maintainer, worker } = w;
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { targets { id service { slug } } } }`,
        { input: { ...WOHNGELD_PLUS, title: 'Wohngeld § 22 (2)', provisions: ['§ 22'] } },
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
      const { github, t, maintainer, deliver, worker, delivery } = w;
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { slug } } } }`,
        { input: { ...WOHNGELD_PLUS, title: 'Wohngeld § 22 (3)', provisions: ['§ 22'] } },
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
      const targets = (await t.gql(CAMPAIGN_TARGETS, { id: campaignId }, maintainer)).data?.campaign.targets;
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
      const { github, t, maintainer, worker } = w;
      t.clock.set(new Date(t.clock.now().getTime() + 2 * 3_600_000));
      const added = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { targets { id service { slug } } } }`,
        { input: { ...WOHNGELD_PLUS, title: 'Wohngeld § 22 (4)', provisions: ['§ 22'] } },
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
      const { github, t, maintainer, worker } = w;
      await registerService(t, {
        slug: 'geist',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/dataport/geist',
        legalBases: [{ norm: 'WoGG', provision: '§ 99' }],
      });
      const opened = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id targets { id service { slug } } } }`,
        { input: { ...WOHNGELD_PLUS, title: 'Wohngeld § 99', provisions: ['§ 99'] } },
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
      // viewerActions offers the retry exactly where retryCampaignTargetIssue accepts it.
      const offersRetry = async (token: string) =>
        (
          await t.gql(
            `query($id: ID!) { campaign(id: $id) { targets { id viewerActions } } }`,
            { id: opened.data?.openCampaign.id },
            token,
          )
        ).data?.campaign.targets
          .find((x: any) => x.id === targetId)
          .viewerActions.includes('RETRY_ISSUE');
      expect(await offersRetry(maintainer)).toBe(true);
      expect(await offersRetry(komfit)).toBe(false);
      expect(errorCode(await t.gql(RETRY, { id: targetId }, komfit))).toBe('FORBIDDEN');
      github.addRepo('dataport/geist', 8);
      const retried = await t.gql(RETRY, { id: targetId }, maintainer);
      expect(retried.data?.retryCampaignTargetIssue).toEqual({ issueState: 'PENDING', issueDetail: null });
      expect(await offersRetry(maintainer)).toBe(false);
      expect(errorCode(await t.gql(RETRY, { id: targetId }, maintainer))).toBe('CONFLICT'); // PENDING already
      await worker().drain();
      expect(await state()).toMatchObject({
        issueState: 'OPENED',
        issueUrl: 'https://github.com/dataport/geist/issues/1',
      });
      expect(await offersRetry(maintainer)).toBe(false); // an opened issue is never opened twice
    });
  });
});
