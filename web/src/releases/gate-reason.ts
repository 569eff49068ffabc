import type { QaGateHold, QaGateKind, QaGateStatus, Verdict } from '../graphql/generated/enums';
import { formatDate, GATE_KIND } from '../ui/labels';

/** What a gate's German explanation needs to know (the API's blockedReason is English words). */
export interface GateFacts {
  kind: QaGateKind;
  status: QaGateStatus;
  approvals: number;
  requiredApprovals: number;
  hold?: QaGateHold | null;
  signOffs: {
    verdict: Verdict;
    outdated: boolean;
    comment?: string | null;
    reviewer: { name?: string | null };
  }[];
  waiver?: { expired: boolean; expiresAt: string } | null;
}

/** Why a release is breaking, and the version that would be consistent with it. */
export interface ImpactFacts {
  removed: { standard: { name: string }; version: string }[];
  suggestedVersion: string;
}

/**
 * What a gate that is neither passed nor waived is missing, one German sentence per cause, in
 * the order of the domain's rule (docs/domain.md, "QA gates"): rejections, the semver
 * inconsistency that holds an INTERFACES gate, missing approvals, an expired waiver. The same
 * causes as the API's `blockedReason`, built from the gate's fields rather than translated.
 */
export function gateMissing(gate: GateFacts, impact: ImpactFacts | null): string[] {
  if (gate.status === 'PASSED' || gate.status === 'WAIVED') {
    return [];
  }
  const reasons: string[] = [];
  const current = gate.signOffs.filter((s) => !s.outdated);
  const rejects = current.filter((s) => s.verdict === 'REJECT');
  if (rejects.length > 0) {
    reasons.push(
      ...rejects.map(
        (s) =>
          `Abgelehnt von ${s.reviewer.name ?? 'einer Prüferin oder einem Prüfer'}${s.comment ? `: „${s.comment}“` : '.'}`,
      ),
    );
  } else if (gate.hold === 'SEMVER_INCONSISTENT') {
    reasons.push(inconsistencySentence(impact));
  } else {
    const missing = gate.requiredApprovals - gate.approvals;
    if (missing > 0) {
      reasons.push(
        missing === 1
          ? `Es fehlt noch 1 Freigabe (${GATE_KIND[gate.kind]}).`
          : `Es fehlen noch ${missing} Freigaben (${GATE_KIND[gate.kind]}).`,
      );
    }
  }
  if (gate.waiver?.expired) {
    reasons.push(`Die Ausnahme ist am ${formatDate(gate.waiver.expiresAt)} abgelaufen.`);
  }
  return reasons;
}

/** "Version 1.3.0 entfernt XBau 2.2 ohne neue Hauptversion. Freigaben ändern daran nichts: …" */
export function inconsistencySentence(impact: ImpactFacts | null): string {
  const what =
    impact && impact.removed.length > 0
      ? `Die Version entfernt ${impact.removed.map((use) => `${use.standard.name} ${use.version}`).join(', ')}, ist aber keine neue Hauptversion.`
      : 'Die Version enthält eine inkompatible Änderung, ist aber keine neue Hauptversion.';
  const fix = impact
    ? ` Freigaben ändern daran nichts: Die Version muss mindestens ${impact.suggestedVersion} heißen (als neue Version anlegen), oder der Betrieb erteilt für diese Prüfung eine Ausnahme.`
    : ' Freigaben ändern daran nichts, bis die Versionsnummer stimmt oder der Betrieb eine Ausnahme erteilt.';
  return what + fix;
}
