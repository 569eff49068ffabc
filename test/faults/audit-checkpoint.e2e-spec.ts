import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CheckpointSigner,
  readCheckpointFile,
  type AuditCheckpoint,
} from '#src/common/audit/audit-checkpoint';
import { AuditCheckpoints } from '#src/common/audit/audit-checkpoints';
import { verifyAuditChain } from '#src/common/audit/verify-chain';
import { Role } from '#src/common/auth/role';
import { ConfigError, loadConfig } from '#src/config/config';
import { registerOrganisation } from '../support/factories';
import { runCli } from '../support/service-process';
import { startTestApp, type TestApp } from '../support/test-app';

const KEY = 'checkpoint-secret-that-is-long-enough-0001';

function checkpointsIn(file: string): AuditCheckpoint[] {
  let text = '';
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as AuditCheckpoint);
}

async function until(condition: () => boolean, what: string, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * The audit chain's head anchored outside the database (docs/operations.md, "Anchoring the audit
 * chain"): signed checkpoints written by the service and by npm run audit:checkpoint, checked by
 * npm run audit:verify -- --checkpoint <file>. Removing the newest events, which the chain alone
 * cannot show, is detected.
 */
describe('fault: the newest audit events removed, against signed checkpoints', () => {
  let t: TestApp;
  let dir: string;
  let file: string;
  let operator: string;
  const env = () => ({ AUDIT_CHECKPOINT_KEY: KEY, AUDIT_CHECKPOINT_FILE: file });
  const head = async () =>
    (await t.db.query('SELECT seq::text AS seq, id, hash FROM audit_event ORDER BY seq DESC LIMIT 1'))[0] as {
      seq: string;
      id: string;
      hash: string;
    };
  /** The same check in this process (what the CLI runs), for the cases whose wording the CLI tests do not need. */
  const verifyHere = async (checkpointFile: string, secret = KEY) => {
    const read = readCheckpointFile(checkpointFile);
    if (!read.ok) {
      return read;
    }
    const signer = new CheckpointSigner({ kind: 'hmac', secret });
    return verifyAuditChain(t.db, undefined, { checkpoints: read.checkpoints, signer });
  };
  const verify = (checkpointFile = file, extra: Record<string, string> = env()) =>
    runCli('audit-verify', t.databaseUrl, ['--checkpoint', checkpointFile], extra);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'audit-checkpoint-'));
    file = join(dir, 'checkpoints.jsonl');
    t = await startTestApp({ ...env(), AUDIT_CHECKPOINT_INTERVAL_MS: '100' });
    operator = await t.token({ roles: [Role.OPERATOR], sub: 'olaf' });
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('has the service checkpoint the head every interval while the chain grows, and not while it is idle', async () => {
    // An empty chain has no head: nothing was written at start-up.
    expect(checkpointsIn(file)).toEqual([]);
    await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
    let expected = await head();
    await until(() => checkpointsIn(file).at(-1)?.hash === expected.hash, 'the first checkpoint');
    await registerOrganisation(t, { key: 'komfit', kind: 'SERVICE_PROVIDER' });
    expected = await head();
    await until(() => checkpointsIn(file).at(-1)?.hash === expected.hash, 'the second checkpoint');
    const written = checkpointsIn(file);
    expect(written.at(-1)).toEqual({
      v: 1,
      seq: expected.seq,
      id: expected.id,
      hash: expected.hash,
      at: t.clock.now().toISOString(),
      alg: 'HMAC-SHA256',
      keyId: expect.stringMatching(/^[0-9a-f]{16}$/),
      sig: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(JSON.stringify(written)).not.toContain(KEY);
    // Idle: four intervals pass, the head is the same, no new line.
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(checkpointsIn(file)).toHaveLength(written.length);
  });

  it('writes one on demand (npm run audit:checkpoint), and an untouched chain passes audit:verify with them', async () => {
    await t.gql(
      `mutation { registerOrganisation(input: { key: "kiel", name: "Kiel", kind: OTHER }) { id } }`,
      {},
      operator,
    );
    await t.app.get(AuditCheckpoints).beforeApplicationShutdown(); // the periodic writer stops here
    const before = checkpointsIn(file).length;
    const cli = await runCli('audit-checkpoint', t.databaseUrl, [], env());
    expect(cli.code).toBe(0);
    const printed = JSON.parse(cli.output) as AuditCheckpoint;
    expect(printed).toMatchObject(await head());
    expect(checkpointsIn(file)).toHaveLength(before + 1);
    expect(checkpointsIn(file).at(-1)).toEqual(printed);

    const intact = await verify();
    expect(intact.output).toMatch(
      new RegExp(`audit chain intact: \\d+ events verified; ${before + 1} checkpoints`),
    );
    expect(intact.code).toBe(0);
  });

  it('refuses a tampered checkpoint, one signed with another key, and an unreadable file', async () => {
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    const forged = join(dir, 'forged.jsonl');
    const last = JSON.parse(lines.at(-1)!) as AuditCheckpoint;
    // A checkpoint moved back to an older head (to hide what came after it) no longer matches its signature.
    const older = JSON.parse(lines[0]) as AuditCheckpoint;
    writeFileSync(
      forged,
      [
        ...lines.slice(0, -1),
        JSON.stringify({ ...last, seq: older.seq, id: older.id, hash: older.hash }),
      ].join('\n'),
    );
    const moved = await verify(forged);
    expect(moved.code).toBe(1);
    expect(moved.output).toContain(`checkpoint at line ${lines.length} of ${forged}`);
    expect(moved.output).toContain('the signature does not match its content');

    const sig = last.sig.startsWith('A') ? `B${last.sig.slice(1)}` : `A${last.sig.slice(1)}`;
    writeFileSync(forged, [...lines.slice(0, -1), JSON.stringify({ ...last, sig })].join('\n'));
    expect(await verifyHere(forged)).toMatchObject({
      ok: false,
      checkpoint: { line: lines.length },
      reason: 'the signature does not match its content',
    });
    expect(await verifyHere(file, 'another-secret-that-is-long-enough-000002')).toMatchObject({
      ok: false,
      checkpoint: { line: 1 },
      reason: expect.stringContaining('signed with another key'),
    });
    writeFileSync(forged, `${lines[0]}\n{"v":1,"seq":"1"\n`);
    expect(await verifyHere(forged)).toEqual({ ok: false, line: 2, reason: 'not JSON' });
    writeFileSync(forged, `${lines[0]}\n{"v":1,"seq":"1"}\n`);
    expect(await verifyHere(forged)).toMatchObject({
      ok: false,
      line: 2,
      reason: expect.stringContaining('not a checkpoint'),
    });
    expect(await verifyHere(join(dir, 'missing.jsonl'))).toMatchObject({
      ok: false,
      reason: expect.stringContaining('cannot read'),
    });
    expect(
      await verify(file, { AUDIT_CHECKPOINT_KEY: 'another-secret-that-is-long-enough-000002' }),
    ).toMatchObject({
      code: 1,
      output: expect.stringContaining('signed with another key'),
    });
    expect(await runCli('audit-verify', t.databaseUrl, ['--checkpoint', file])).toMatchObject({
      code: 1,
      output: expect.stringContaining('AUDIT_CHECKPOINT_KEY (the key that signed it) is not set'),
    });
  });

  it('detects the removal of the newest events, which the chain alone does not show', async () => {
    const checkpointed = await head();
    const [{ count }] = await t.db.query('SELECT count(*)::int AS count FROM audit_event');
    // An attacker with the table owner's rights: the append-only trigger off, the last two events gone.
    await t.db.query('ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only');
    const [, oldestRemoved]: { seq: string; id: string }[] = await t.db.query(
      'SELECT seq::text AS seq, id FROM audit_event ORDER BY seq DESC LIMIT 2',
    );
    await t.db.query('DELETE FROM audit_event WHERE seq >= $1::bigint', [oldestRemoved.seq]);
    // The chain alone sees nothing wrong.
    expect(await verifyAuditChain(t.db)).toEqual({ ok: true, verified: count - 2 });

    // Both events were checkpointed (by the service, and the newest by the CLI): the older one is named.
    const gone = checkpointsIn(file).filter((c) => BigInt(c.seq) >= BigInt(oldestRemoved.seq)).length;
    expect(gone).toBeGreaterThanOrEqual(2);
    const removed = await verify();
    expect(removed.code).toBe(1);
    expect(removed.output).toContain(`names event ${oldestRemoved.id} (seq ${oldestRemoved.seq})`);
    expect(removed.output).toContain(
      `the checkpointed head is no longer in the chain: its newest events were removed (${gone} checkpoints name removed events)`,
    );

    // Forged events put back at the checkpointed positions (the identity reset): still detected.
    await t.db.query(`ALTER TABLE audit_event ALTER COLUMN seq RESTART WITH ${Number(oldestRemoved.seq)}`);
    await registerOrganisation(t, { key: 'luebeck', kind: 'OTHER' });
    await registerOrganisation(t, { key: 'flensburg', kind: 'OTHER' });
    expect((await head()).seq).toBe(checkpointed.seq);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
    const replaced = await verify();
    expect(replaced.code).toBe(1);
    expect(replaced.output).toContain(`names event ${oldestRemoved.id} (seq ${oldestRemoved.seq})`);
    expect(replaced.output).toContain(`the event at seq ${oldestRemoved.seq} is not the checkpointed one`);
  });
});

describe('checkpoint keys', () => {
  it('signs with an Ed25519 private key and verifies with its public key alone', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    // As in an env file: the PEM on one line, its newlines escaped.
    const oneLine = (pem: string) => pem.trim().replace(/\n/g, '\\n');
    const privatePem = oneLine(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());
    const publicPem = oneLine(publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const dir = mkdtempSync(join(tmpdir(), 'audit-ed25519-'));
    const file = join(dir, 'checkpoints.jsonl');
    const t = await startTestApp({ AUDIT_CHECKPOINT_KEY: privatePem, AUDIT_CHECKPOINT_INTERVAL_MS: '0' });
    try {
      await registerOrganisation(t, { key: 'dataport', kind: 'SERVICE_PROVIDER' });
      const signed = await runCli('audit-checkpoint', t.databaseUrl, ['--file', file], {
        AUDIT_CHECKPOINT_KEY: privatePem,
      });
      expect(signed.code).toBe(0);
      expect(JSON.parse(signed.output)).toMatchObject({
        alg: 'Ed25519',
        sig: expect.stringMatching(/^[\w-]{86}$/),
      });
      const byPublic = await runCli('audit-verify', t.databaseUrl, ['--checkpoint', file], {
        AUDIT_CHECKPOINT_KEY: publicPem,
      });
      expect(byPublic.output).toMatch(/audit chain intact: \d+ events verified; 1 checkpoints/);
      // A public key cannot sign: a verifier's machine cannot forge checkpoints.
      const cannot = await runCli('audit-checkpoint', t.databaseUrl, ['--file', file], {
        AUDIT_CHECKPOINT_KEY: publicPem,
      });
      expect(cannot).toMatchObject({ code: 1, output: expect.stringContaining('cannot sign') });
      // In the service, the periodic writer is off with AUDIT_CHECKPOINT_INTERVAL_MS=0, and on demand it signs.
      expect(await t.app.get(AuditCheckpoints).write()).toMatchObject({ alg: 'Ed25519' });
    } finally {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [
      'a short secret',
      { AUDIT_CHECKPOINT_KEY: 'too-short' },
      'AUDIT_CHECKPOINT_KEY: a secret must be at least 32 characters',
    ],
    [
      'a file without a key',
      { AUDIT_CHECKPOINT_FILE: '/tmp/x.jsonl' },
      'AUDIT_CHECKPOINT_KEY: required with AUDIT_CHECKPOINT_FILE',
    ],
    [
      'an RSA key',
      {
        AUDIT_CHECKPOINT_KEY: generateKeyPairSync('rsa', { modulusLength: 1024 })
          .privateKey.export({ type: 'pkcs8', format: 'pem' })
          .toString(),
      },
      'only Ed25519 keys are taken',
    ],
    [
      'a broken PEM',
      { AUDIT_CHECKPOINT_KEY: '-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----' },
      'not a PEM key',
    ],
    ['a negative interval', { AUDIT_CHECKPOINT_INTERVAL_MS: '-1' }, 'AUDIT_CHECKPOINT_INTERVAL_MS'],
  ])('refuses %s at boot', (_label, env, message) => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'test', ...env });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(message);
  });

  it('is off by default: no key, no file, hourly when a key is given', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).audit.checkpoint).toEqual({
      key: null,
      file: undefined,
      intervalMs: 3_600_000,
    });
    expect(loadConfig({ NODE_ENV: 'test', AUDIT_CHECKPOINT_KEY: KEY }).audit.checkpoint).toEqual({
      key: { kind: 'hmac', secret: KEY },
      file: undefined,
      intervalMs: 3_600_000,
    });
  });
});
