import request from 'supertest';
import { Role } from '#src/common/auth/role';
import { FakeGithub, signature } from './fake-github';
import {
  publishRelease,
  mapNamespace,
  registerNorm,
  registerOrganisation,
  registerService,
  registerStandard,
} from './factories';
import { startTestApp, useWorld, type TestApp } from './test-app';
// After the app: its modules load in the order the application loads them.
import { GithubWorker } from '#src/github/github-worker';

/**
 * The world of the GitHub specs (test/github/*): a fake GitHub with the repositories
 * Dataport/Wohngeld and komfit/bafoeg-digital, the application configured as a GitHub App
 * against it, three services citing the WoGG (two of them on GitHub), and the calls the specs
 * make: webhook deliveries, the worker, and what the database recorded.
 */

export const SECRET = 'current-webhook-secret-0001';
export const OLD_SECRET = 'previous-webhook-secret-0002';
export const DIGEST = `sha256:${'d'.repeat(64)}`;

/** A release.published payload as GitHub sends it (the fields the import reads, and some it does not). */
export function releasePayload(repository: string, release: Record<string, unknown> = {}) {
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

/** The campaign the issue specs open, in variations: WoGG § 22, in force from 2027. */
export const WOHNGELD_PLUS = {
  title: 'Wohngeld-Plus 2027',
  norm: 'WoGG',
  provisions: ['§ 22'],
  amendment: 'BGBl. 2026 I Nr. 99',
  effectiveDate: '2027-01-01',
};
export const CAMPAIGN_TARGETS = `query($id: ID!) { campaign(id: $id) { targets { id issueUrl issueClosedAt state service { slug } } } }`;

export interface ReleaseRow {
  version: string;
  state: string;
  notes: string | null;
  artifact_digest: string;
  created_by: { subject: string; name: string };
  author_subject: string;
  interfaces: unknown[];
}

export interface DeliveryOptions {
  event?: string;
  id?: string;
  /** The secret to sign with (SECRET unless given); null: no signature. */
  secret?: string | null;
  /** The bytes to send instead of the payload's JSON (the signature is still over the JSON). */
  body?: string;
  app?: TestApp;
}

export interface GithubWorld {
  github: FakeGithub;
  t: TestApp;
  /** Olaf, OPERATOR. */
  operator: string;
  /** Mia, MAINTAINER and REVIEWER_SECURITY at Dataport. */
  maintainer: string;
  /** The services: wohngeld (Dataport/Wohngeld, 1.0.0 published), bafoeg, offline (not on GitHub). */
  ids: Record<string, string>;
  /** Sends a delivery the way GitHub does: the body as bytes, its signature, the delivery headers. */
  deliver(payload: unknown, options?: DeliveryOptions): Promise<{ id: string; response: request.Response }>;
  worker(app?: TestApp): GithubWorker;
  /** The application's environment for the fake GitHub. */
  env(extra?: Record<string, string>): Record<string, string>;
  delivery(id: string): Promise<{ outcome: string; detail: string | null; attempts: number } | undefined>;
  releasesOf(serviceId: string): Promise<ReleaseRow[]>;
  close(): Promise<void>;
}

let deliveryCounter = 0;

async function startGithubWorld(): Promise<GithubWorld> {
  const github = await new FakeGithub().start();
  try {
    return await startOn(github);
  } catch (error) {
    await github.stop();
    throw error;
  }
}

async function startOn(github: FakeGithub): Promise<GithubWorld> {
  github.addRepo('Dataport/Wohngeld');
  github.addRepo('komfit/bafoeg-digital');
  const env: GithubWorld['env'] = (extra = {}) => ({
    GITHUB_API_URL: github.url,
    GITHUB_APP_ID: github.appId,
    GITHUB_APP_PRIVATE_KEY: github.privateKey,
    GITHUB_WEBHOOK_SECRET: `${SECRET}, ${OLD_SECRET}`,
    GITHUB_POLL_INTERVAL_MS: '0',
    GITHUB_RETRY_DELAY_MS: '60000',
    GITHUB_WRITE_INTERVAL_MS: '10',
    PUBLIC_URL: 'https://registry.example.org',
    ...extra,
  });
  const t = await startTestApp(env());
  await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
  await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
  await registerNorm(t, 'WoGG', { title: 'Wohngeldgesetz' });
  // Proof of ownership: each owner's GitHub organisation is mapped to it (docs/domain.md).
  await mapNamespace(t, 'dataport', 'dataport');
  await mapNamespace(t, 'komfit', 'komfit');
  const ids: Record<string, string> = {};
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
  return {
    github,
    t,
    ids,
    env,
    operator: await t.token({ roles: [Role.OPERATOR], sub: 'olaf' }),
    maintainer: await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
      org: 'dataport',
      sub: 'mia',
    }),
    deliver(payload, options = {}) {
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
    },
    worker: (app = t) => app.app.get(GithubWorker),
    async delivery(id) {
      const [row] = await t.db.query(
        'SELECT outcome, detail, attempts, repository, action FROM github_delivery WHERE id = $1',
        [id],
      );
      return row;
    },
    releasesOf: (serviceId) =>
      t.db.query<ReleaseRow[]>(
        `SELECT version, state, notes, artifact_digest, artifact_url, created_by, author_subject, interfaces
           FROM release WHERE service_id = $1 ORDER BY created_at, version`,
        [serviceId],
      ),
    async close() {
      await t.close();
      await github.stop();
    },
  };
}

/** The world for the calling describe: started before its tests, closed after them. */
export const useGithubWorld = () => useWorld(startGithubWorld, (w) => w.close());
