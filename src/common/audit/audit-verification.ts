import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '#src/common/clock';
import { isUuid } from '#src/common/ids';
import { APP_CONFIG, type AppConfig } from '#src/config/config';
import { AuditChainProblem, type AuditChainVerification } from './audit.model';
import { auditRepository } from './audit.repository';
import {
  checkpointFileProblem,
  checkpointsFromFile,
  verifyAuditChain,
  type CheckpointsToVerify,
  type VerifyResult,
} from './verify-chain';

/** GraphQL's Int is 32 bits; a seq beyond it (never reached in practice) is left out rather than failing the answer. */
const MAX_INT = 2_147_483_647;

/**
 * The API's verifyAuditChain: the same walk as npm run audit:verify (verifyAuditChain), with the
 * configured checkpoint file when there is one (AUDIT_CHECKPOINT_FILE and _KEY; the key alone
 * writes checkpoints to the log only, which the service cannot read back), else the chain alone.
 */
@Injectable()
export class AuditVerification {
  /** The walk under way on this instance: a second request while it runs shares its answer instead of a second walk. */
  private running?: Promise<AuditChainVerification>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly clock: Clock,
  ) {}

  verify(): Promise<AuditChainVerification> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  private async run(): Promise<AuditChainVerification> {
    const { file, key } = this.config.audit.checkpoint;
    let anchors: CheckpointsToVerify | undefined;
    if (file && key) {
      const load = checkpointsFromFile(file, key);
      if (!load.ok) {
        // The chain is not walked: what the checkpoints vouch for cannot be known, so it is no "ok".
        return {
          ...NOTHING_BROKEN,
          ok: false,
          verifiedEvents: 0,
          problem: AuditChainProblem.CHECKPOINT_FILE_UNUSABLE,
          reason: `the checkpoint file (AUDIT_CHECKPOINT_FILE) ${checkpointFileProblem(load)}`,
          checkpointLine: load.line > 0 ? load.line : null,
          checkedAt: this.clock.now(),
        };
      }
      anchors = load.anchors;
    }
    const result = await verifyAuditChain(this.db, undefined, anchors);
    const checkpointsChecked = anchors ? anchors.checkpoints.length : null;
    if (result.ok) {
      return {
        ...NOTHING_BROKEN,
        ok: true,
        verifiedEvents: result.verified,
        checkpointsChecked,
        checkedAt: this.clock.now(),
      };
    }
    const broken = brokenOf(result);
    return {
      ok: false,
      verifiedEvents: result.verified,
      problem: AuditChainProblem[result.problem],
      reason: result.reason,
      brokenEventId: broken.id,
      brokenEventSeq: asInt(broken.seq),
      brokenEvent: isUuid(broken.id) ? await auditRepository.byId(this.db, broken.id) : null,
      checkpointLine: broken.line,
      checkpointTakenAt: broken.takenAt,
      checkpointsChecked,
      checkedAt: this.clock.now(),
    };
  }
}

const NOTHING_BROKEN = {
  problem: null,
  reason: null,
  brokenEventId: null,
  brokenEventSeq: null,
  brokenEvent: null,
  checkpointLine: null,
  checkpointTakenAt: null,
  checkpointsChecked: null,
};

/** The event a failure names: the chain's own, or the one a checkpoint names (with its line and time). */
function brokenOf(result: Exclude<VerifyResult, { ok: true }>): {
  id: string;
  seq: string;
  line: number | null;
  takenAt: Date | null;
} {
  if ('checkpoint' in result) {
    const { id, seq, line, at } = result.checkpoint;
    const takenAt = new Date(at);
    return { id, seq, line, takenAt: Number.isNaN(takenAt.getTime()) ? null : takenAt };
  }
  return { id: result.brokenId, seq: result.brokenSeq, line: null, takenAt: null };
}

function asInt(seq: string): number | null {
  const value = Number(seq);
  return Number.isSafeInteger(value) && value <= MAX_INT ? value : null;
}
