/**
 * QA policies (domain.md, "QA gates"): which gates a release passes before adoption and how many
 * approvals each needs. A service may have its own policy; otherwise the configured default applies.
 * Pure rules, no framework.
 */
export enum QaGateKind {
  USABILITY = 'USABILITY',
  SECURITY = 'SECURITY',
  INTERFACES = 'INTERFACES',
}

export interface QaRule {
  kind: QaGateKind;
  requiredApprovals: number;
}

type Problem = { field: string; message: string } | null;

export const DEFAULT_QA_POLICY: QaRule[] = [
  { kind: QaGateKind.USABILITY, requiredApprovals: 1 },
  { kind: QaGateKind.SECURITY, requiredApprovals: 1 },
  { kind: QaGateKind.INTERFACES, requiredApprovals: 1 },
];

/** A QA policy: at least one gate, each kind once, 1 to 5 approvals. Returned in a stable order. */
export function checkQaPolicy(rules: QaRule[], field = 'rules'): { rules: QaRule[]; problem: Problem } {
  if (rules.length === 0) {
    return { rules, problem: { field, message: 'name at least one gate' } };
  }
  const seen = new Set<QaGateKind>();
  for (const [i, rule] of rules.entries()) {
    if (seen.has(rule.kind)) {
      return { rules, problem: { field: `${field}[${i}].kind`, message: `${rule.kind} is listed twice` } };
    }
    seen.add(rule.kind);
    if (
      !Number.isInteger(rule.requiredApprovals) ||
      rule.requiredApprovals < 1 ||
      rule.requiredApprovals > 5
    ) {
      return {
        rules,
        problem: { field: `${field}[${i}].requiredApprovals`, message: 'must be between 1 and 5' },
      };
    }
  }
  const order = Object.values(QaGateKind);
  const sorted = [...rules].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  return { rules: sorted.map(({ kind, requiredApprovals }) => ({ kind, requiredApprovals })), problem: null };
}

/** "USABILITY=1,SECURITY=2" (the QA_DEFAULT_POLICY setting) as rules. */
export function parseQaPolicy(text: string): QaRule[] {
  return text.split(',').map((part) => {
    const [kind, approvals] = part.split('=').map((s) => s.trim());
    if (!Object.values(QaGateKind).includes(kind as QaGateKind)) {
      throw new Error(`unknown gate kind "${kind}"`);
    }
    return { kind: kind as QaGateKind, requiredApprovals: Number(approvals) };
  });
}
