import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { problemFor, problemsOf } from './errors';

describe('problemsOf', () => {
  it("takes code, reason and field from the extensions, and drops the field's path in front of the message", () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'input.comment: Bitte begründen Sie die Ablehnung.',
          extensions: { code: 'BAD_USER_INPUT', reason: 'REJECT_COMMENT_REQUIRED', field: 'input.comment' },
        },
        { message: 'Die Version ist gerade in Bearbeitung.', extensions: { code: 'CONFLICT' } },
      ],
    });
    const problems = problemsOf(error);
    expect(problems).toEqual([
      {
        code: 'BAD_USER_INPUT',
        reason: 'REJECT_COMMENT_REQUIRED',
        field: 'input.comment',
        message: 'Bitte begründen Sie die Ablehnung.',
      },
      {
        code: 'CONFLICT',
        reason: undefined,
        field: undefined,
        message: 'Die Version ist gerade in Bearbeitung.',
      },
    ]);
    expect(problemFor(problems, 'comment')).toBe(problems[0]);
  });

  it('says that the register is unreachable on a network error', () => {
    const error = new CombinedError({ networkError: new Error('fetch failed') });
    expect(problemsOf(error)).toEqual([expect.objectContaining({ code: 'NETWORK' })]);
  });
});
