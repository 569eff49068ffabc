import { verifyAuditChain } from '#src/common/audit/verify-chain';
import { createDataSource } from '#src/data-source';
import { runCli } from './cli';

void runCli(async (_config, database) => {
  const db = createDataSource(database.url);
  await db.initialize();
  const result = await verifyAuditChain(db);
  await db.destroy();
  if (result.ok) {
    process.stdout.write(`audit chain intact: ${result.verified} events verified\n`);
    return 0;
  }
  process.stdout.write(
    `audit chain BROKEN at event ${result.brokenId} (seq ${result.brokenSeq}): ${result.reason}; ${result.verified} events before it verified\n`,
  );
  return 1;
});
