import type { AuditChainProblem } from '../graphql/generated/enums';
import { chainProblemText } from './audit-section';

const PROBLEMS: AuditChainProblem[] = [
  'CONTENT_MISMATCH',
  'LINK_MISMATCH',
  'CHECKPOINT_SIGNATURE_INVALID',
  'CHECKPOINT_EVENT_REPLACED',
  'CHECKPOINT_EVENTS_REMOVED',
  'CHECKPOINT_FILE_UNUSABLE',
];

describe('chainProblemText', () => {
  it('says every problem of the API in its own German sentence, the checkpoint’s line where it has one', () => {
    const texts = PROBLEMS.map((problem) => chainProblemText(problem, 4));
    expect(new Set(texts).size).toBe(PROBLEMS.length);
    for (const text of texts) {
      expect(text).toMatch(/^[A-ZÄÖÜ].*\.$/);
      expect(text).not.toMatch(/\b(the|does|not|hash does)\b/);
    }
    expect(chainProblemText('CHECKPOINT_EVENTS_REMOVED', 4)).toContain('Der Prüfpunkt in Zeile 4');
    expect(chainProblemText('CHECKPOINT_EVENTS_REMOVED', null)).toContain('Der Prüfpunkt der Prüfpunktdatei');
  });
});
