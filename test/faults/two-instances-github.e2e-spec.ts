import { CAMPAIGN_TARGETS, WOHNGELD_PLUS, releasePayload, useGithubWorld } from '../support/github';
import { startTestApp, type TestApp } from '../support/test-app';

const TAGS = Array.from({ length: 10 }, (_, i) => `v6.0.${i}`);
/** Delivery ids are GitHub's GUIDs: letters, digits and dashes. */
const deliveryId = (tag: string) => `race-${tag.replace(/\./g, '-')}`;
const CAMPAIGNS = ['Wohngeld 2027 I', 'Wohngeld 2027 II', 'Wohngeld 2027 III'];

/**
 * Two instances on one database with both GitHub queues full: each webhook delivery (sent to
 * both, as GitHub's redelivery may) is stored once and processed once, and each campaign target
 * gets one issue, while the workers of both instances run at the same time.
 */
describe('fault: two instances work the GitHub queues at once', () => {
  const w = useGithubWorld();
  let second: TestApp;

  beforeAll(async () => {
    second = await startTestApp(w.env(), { sharing: w.t });
  });
  afterAll(() => second?.close());

  it('stores, processes and imports each delivery once, and opens one issue per target', async () => {
    const { github, t, maintainer, ids, deliver, worker, delivery, releasesOf } = w;
    const campaignIds: string[] = [];
    for (const title of CAMPAIGNS) {
      const opened = await t.gql(
        `mutation($input: OpenCampaignInput!) { openCampaign(input: $input) { id } }`,
        { input: { ...WOHNGELD_PLUS, title, provisions: [] } },
        maintainer,
      );
      expect(opened.errors).toBeUndefined();
      campaignIds.push(opened.data?.openCampaign.id);
    }
    // Each delivery reaches both instances at once (a redelivery racing the original).
    const sent = await Promise.all(
      TAGS.flatMap((tag, i) => {
        const payload = releasePayload('Dataport/Wohngeld', { tag_name: tag, id: 6000 + i });
        const id = deliveryId(tag);
        return [deliver(payload, { id }), deliver(payload, { id, app: second })];
      }),
    );
    for (let i = 0; i < TAGS.length; i++) {
      const statuses = [sent[2 * i].response.status, sent[2 * i + 1].response.status].sort();
      expect(statuses).toEqual([200, 202]); // stored once, acknowledged as a duplicate once
    }
    // Slow issue creation, so that the workers' GitHub calls overlap.
    github.createDelayMs = 100;
    const done = { deliveries: 0, issues: 0 };
    const byInstance = [0, 0];
    const pendingIssues = async () =>
      (
        await t.db.query(`SELECT count(*)::int AS count FROM campaign_target_issue WHERE state = 'PENDING'`)
      )[0].count as number;
    const started = Date.now();
    try {
      // A worker steps back while the other holds the one issue in flight: drain until both queues are empty.
      for (let round = 0; round < 20 && (round === 0 || (await pendingIssues()) > 0); round++) {
        const results = await Promise.all([worker().drain(), worker(second).drain()]);
        results.forEach((result, i) => {
          done.deliveries += result.deliveries;
          done.issues += result.issues;
          byInstance[i] += result.deliveries + result.issues;
        });
      }
    } finally {
      github.createDelayMs = 0;
    }
    const elapsed = Date.now() - started;

    expect(done.deliveries).toBe(TAGS.length);
    for (const tag of TAGS) {
      expect(await delivery(deliveryId(tag))).toMatchObject({
        outcome: 'PROCESSED',
        attempts: 1,
      });
    }
    const imported = (await releasesOf(ids.wohngeld)).filter((r) => r.version.startsWith('6.0.'));
    expect(imported.map((r) => r.version).sort()).toEqual(TAGS.map((tag) => tag.slice(1)).sort());
    const [{ creates }] = await t.db.query(
      `SELECT count(*)::int AS creates FROM audit_event WHERE action = 'release.create' AND data::jsonb->>'version' LIKE '6.0.%'`,
    );
    expect(creates).toBe(TAGS.length);

    // Two targets per campaign link a GitHub repository: one issue each, and no second attempt.
    expect(done.issues).toBe(2 * CAMPAIGNS.length);
    expect(github.issues('Dataport/Wohngeld')).toHaveLength(CAMPAIGNS.length);
    expect(github.issues('komfit/bafoeg-digital')).toHaveLength(CAMPAIGNS.length);
    expect(github.count('POST', /\/issues$/)).toBe(2 * CAMPAIGNS.length);
    for (const campaignId of campaignIds) {
      const targets = (await t.gql(CAMPAIGN_TARGETS, { id: campaignId }, maintainer)).data?.campaign.targets;
      const urls = targets.map((x: any) => x.issueUrl).filter(Boolean);
      expect(urls).toHaveLength(2);
    }
    const allUrls = [...github.issues('Dataport/Wohngeld'), ...github.issues('komfit/bafoeg-digital')].map(
      (issue) => issue.html_url,
    );
    expect(new Set(allUrls).size).toBe(2 * CAMPAIGNS.length);
    const [{ opened }] = await t.db.query(
      `SELECT count(*)::int AS opened FROM audit_event WHERE action = 'campaign.issueOpened'`,
    );
    expect(opened).toBe(2 * CAMPAIGNS.length);
    process.stdout.write(
      `two instances: ${2 * TAGS.length} webhook posts, ${TAGS.length} deliveries and ${done.issues} issues worked in ${elapsed} ms (${byInstance.join(' + ')} by instance)\n`,
    );
  });
});
