import request from 'supertest';
import { Role } from '#src/common/auth/role';
import { DIGEST_B, SUBMIT, useReleaseWorld } from '../support/releases';
import { errorCode, type GqlResult } from '../support/test-app';

/**
 * What a screen needs to show the rules before anyone runs into them (issue 16): the actions the
 * viewer may take and why not (answered by the mutations' own checks), whether the viewer may sign
 * a gate, a gate held by the semver rule, the version that would fit, the impact before a release
 * exists, a release by its version, and a REJECT that must say why.
 */
describe('actions and advice for the console', () => {
  // 1.0.0 published, consuming xbau 2.2: a release that drops it is breaking.
  const w = useReleaseWorld({ published: { version: '1.0.0', consumesXbau: '2.2' } });

  const ACTIONS = `query($id: ID!) { release(id: $id) { state actions { action allowed reason message } } }`;
  const GATES = `query($id: ID!) { release(id: $id) { gates { kind status hold pendingSince viewerMaySignOff signOffRefusal signOffRefusalMessage } } }`;
  const MUTATION_OF: Record<string, string> = {
    SUBMIT: `mutation($id: ID!) { submitRelease(id: $id) { id } }`,
    PUBLISH: `mutation($id: ID!) { publishRelease(id: $id) { id } }`,
    DEPRECATE: `mutation($id: ID!) { deprecateRelease(id: $id, reason: "veraltet") { id } }`,
    UPDATE_CONTENTS: `mutation($id: ID!) { updateRelease(id: $id, input: { changes: [] }) { id } }`,
  };

  async function german(query: string, variables: Record<string, unknown>, token: string) {
    const response = await request(w.t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'de')
      .set('authorization', `Bearer ${token}`)
      .send({ query, variables });
    return response.body as {
      data: any;
      errors?: { message: string; extensions: Record<string, unknown> }[];
    };
  }

  const actionsOf = async (id: string, token: string) =>
    Object.fromEntries(
      ((await w.t.gql(ACTIONS, { id }, token)).data!.release.actions as any[]).map((a) => [a.action, a]),
    );

  it("lists the owner's actions with the mutation's own refusal, in German on request", async () => {
    const { t, maintainer, create } = w;
    const id = await create('1.1.0');
    const actions = await actionsOf(id, maintainer);
    expect(Object.keys(actions)).toEqual([
      'UPDATE_NOTES',
      'UPDATE_CONTENTS',
      'UPDATE_ARTIFACT',
      'SUBMIT',
      'PUBLISH',
      'WITHDRAW',
      'DEPRECATE',
    ]);
    expect(actions.SUBMIT).toMatchObject({ allowed: true, reason: null, message: null });
    expect(actions.PUBLISH).toMatchObject({ allowed: false, reason: 'PUBLISH_NOT_IN_REVIEW' });
    // Each answer is what the mutation does: a refusal gives the same reason, an allowed one goes through.
    for (const action of ['PUBLISH', 'DEPRECATE']) {
      const result: GqlResult = await t.gql(MUTATION_OF[action], { id }, maintainer);
      expect(result.errors?.[0]?.extensions.reason).toBe(actions[action].reason);
    }
    const de = await german(ACTIONS, { id }, maintainer);
    const publish = de.data.release.actions.find((a: any) => a.action === 'PUBLISH');
    expect(publish.message).not.toBe(actions.PUBLISH.message);
    expect(publish.message).toMatch(/Version 1\.1\.0/);
    expect((await t.gql(MUTATION_OF.SUBMIT, { id }, maintainer)).errors).toBeUndefined();
    const inReview = await actionsOf(id, maintainer);
    expect(inReview.SUBMIT.allowed).toBe(false);
    expect(inReview.UPDATE_CONTENTS).toMatchObject({ allowed: false });
    expect(errorCode(await t.gql(MUTATION_OF.UPDATE_CONTENTS, { id }, maintainer))).toBe('CONFLICT');
    expect(inReview.PUBLISH).toMatchObject({ allowed: false, reason: 'PUBLISH_NOT_APPROVED' });
    expect(inReview.PUBLISH.message).toContain('needs 1 more USABILITY approval');
  });

  it('gives the operator WAIVE as well, and nobody else any action', async () => {
    const { t, operator, otherMaintainer, reviewer, create } = w;
    const id = await create('1.1.1');
    expect(Object.keys(await actionsOf(id, operator))).toContain('WAIVE');
    expect((await t.gql(ACTIONS, { id }, reviewer.SECURITY)).data!.release.actions).toEqual([]);
    // The published 1.0.0: everyone sees it, only the owner's side may act on it.
    const published = (await t.gql(`{ service(slug: "bauantrag") { release(version: "1.0.0") { id } } }`, {}))
      .data!.service.release.id;
    expect(Object.keys(await actionsOf(published, operator))).toContain('DEPRECATE');
    expect((await t.gql(ACTIONS, { id: published }, otherMaintainer)).data!.release.actions).toEqual([]);
    expect((await t.gql(ACTIONS, { id: published })).data!.release.actions).toEqual([]);
    const kiel = await t.token({ roles: [Role.MUNICIPALITY_ADMIN], org: '010020000000', sub: 'kim' });
    expect((await t.gql(ACTIONS, { id }, kiel)).data!.release).toBeNull(); // a DRAFT it may not see
  });

  it('tells the creator who also reviews that the four-eyes principle keeps her from signing, others not', async () => {
    const { t, create, reviewer } = w;
    const rita = await t.token({
      roles: [Role.MAINTAINER, Role.REVIEWER_SECURITY],
      org: 'dataport',
      sub: 'rita',
      name: 'Rita',
    });
    const id = await create('1.2.0', {}, rita);
    const draft = (await t.gql(GATES, { id }, rita)).data!.release.gates;
    expect(draft).toEqual([]); // gates open at submission
    const submitted = await t.gql(SUBMIT, { id }, rita);
    expect(submitted.errors).toBeUndefined();
    const own = (await t.gql(GATES, { id }, rita)).data!.release.gates;
    const security = own.find((g: any) => g.kind === 'SECURITY');
    expect(security).toMatchObject({ viewerMaySignOff: false, signOffRefusal: 'FOUR_EYES' });
    expect(own.find((g: any) => g.kind === 'USABILITY').signOffRefusal).toBe('GATE_ROLE_REQUIRED');
    const de = (await german(GATES, { id }, rita)).data.release.gates.find((g: any) => g.kind === 'SECURITY');
    expect(de.signOffRefusalMessage).toMatch(/Vier-Augen-Prinzip/);
    const sina = (await t.gql(GATES, { id }, reviewer.SECURITY)).data!.release.gates;
    expect(sina.find((g: any) => g.kind === 'SECURITY')).toMatchObject({
      viewerMaySignOff: true,
      signOffRefusal: null,
      signOffRefusalMessage: null,
    });
    // Waiting since the submission, which is the test clock's now.
    expect(security.pendingSince).toBe(t.clock.now().toISOString());
  });

  it('says in the answer that an interface approval cannot pass a semver-inconsistent release, and what would fit', async () => {
    const { t, maintainer, create, sign } = w;
    // 1.3.0 drops xbau 2.2 (the baseline 1.0.0 consumes it): breaking without a major version.
    const id = await create('1.3.0', { interfaces: [] });
    const impact = await t.gql(
      `query($id: ID!) { release(id: $id) { impact { bump breaking semverConsistent suggestedVersion } } }`,
      { id },
      maintainer,
    );
    expect(impact.data!.release.impact).toEqual({
      bump: 'MINOR',
      breaking: true,
      semverConsistent: false,
      suggestedVersion: '2.0.0',
    });
    await t.gql(SUBMIT, { id }, maintainer);
    const answer = await t.gql(
      `mutation($input: SignOffInput!) { signOff(input: $input) { kind status approvals hold blockedReason } }`,
      { input: { releaseId: id, kind: 'INTERFACES', verdict: 'APPROVE' } },
      w.reviewer.INTERFACES,
    );
    expect(answer.data!.signOff).toEqual({
      kind: 'INTERFACES',
      status: 'PENDING',
      approvals: 1,
      hold: 'SEMVER_INCONSISTENT',
      blockedReason: 'removes xbau 2.2 without a major version',
    });
    expect((await sign(id, 'SECURITY')).data!.signOff).toMatchObject({ status: 'PASSED' });
    const gates = (await t.gql(GATES, { id }, maintainer)).data!.release.gates;
    expect(gates.find((g: any) => g.kind === 'SECURITY')).toMatchObject({ hold: null, pendingSince: null });
  });

  it('refuses a REJECT without a comment at the field, in German on request, and writes nothing', async () => {
    const { t, maintainer, create, sign, release } = w;
    const id = await create('1.0.5', {
      interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }],
    });
    await t.gql(SUBMIT, { id }, maintainer);
    for (const comment of [undefined, '   ']) {
      const refused = await sign(id, 'SECURITY', 'REJECT', w.reviewer.SECURITY, comment);
      expect(refused.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'REJECT_COMMENT_REQUIRED',
        field: 'input.comment',
      });
    }
    const de = await german(
      `mutation($input: SignOffInput!) { signOff(input: $input) { status } }`,
      { input: { releaseId: id, kind: 'SECURITY', verdict: 'REJECT' } },
      w.reviewer.SECURITY,
    );
    expect(de.errors?.[0]?.message).toBe(
      'input.comment: Bitte begründen Sie die Ablehnung: Die Maintainer erfahren sonst nicht, was sie ändern sollen.',
    );
    const gate = (await release(id)).gates.find((g: any) => g.kind === 'SECURITY');
    expect(gate.signOffs).toEqual([]);
    // An APPROVE needs none, a REJECT with one is taken.
    expect((await sign(id, 'USABILITY')).errors).toBeUndefined();
    expect(
      (await sign(id, 'SECURITY', 'REJECT', w.reviewer.SECURITY, 'TLS 1.0 noch aktiv')).data!.signOff,
    ).toMatchObject({ status: 'FAILED' });
  });

  it('previews the impact of a release before it exists, with the same access and input rules as createRelease', async () => {
    const { t, maintainer, otherMaintainer, serviceId } = w;
    const PREVIEW = `query($input: ReleaseImpactPreviewInput!) { releaseImpactPreview(input: $input) {
      bump breaking semverConsistent suggestedVersion baseline { version } added { standard { key } version } removed { standard { key } version } affectedSubscriptions { id } } }`;
    const breaking = await t.gql(
      PREVIEW,
      {
        input: {
          serviceSlug: 'bauantrag',
          version: '1.4.0',
          changes: [{ type: 'BREAKING', description: 'Neues Format' }],
          interfaces: [{ standard: 'xbau', version: '2.2', direction: 'CONSUMES' }],
        },
      },
      maintainer,
    );
    expect(breaking.data!.releaseImpactPreview).toEqual({
      bump: 'MINOR',
      breaking: true,
      semverConsistent: false,
      suggestedVersion: '2.0.0',
      baseline: { version: '1.0.0' },
      added: [],
      removed: [],
      affectedSubscriptions: [],
    });
    const adding = await t.gql(
      PREVIEW,
      {
        input: {
          serviceId,
          version: '1.0.1',
          interfaces: [
            { standard: 'xbau', version: '2.2', direction: 'CONSUMES' },
            { standard: 'xbau', version: '2.3', direction: 'CONSUMES' },
          ],
        },
      },
      maintainer,
    );
    expect(adding.data!.releaseImpactPreview).toMatchObject({
      bump: 'PATCH',
      semverConsistent: true,
      suggestedVersion: '1.1.0',
      added: [{ standard: { key: 'xbau' }, version: '2.3' }],
    });
    const first = await t.gql(PREVIEW, { input: { serviceId, version: '0.9.0' } }, maintainer);
    expect(first.data!.releaseImpactPreview).toMatchObject({
      bump: 'INITIAL',
      baseline: null,
      suggestedVersion: '0.9.0',
    });
    expect(errorCode(await t.gql(PREVIEW, { input: { serviceId, version: '1.4.0' } }, otherMaintainer))).toBe(
      'FORBIDDEN',
    );
    const unknown = await t.gql(
      PREVIEW,
      {
        input: {
          serviceId,
          version: '1.4.0',
          interfaces: [{ standard: 'xfoo', version: '1', direction: 'CONSUMES' }],
        },
      },
      maintainer,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.interfaces[0].standard',
    });
    expect(
      errorCode(
        await t.gql(PREVIEW, { input: { serviceSlug: 'gibt-es-nicht', version: '1.0.0' } }, maintainer),
      ),
    ).toBe('NOT_FOUND');
  });

  it('finds a release by its service and version, as far as the viewer may see it', async () => {
    const { t, maintainer, otherMaintainer, create } = w;
    const id = await create('1.0.7');
    const BY_VERSION = `query($v: SemVer!) { service(slug: "bauantrag") { release(version: $v) { id version } } }`;
    expect((await t.gql(BY_VERSION, { v: '1.0.7' }, maintainer)).data!.service.release).toEqual({
      id,
      version: '1.0.7',
    });
    expect((await t.gql(BY_VERSION, { v: '1.0.7' }, otherMaintainer)).data!.service.release).toBeNull();
    expect((await t.gql(BY_VERSION, { v: '1.0.0' })).data!.service.release).toMatchObject({
      version: '1.0.0',
    });
    expect((await t.gql(BY_VERSION, { v: '9.9.9' }, maintainer)).data!.service.release).toBeNull();
    // A new artifact keeps the page's address: the version does not change.
    await t.gql(
      `mutation($id: ID!, $d: String!) { updateReleaseArtifact(id: $id, artifactDigest: $d) { id } }`,
      { id, d: DIGEST_B },
      maintainer,
    );
    expect((await t.gql(BY_VERSION, { v: '1.0.7' }, maintainer)).data!.service.release.id).toBe(id);
  });
});
