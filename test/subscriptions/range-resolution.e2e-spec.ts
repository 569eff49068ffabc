import { Role } from '#src/common/auth/role';
import { SUB_FIELDS, useSubscriptionWorld } from '../support/subscriptions';

/**
 * resolveVersionRange (issue 14, part 8): a range resolved against a service's PUBLISHED
 * releases by exactly the rules of a subscription, so that the console shows, while a range is
 * typed, the version it resolves to. bauantrag has 1.0.0, 1.1.0 and 2.0.0-rc.1 published; the
 * specs below add a DRAFT, a WITHDRAWN release and a deprecation.
 */
const RESOLVE = `query($slug: String!, $range: String!) { resolveVersionRange(serviceSlug: $slug, range: $range) {
  range valid problem version release { id version state } matchingVersions deployableVersions } }`;

describe('resolveVersionRange', () => {
  const w = useSubscriptionWorld();
  const resolve = async (range: string, token?: string, slug = 'bauantrag') => {
    const result = await w.t.gql(RESOLVE, { slug, range }, token);
    expect(result.errors).toBeUndefined();
    return result.data!.resolveVersionRange;
  };

  describe('with the published releases only', () => {
    it.each([
      ['^1.0.0', '1.1.0', ['1.1.0', '1.0.0']],
      ['~1.0.0', '1.0.0', ['1.0.0']],
      ['1.x', '1.1.0', ['1.1.0', '1.0.0']],
      ['*', '1.1.0', ['1.1.0', '1.0.0']],
      ['>=1.0.0 <3.0.0', '1.1.0', ['1.1.0', '1.0.0']],
      // A pre-release only when the range names one of the same major.minor.patch (npm semantics).
      ['^2.0.0-rc.0', '2.0.0-rc.1', ['2.0.0-rc.1']],
      ['>=2.0.0-rc.1', '2.0.0-rc.1', ['2.0.0-rc.1']],
      ['^2.0.0', null, []],
      ['>=1.5.0', null, []],
    ])('resolves %s to %s', async (range, version, matching) => {
      const answer = await resolve(range);
      expect(answer).toMatchObject({ range, valid: true, version, matchingVersions: matching });
      expect(answer.release?.version ?? null).toBe(version);
      expect(answer.problem === null).toBe(version !== null);
    });

    it('names the range and the published versions when none satisfies it, as requestSubscription does', async () => {
      const answer = await resolve('^3.0.0');
      const refused = await w.request(w.manual, '^3.0.0', w.kielAdmin);
      expect(refused.errors?.[0]?.extensions.code).toBe('BAD_USER_INPUT');
      expect(answer.problem).toBe(
        'no published release satisfies the range "^3.0.0" (published: 2.0.0-rc.1, 1.1.0, 1.0.0)',
      );
      expect(refused.errors?.[0]?.message).toBe(`input.versionRange: ${answer.problem}`);
    });

    it.each(['^1.', 'abc', '', '   ', '1.0.0 ||| x', 'v1 oder v2'])(
      "answers a text that is not a range (%j) with valid: false and the scalar's words, not an error",
      async (range) => {
        const answer = await resolve(range);
        expect(answer).toEqual({
          range: range.trim(),
          valid: false,
          problem: `"${range}" is not a semver range`,
          version: null,
          release: null,
          matchingVersions: [],
          deployableVersions: [],
        });
      },
    );

    it('refuses a range over 256 characters as a problem, not by reading it', async () => {
      const answer = await resolve(`${'1.0.0 || '.repeat(40)}1.0.0`);
      expect(answer).toMatchObject({
        valid: false,
        problem: 'must be at most 256 characters',
        version: null,
      });
    });

    it('trims the range as the SemVerRange scalar does', async () => {
      expect(await resolve('  ^1.0.0  ')).toMatchObject({ range: '^1.0.0', valid: true, version: '1.1.0' });
    });

    it('answers anyone the same: anonymous, a municipality, another maintainer, the owner', async () => {
      const answers = [];
      for (const token of [undefined, w.kielAdmin, w.otherMaintainer, w.maintainer, w.operator]) {
        answers.push(await resolve('^1.0.0', token));
      }
      expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
      expect(answers[0].version).toBe('1.1.0');
    });

    it('answers null for an unknown service', async () => {
      const result = await w.t.gql(RESOLVE, { slug: 'gibt-es-nicht', range: '^1.0.0' });
      expect(result.errors).toBeUndefined();
      expect(result.data!.resolveVersionRange).toBeNull();
    });

    it('refuses an invalid token also here (UNAUTHENTICATED)', async () => {
      const result = await w.t.gql(RESOLVE, { slug: 'bauantrag', range: '^1.0.0' }, 'not-a-token');
      expect(result.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    });
  });

  describe('with releases that are not adoptable', () => {
    let draft: string;
    beforeAll(async () => {
      // 1.2.0 stays a DRAFT, 1.3.0 is withdrawn, 1.1.0 is deprecated: none of them is a target.
      const create = (version: string) =>
        w.t.gql(
          `mutation($input: CreateReleaseInput!) { createRelease(input: $input) { id } }`,
          { input: { serviceId: w.manual, version, artifactDigest: `sha256:${'d'.repeat(64)}` } },
          w.maintainer,
        );
      draft = (await create('1.2.0')).data!.createRelease.id;
      const withdrawn = (await create('1.3.0')).data!.createRelease.id;
      const withdraw = await w.t.gql(
        `mutation($id: ID!) { withdrawRelease(id: $id, reason: "Fehler") { state } }`,
        { id: withdrawn },
        w.maintainer,
      );
      expect(withdraw.errors).toBeUndefined();
      const deprecate = await w.t.gql(
        `mutation($id: ID!) { deprecateRelease(id: $id, reason: "Sicherheitslücke") { state } }`,
        { id: w.releases['1.1.0'] },
        w.maintainer,
      );
      expect(deprecate.errors).toBeUndefined();
    });

    it('leaves a deprecated release out of the target and the matches, but not out of what a deployment may name', async () => {
      expect(await resolve('^1.0.0')).toMatchObject({
        valid: true,
        problem: null,
        version: '1.0.0',
        matchingVersions: ['1.0.0'],
        deployableVersions: ['1.1.0', '1.0.0'],
      });
    });

    it('never resolves to a DRAFT or a WITHDRAWN release, also for the owner who sees them', async () => {
      for (const token of [undefined, w.maintainer]) {
        const answer = await resolve('~1.2.0 || ~1.3.0', token);
        expect(answer).toMatchObject({
          valid: true,
          version: null,
          matchingVersions: [],
          deployableVersions: [],
        });
      }
      const onlyDeprecated = await resolve('~1.1.0');
      expect(onlyDeprecated.version).toBeNull();
      expect(onlyDeprecated.problem).toContain('no published release satisfies the range "~1.1.0"');
      expect(onlyDeprecated.deployableVersions).toEqual(['1.1.0']);
      expect(draft).toBeDefined();
    });

    it('resolves to the release a subscription with the same range targets', async () => {
      for (const range of ['^1.0.0', '>=1.0.0', '^2.0.0-rc.0', '*']) {
        const gemeinde = String(range.length).padStart(3, '0');
        const organisation = `010580${gemeinde}${gemeinde}`; // an amtsfreie Gemeinde
        // A fresh subscriber per range: one open subscription per organisation and service.
        const registered = await w.t.gql(
          `mutation($input: RegisterOrganisationInput!) { registerOrganisation(input: $input) { key } }`,
          { input: { key: organisation, name: `Gemeinde ${range}`, kind: 'MUNICIPALITY' } },
          w.operator,
        );
        expect(registered.errors).toBeUndefined();
        const admin = await w.t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: organisation });
        const subscribed = await w.request(w.manual, range, admin);
        expect(subscribed.errors).toBeUndefined();
        const answer = await resolve(range, admin);
        expect(answer.version).not.toBeNull();
        expect(answer.version).toBe(subscribed.data!.requestSubscription.targetRelease.version);
      }
      expect(SUB_FIELDS).toContain('targetRelease');
    });
  });
});
