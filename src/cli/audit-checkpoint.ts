import { parseArgs } from 'node:util';
import { appendCheckpoint, CheckpointSigner } from '#src/common/audit/audit-checkpoint';
import { auditRepository } from '#src/common/audit/audit.repository';
import { createDataSource } from '#src/data-source';
import { runCli } from './cli';

/**
 * npm run audit:checkpoint [-- --file <path>]: signs the chain's head now and appends it to the
 * file (AUDIT_CHECKPOINT_FILE unless given); the line is also printed, for a copy elsewhere.
 */
void runCli(async (config, database) => {
  const { values } = parseArgs({ options: { file: { type: 'string' } } });
  const { key } = config.audit.checkpoint;
  const file = values.file ?? config.audit.checkpoint.file;
  if (!key) {
    process.stderr.write('AUDIT_CHECKPOINT_KEY is not set: no checkpoint can be signed\n');
    return 1;
  }
  const signer = new CheckpointSigner(key);
  if (!signer.canSign) {
    process.stderr.write('AUDIT_CHECKPOINT_KEY is an Ed25519 public key: it verifies, it cannot sign\n');
    return 1;
  }
  const db = createDataSource(database.url);
  await db.initialize();
  const head = await auditRepository.head(db);
  await db.destroy();
  if (!head) {
    process.stderr.write('the audit chain is empty: nothing to checkpoint\n');
    return 1;
  }
  const checkpoint = signer.checkpoint(head, new Date());
  if (file) {
    appendCheckpoint(file, checkpoint);
  }
  process.stdout.write(`${JSON.stringify(checkpoint)}\n`);
  return 0;
});
