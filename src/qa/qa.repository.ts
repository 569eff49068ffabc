import { Injectable } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import type { Tx } from '#src/database/transactions';
import { QaGateEntity, SignOffEntity, type GateWaiver } from './qa-gate.entity';
import type { QaGateKind, QaRule } from './qa-policy.rules';
import { GATE_KINDS } from './qa.rules';

/**
 * The one home of the qa_gate and sign_off tables' SQL: the gates of releases, their sign-offs,
 * opening the gates from a policy snapshot, a reviewer's (replacing) sign-off, outdating the
 * sign-offs of a new artifact, and waivers. Other modules embed `qaSql` in their statements.
 */
@Injectable()
export class QaRepository {
  /**
   * The organisations whose reviewers have signed off gates of this kind within the last year
   * (by the reviewer snapshot's organisation key): the registry's reviewers of that kind.
   */
  async reviewerOrganisationKeys(manager: EntityManager, kind: string, since: Date): Promise<string[]> {
    const rows: { key: string }[] = await manager.query(
      `SELECT DISTINCT so.reviewer->>'organisation' AS key FROM sign_off so JOIN qa_gate g ON g.id = so.gate_id
        WHERE g.kind = $1 AND so.created_at >= $2 AND so.reviewer->>'organisation' IS NOT NULL`,
      [kind, since],
    );
    return rows.map((r) => r.key);
  }

  /** The gates of the releases, in the policy's order of kinds (USABILITY, SECURITY, INTERFACES). */
  async gatesOf(manager: EntityManager, releaseIds: readonly string[]): Promise<QaGateEntity[]> {
    if (releaseIds.length === 0) {
      return [];
    }
    const gates = await manager.findBy(QaGateEntity, { releaseId: In([...releaseIds]) });
    return gates.sort((a, b) => GATE_KINDS.indexOf(a.kind) - GATE_KINDS.indexOf(b.kind));
  }

  /** The gates' current and outdated sign-offs (replaced ones are hidden), oldest first. */
  signOffsOf(manager: EntityManager, gateIds: readonly string[]): Promise<SignOffEntity[]> {
    if (gateIds.length === 0) {
      return Promise.resolve([]);
    }
    return manager
      .createQueryBuilder(SignOffEntity, 'so')
      .where('so.gate_id IN (:...gateIds)', { gateIds })
      .andWhere('so.replaced_at IS NULL')
      .orderBy('so.created_at')
      .addOrderBy('so.id')
      .getMany();
  }

  /** The release's gate of this kind, or null. */
  gateOf(manager: EntityManager, releaseId: string, kind: QaGateKind): Promise<QaGateEntity | null> {
    return manager.findOneBy(QaGateEntity, { releaseId, kind });
  }

  /** One gate per rule of the policy: a snapshot, so later policy changes do not touch these gates. */
  async openGates(tx: Tx, releaseId: string, policy: readonly QaRule[]): Promise<void> {
    await tx.manager.insert(
      QaGateEntity,
      policy.map((rule) => ({
        releaseId,
        kind: rule.kind,
        requiredApprovals: rule.requiredApprovals,
        waiver: null,
        createdAt: tx.now,
      })),
    );
  }

  /** The reviewer's sign-off; it replaces the reviewer's current one on this gate (one current per reviewer and gate). */
  async replaceSignOff(
    tx: Tx,
    values: Pick<
      SignOffEntity,
      'gateId' | 'reviewer' | 'reviewerSubject' | 'verdict' | 'comment' | 'evidenceUrl' | 'artifactDigest'
    >,
  ): Promise<SignOffEntity> {
    await tx.manager.query(
      `UPDATE sign_off SET replaced_at = $3 WHERE gate_id = $1 AND reviewer_subject = $2 AND replaced_at IS NULL AND NOT outdated`,
      [values.gateId, values.reviewerSubject, tx.now],
    );
    const signOff = tx.manager.create(SignOffEntity, {
      ...values,
      outdated: false,
      replacedAt: null,
      createdAt: tx.now,
    });
    await tx.manager.insert(SignOffEntity, signOff);
    return signOff;
  }

  /** Every sign-off of the release was for the old artifact: kept and shown, no longer counted. */
  async outdateSignOffsOf(manager: EntityManager, releaseId: string): Promise<void> {
    await manager.query(
      `UPDATE sign_off SET outdated = true WHERE NOT outdated AND gate_id IN (SELECT id FROM qa_gate WHERE release_id = $1)`,
      [releaseId],
    );
  }

  async setWaiver(manager: EntityManager, gateId: string, waiver: GateWaiver): Promise<void> {
    await manager.update(QaGateEntity, { id: gateId }, { waiver });
  }
}

/**
 * SQL fragments over qa_gate and sign_off for other modules' statements; parameters stay with the
 * caller (e.g. `:...kinds`, `:me`).
 */
export const qaSql = {
  /**
   * Condition: the release has a gate of one of the kinds that the reviewer has not signed (for
   * the current artifact) yet.
   */
  gateAwaitingSignOff: (releaseId: string, kinds: string, reviewer: string) =>
    `EXISTS (SELECT 1 FROM qa_gate g WHERE g.release_id = ${releaseId} AND g.kind IN (${kinds})
               AND NOT EXISTS (SELECT 1 FROM sign_off so WHERE so.gate_id = g.id AND so.reviewer_subject = ${reviewer}
                                 AND so.replaced_at IS NULL AND NOT so.outdated))`,
};
