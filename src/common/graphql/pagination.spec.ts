import { checkPageSize, decodeCursor, encodeCursor } from './pagination';

describe('pagination', () => {
  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor(['010020000000', 3]), ['text', 'number'])).toEqual(['010020000000', 3]);
  });

  it.each([
    'garbage',
    encodeCursor(['a']),
    Buffer.from('{"a":1}').toString('base64url'),
    encodeCursor(['Kiel', 'not-a-uuid']),
    encodeCursor([1, '00000000-0000-0000-0000-000000000000']),
  ])('refuses the cursor %s', (cursor) => {
    expect(() => decodeCursor(cursor, ['text', 'uuid'])).toThrow(
      expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'after' } }) as Error,
    );
  });

  it.each([[0], [1], [100]])('accepts first = %d', (first) => expect(checkPageSize(first)).toBe(first));
  it.each([[-1], [101], [1.5]])('refuses first = %d', (first) => {
    expect(() => checkPageSize(first)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }) as Error);
  });
});
