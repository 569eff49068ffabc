import { Logger } from '@nestjs/common';
import request from 'supertest';
import { Role } from '#src/common/auth/role';
import { FakeGithub, signature } from '../support/fake-github';
import { registerNorm, registerOrganisation, registerService, mapNamespace } from '../support/factories';
import { SECRET, releasePayload } from '../support/github';
import { startTestApp } from '../support/test-app';
// After the app: its modules load in the order the application loads them.
import { GithubWorker } from '#src/github/github-worker';

/** GitHub with a personal token instead of an App, both queues worked in the background, and GitHub not configured. */
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
      await mapNamespace(t, 'dataport', 'dataport');
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
      await mapNamespace(t, 'dataport', 'dataport');
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
        () => Promise.resolve(github.issues('dataport/wohngeld').length),
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
      await mapNamespace(t, 'dataport', 'dataport');
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
