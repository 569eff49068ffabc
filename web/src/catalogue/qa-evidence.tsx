import type { QaGateKind, QaGateStatus } from '../graphql/generated/enums';
import { formatDate, GATE_KIND, GATE_STATUS } from '../ui/labels';

export interface QaEvidenceEntry {
  kind: QaGateKind;
  status: QaGateStatus;
  approvals: number;
  requiredApprovals: number;
  waiverExpiresAt?: string | null;
  waiverExpired: boolean;
}

/** "Bestanden (2 von 2 Freigaben)" or "Ausnahme erteilt bis 1. März 2027". */
export function evidenceText(entry: QaEvidenceEntry): string {
  if (entry.status === 'WAIVED' && entry.waiverExpiresAt) {
    const until = `${GATE_STATUS.WAIVED} bis ${formatDate(entry.waiverExpiresAt)}`;
    return entry.waiverExpired ? `${until} (abgelaufen)` : until;
  }
  const noun = entry.requiredApprovals === 1 ? 'Freigabe' : 'Freigaben';
  return `${GATE_STATUS[entry.status]} (${entry.approvals} von ${entry.requiredApprovals} ${noun})`;
}

const ORDER: QaGateKind[] = ['USABILITY', 'SECURITY', 'INTERFACES'];

/**
 * The public QA evidence of the latest release, one line per gate: what anyone may read (no
 * reviewers, no comments).
 */
export function QaEvidence({ version, evidence }: { version: string | null; evidence: QaEvidenceEntry[] }) {
  if (version === null) {
    return <p className="kern-body">Es ist noch keine Version veröffentlicht, also auch keine geprüft.</p>;
  }
  if (evidence.length === 0) {
    return <p className="kern-body">Für Version {version} waren keine Prüfungen vorgeschrieben.</p>;
  }
  const sorted = [...evidence].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <>
      <p className="kern-body">Prüfungen der aktuellen Version {version}:</p>
      <ul className="kern-list">
        {sorted.map((entry) => (
          <li key={entry.kind} className="kern-body">
            {`${GATE_KIND[entry.kind]}: ${evidenceText(entry)}`}
          </li>
        ))}
      </ul>
    </>
  );
}
