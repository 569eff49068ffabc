import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { Role } from '#src/common/auth/role';
import { MAX_FILE_BYTES } from '#src/publiccode/publiccode-reader';
import { useGithubWorld } from '../support/github';
import { changedTables, rowCounter, type RowCounts } from '../support/row-counts';
import { startTestApp } from '../support/test-app';
import { mapNamespace, registerNorm, registerOrganisation, registerService } from '../support/factories';
// After the app: its modules load in the order the application loads them.
import { PubliccodeService } from '#src/publiccode/publiccode.service';

/**
 * importPubliccode (issue 20, part 2; docs/opencode.md): a real publiccode.yml (MUCGPT of the
 * Landeshauptstadt München, test/fixtures/publiccode) takes over a service's description and
 * leaves what the registry owns; each class of bad file is refused with its reason and writes
 * nothing; the file is read from the service's GitHub repository through the Contents API of a
 * fake GitHub (test/support/fake-github.ts).
 */

const MUCGPT = readFileSync(join(__dirname, '../fixtures/publiccode/mucgpt.publiccode.yml'), 'utf8');

const IMPORT = `mutation($id: ID, $slug: String, $text: String, $dryRun: Boolean) {
  importPubliccode(serviceId: $id, serviceSlug: $slug, text: $text, dryRun: $dryRun) {
    dryRun applied source publiccodeYmlVersion
    changes { field key before after }
    skipped { key line reason }
    service { name summary description license repositoryUrl lifecycle leikaKeys owner { key } legalBases { norm { abbreviation } provision } }
  }
}`;

const SERVICE_ROW = `SELECT slug, name, summary, description, leika_keys, keywords, ozg_ids, themenfeld, maturity_level,
  maturity_model, sdg_relevant, lifecycle, reuse_model, subscription_approval, owner_id, license, repository_url,
  qa_policy, updated_at FROM online_service WHERE id = $1`;

