import { parseArgs } from 'node:util';
import {
  checkpointFileProblem,
  checkpointsFromFile,
  verifyAuditChain,
  type CheckpointsToVerify,
} from '#src/common/audit/verify-chain';
import { createDataSource } from '#src/data-source';
import { runCli } from './cli';

/** npm run audit:verify [-- --checkpoint <file>]: the chain, and the heads checkpointed in the file (AUDIT_CHECKPOINT_FILE unless given). */
void runCli(async (config, database) => {
  const { values } = parseArgs({ options: { checkpoint: { type: 'string' } } });
  const file = values.checkpoint ?? config.audit.checkpoint.file;
  let anchors: CheckpointsToVerify | undefined;
  if (file) {
    const { key } = config.audit.checkpoint;
    if (!key) {
      process.stdout.write(
        `cannot check ${file}: AUDIT_CHECKPOINT_KEY (the key that signed it) is not set\n`,
      );
      return 1;
    }
    const load = checkpointsFromFile(file, key);
    if (!load.ok) {
      process.stdout.write(`checkpoint file ${file} ${checkpointFileProblem(load)}\n`);
      return 1;
    }
    anchors = load.anchors;
  }
  const db = createDataSource(database.url);
  await db.initialize();
  const result = await verifyAuditChain(db, undefined, anchors);
  await db.destroy();
  if (result.ok) {
    const checked =
      result.checkpoints === undefined ? '' : `; ${result.checkpoints} checkpoints of ${file} hold`;
    process.stdout.write(`audit chain intact: ${result.verified} events verified${checked}\n`);
    return 0;
  }
  if ('checkpoint' in result) {
    const { line, seq, id, at } = result.checkpoint;
    process.stdout.write(
      `audit chain BROKEN: checkpoint at line ${line} of ${file} (taken ${at}) names event ${id} (seq ${seq}): ${result.reason}; ${result.verified} events verified\n`,
    );
    return 1;
  }
  process.stdout.write(
    `audit chain BROKEN at event ${result.brokenId} (seq ${result.brokenSeq}): ${result.reason}; ${result.verified} events before it verified\n`,
  );
  return 1;
});