describe('importPubliccode', () => {
  const w = useGithubWorld();
  // The MUCGPT file links its repository in it-at-m: Dataport's to link, as an OPERATOR mapped it.
  beforeAll(() => mapNamespace(w.t, 'it-at-m', 'dataport'));
  let countRows: () => Promise<RowCounts>;
  let wohngeld: string;

  beforeAll(async () => {
    countRows = await rowCounter(w.t.db);
    wohngeld = w.ids.wohngeld;
    await w.t.gql(
      `mutation($id: ID!, $input: UpdateServiceInput!) { updateService(id: $id, input: $input) { id } }`,
      {
        id: wohngeld,
        input: { leikaKeys: ['99107023037000'], themenfeld: 'BAUEN_WOHNEN', keywords: ['Mietzuschuss'] },
      },
      w.operator,
    );
  });

  /** The service's row and every table's count, to show that a refused import wrote nothing. */
  async function snapshot(id: string) {
    return { rows: await countRows(), service: await w.t.db.query(SERVICE_ROW, [id]) };
  }
  async function expectUnchanged(id: string, before: Awaited<ReturnType<typeof snapshot>>) {
    const after = await snapshot(id);
    expect(changedTables(before.rows, after.rows)).toEqual([]);
    expect(after.service).toEqual(before.service);
  }

  it('shows in a dry run what the MUCGPT file changes, writing nothing', async () => {
    const before = await snapshot(wohngeld);
    const result = await w.t.gql(IMPORT, { id: wohngeld, text: MUCGPT, dryRun: true }, w.maintainer);
    expect(result.errors).toBeUndefined();
    const answer = result.data!.importPubliccode;
    expect(answer).toMatchObject({
      dryRun: true,
      applied: false,
      source: 'text',
      publiccodeYmlVersion: '0.5.0',
    });
    expect(answer.changes.map((c: { field: string; key: string }) => [c.field, c.key])).toEqual([
      ['name', 'name'],
      ['summary', 'description.de.shortDescription'],
      ['description', 'description.de.longDescription'],
      ['license', 'legal.license'],
      ['repositoryUrl', 'url'],
    ]);
    expect(answer.changes[1]).toEqual({
      field: 'summary',
      key: 'description.de.shortDescription',
      before: 'Eine Leistung',
      after:
        'MUCGPT ist ein KI-Werkzeug mit wiederverwendbaren, teilbaren Assistenten und erweiterbaren Tools.',
    });
    expect(answer.skipped).toEqual([]);
    expect(answer.service.name).toBe('Service wohngeld');
    await expectUnchanged(wohngeld, before);
  });

  it("refuses a file whose repository lies outside the owner's forge namespaces, and writes nothing", async () => {
    const before = await snapshot(wohngeld);
    const elsewhere = MUCGPT.replace(
      'url: https://github.com/it-at-m/mucgpt',
      'url: https://github.com/someone/mucgpt',
    );
    const result = await w.t.gql(IMPORT, { id: wohngeld, text: elsewhere }, w.maintainer);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'REPOSITORY_NOT_IN_NAMESPACE',
    });
    await expectUnchanged(wohngeld, before);
  });

  it('applies it in one transaction with its audit event, and leaves owner, legal bases and LeiKa keys', async () => {
    const result = await w.t.gql(IMPORT, { id: wohngeld, text: MUCGPT }, w.maintainer);
    expect(result.errors).toBeUndefined();
    const answer = result.data!.importPubliccode;
    expect(answer).toMatchObject({ dryRun: false, applied: true });
    expect(answer.service).toMatchObject({
      name: 'MUCGPT',
      summary:
        'MUCGPT ist ein KI-Werkzeug mit wiederverwendbaren, teilbaren Assistenten und erweiterbaren Tools.',
      license: 'MIT',
      repositoryUrl: 'https://github.com/it-at-m/mucgpt',
      // What the registry owns: untouched, though the file says stable and names another copyright owner.
      lifecycle: 'DEVELOPMENT',
      leikaKeys: ['99107023037000'],
      owner: { key: 'dataport' },
      legalBases: [{ norm: { abbreviation: 'WoGG' }, provision: '§ 22' }],
    });
    expect(answer.service.description).toMatch(
      /^# MUCGPT 2\.0 - Assistenten im Mittelpunkt\n\nMUCGPT ist eine Assistenten-Plattform/,
    );
    const [row] = await w.t.db.query(
      `SELECT themenfeld, keywords, reuse_model, slug FROM online_service WHERE id = $1`,
      [wohngeld],
    );
    expect(row).toEqual({
      themenfeld: 'BAUEN_WOHNEN',
      keywords: ['Mietzuschuss'],
      reuse_model: 'EFA_CENTRAL',
      slug: 'wohngeld',
    });
    const audit = await w.t.gql(
      `query($id: ID!) { auditTrail(entityId: $id) { action actor data } }`,
      { id: wohngeld },
      w.operator,
    );
    const last = audit.data!.auditTrail.at(-1);
    expect(last).toMatchObject({ action: 'service.importPubliccode', actor: 'mia' });
    expect(JSON.parse(last.data)).toMatchObject({
      name: 'MUCGPT',
      license: 'MIT',
      repositoryUrl: 'https://github.com/it-at-m/mucgpt',
      publiccode: { source: 'text' },
    });
    // The search finds it by its new words (the vocabulary learnt them at commit).
    const found = await w.t.gql(
      `{ services(filter: { search: "Assistenten" }) { edges { node { slug } } } }`,
    );
    expect(found.data!.services.edges.map((e: { node: { slug: string } }) => e.node.slug)).toContain(
      'wohngeld',
    );
  });

  it('changes nothing, and audits nothing, when the same file comes again', async () => {
    const before = await snapshot(wohngeld);
    const result = await w.t.gql(IMPORT, { slug: 'wohngeld', text: MUCGPT }, w.maintainer);
    expect(result.data!.importPubliccode).toMatchObject({ applied: false, changes: [] });
    await expectUnchanged(wohngeld, before);
  });

  const VALID = MUCGPT;
  it.each([
    [
      'an unknown key',
      `${VALID}tags:\n  - ki\n`,
      'PUBLICCODE_INVALID',
      { rule: 'UNKNOWN_KEY', field: 'tags', line: 140 },
    ],
    [
      'a wrong type',
      VALID.replace('localisationReady: true', 'localisationReady: "ja"'),
      'PUBLICCODE_INVALID',
      { rule: 'WRONG_TYPE', field: 'localisation.localisationReady', line: 126 },
    ],
    [
      'a missing key',
      VALID.replace('  license: MIT\n', ''),
      'PUBLICCODE_INVALID',
      { rule: 'REQUIRED', field: 'legal.license', line: 118 },
    ],
    ['malformed YAML', `${VALID}name: [\n`, 'PUBLICCODE_INVALID', { rule: 'YAML_SYNTAX', field: '' }],
    [
      'a name longer than the registry keeps',
      VALID.replace('name: MUCGPT', `name: ${'M'.repeat(201)}`),
      'PUBLICCODE_INVALID',
      { rule: 'REGISTRY_TOO_LONG', field: 'name', line: 2 },
    ],
    [
      'a YAML alias bomb',
      `${VALID}x: &a [1,1,1,1,1,1,1,1,1,1]\ny: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nz: [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\n`,
      'PUBLICCODE_ALIAS_LIMIT',
      undefined,
    ],
  ])('refuses %s with its reason and writes nothing', async (_what, text, reason, problem) => {
    const before = await snapshot(wohngeld);
    const result = await w.t.gql(IMPORT, { id: wohngeld, text }, w.maintainer);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason, field: 'text' });
    if (problem) {
      expect(result.errors?.[0].extensions.problems).toContainEqual(expect.objectContaining(problem));
    }
    await expectUnchanged(wohngeld, before);
  });

  it('says each problem in German too, with its line', async () => {
    const response = await request(w.t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('accept-language', 'de')
      .set('authorization', `Bearer ${w.maintainer}`)
      .send({ query: IMPORT, variables: { id: wohngeld, text: `${VALID}tags: [ki]\n` } });
    expect(response.body.errors[0].message).toBe(
      'text: Die publiccode.yml entspricht nicht dem Standard: Zeile 140, tags: ist kein Schlüssel des ' +
        'publiccode.yml-Standards. Es wurde nichts übernommen.',
    );
    expect(response.body.errors[0].extensions.problems).toEqual([
      {
        line: 140,
        column: 1,
        field: 'tags',
        rule: 'UNKNOWN_KEY',
        message: 'is not a key of the publiccode.yml standard',
      },
    ]);
  });

  it('refuses a file over 1 MiB: the request over the API, the file from elsewhere by its size', async () => {
    const before = await snapshot(wohngeld);
    const huge = `${VALID}# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    const response = await request(w.t.app.getHttpServer())
      .post('/graphql')
      .set('content-type', 'application/json')
      .set('authorization', `Bearer ${w.maintainer}`)
      .send({ query: IMPORT, variables: { id: wohngeld, text: huge } });
    // The API takes no body over 1 MiB at all (domain.md, "Errors").
    expect(response.status).toBe(413);
    expect(response.body.errors[0].extensions).toMatchObject({
      code: 'BAD_REQUEST',
      reason: 'BODY_TOO_LARGE',
    });
    // The use case's own limit, which a text just under the body limit or a repository's file meets.
    const maintainer = {
      subject: 'mia',
      name: 'mia',
      organisation: { id: '', key: 'dataport' },
      roles: [Role.MAINTAINER],
    };
    const owner = await w.t.db.query(`SELECT id FROM organisation WHERE key = 'dataport'`);
    maintainer.organisation.id = owner[0].id;
    await expect(
      w.t.app.get(PubliccodeService).import(maintainer as never, wohngeld, huge, false),
    ).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PUBLICCODE_TOO_LARGE',
      details: { field: 'text' },
    });
    await expectUnchanged(wohngeld, before);
  });

  it("is for the owner's MAINTAINER and OPERATORs: another organisation's MAINTAINER may not even dry-run it", async () => {
    const komfit = await w.t.token({ roles: [Role.MAINTAINER], org: 'komfit', sub: 'karla' });
    const result = await w.t.gql(IMPORT, { id: wohngeld, text: MUCGPT, dryRun: true }, komfit);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_OWNER' });
    const unknown = await w.t.gql(IMPORT, { slug: 'no-such-service', text: MUCGPT }, w.operator);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'SERVICE_NOT_FOUND' });
  });

  describe("from the service's GitHub repository", () => {
    const FILE = MUCGPT.replace(
      'url: https://github.com/it-at-m/mucgpt',
      'url: https://github.com/komfit/bafoeg-digital',
    ).replace('name: MUCGPT', 'name: BAföG digital');

    it('reads publiccode.yml at the root of the default branch through the Contents API', async () => {
      w.github.addFile('komfit/bafoeg-digital', 'publiccode.yml', FILE);
      const result = await w.t.gql(IMPORT, { id: w.ids.bafoeg, dryRun: true }, w.operator);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importPubliccode).toMatchObject({
        source: 'https://github.com/komfit/bafoeg-digital/blob/main/publiccode.yml',
        applied: false,
      });
      expect(result.data!.importPubliccode.changes.map((c: { field: string }) => c.field)).toEqual([
        'name',
        'summary',
        'description',
        'license',
      ]);
      // The App's installation token, on the repository's contents.
      expect(w.github.count('GET', /^\/repos\/komfit\/bafoeg-digital\/contents\/publiccode\.yml$/)).toBe(1);
      const applied = await w.t.gql(IMPORT, { id: w.ids.bafoeg }, w.operator);
      expect(applied.data!.importPubliccode).toMatchObject({
        applied: true,
        service: { name: 'BAföG digital' },
      });
    });

    it('reads a file of more than 1 MB (and at most 1 MiB) raw, as GitHub hands it out', async () => {
      const padded = `${FILE}# ${'x'.repeat(1_000_100 - FILE.length)}\n`;
      expect(padded.length).toBeGreaterThan(1_000_000);
      w.github.addFile('komfit/bafoeg-digital', 'publiccode.yml', padded);
      const result = await w.t.gql(IMPORT, { id: w.ids.bafoeg, dryRun: true }, w.operator);
      expect(result.errors).toBeUndefined();
      expect(result.data!.importPubliccode.changes).toEqual([]);
    });

    it('refuses a file over 1 MiB by its size, without downloading it', async () => {
      w.github.addFile('komfit/bafoeg-digital', 'publiccode.yml', `${FILE}# ${'x'.repeat(MAX_FILE_BYTES)}\n`);
      const raw = w.github.count('GET', /contents/);
      const result = await w.t.gql(IMPORT, { id: w.ids.bafoeg }, w.operator);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'PUBLICCODE_TOO_LARGE',
      });
      expect(result.errors?.[0].extensions.field).toBeUndefined();
      expect(w.github.count('GET', /contents/)).toBe(raw + 1);
    });

    it('says when the repository has no publiccode.yml, when GitHub refuses, and when no GitHub repository is linked', async () => {
      const missing = await w.t.gql(IMPORT, { id: w.ids.wohngeld }, w.operator);
      expect(missing.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PUBLICCODE_NOT_IN_REPOSITORY',
      });
      expect(missing.errors?.[0].message).toContain('it-at-m/mucgpt');

      // An App without the Contents permission (GitHub does not retry a 403, nor does octokit).
      w.github.failNext('GET', /contents/, {
        kind: 'status',
        status: 403,
        message: 'Resource not accessible by integration',
      });
      const failing = await w.t.gql(IMPORT, { id: w.ids.bafoeg }, w.operator);
      expect(failing.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PUBLICCODE_REPOSITORY_UNAVAILABLE',
      });
      expect(failing.errors?.[0].message).toContain('HTTP 403');

      const gitlab = await w.t.gql(IMPORT, { id: w.ids.offline }, w.operator);
      expect(gitlab.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PUBLICCODE_NO_REPOSITORY',
      });
    });
  });
});

describe('importPubliccode without GitHub', () => {
  it('refuses to read a repository when GitHub is not configured, and takes a text all the same', async () => {
    const t = await startTestApp();
    try {
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      await mapNamespace(t, 'dataport', 'dataport');
      await registerNorm(t, 'WoGG');
      const id = await registerService(t, {
        slug: 'wohngeld',
        ownerKey: 'dataport',
        repositoryUrl: 'https://github.com/Dataport/Wohngeld',
      });
      const operator = await t.token({ roles: [Role.OPERATOR] });
      const result = await t.gql(IMPORT, { id }, operator);
      expect(result.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'GITHUB_NOT_CONFIGURED',
      });
      const text = await t.gql(IMPORT, { id, text: MUCGPT, dryRun: true }, operator);
      expect(text.errors).toBeUndefined();
    } finally {
      await t.close();
    }
  });
});
