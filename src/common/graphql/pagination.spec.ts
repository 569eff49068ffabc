import { checkPageSize, decodeCursor, encodeCursor } from './pagination';

describe('pagination', () => {
  it('round-trips cursors', () => {
    expect(decodeCursor(encodeCursor(['010020000000', 3]), 2)).toEqual(['010020000000', 3]);
  });

  it.each(['garbage', encodeCursor(['a']), Buffer.from('{"a":1}').toString('base64url')])(
    'refuses the cursor %s',
    (cursor) => {
      expect(() => decodeCursor(cursor, 2)).toThrow(
        expect.objectContaining({ code: 'BAD_USER_INPUT', details: { field: 'after' } }),
      );
    },
  );

  it.each([[0], [1], [100]])('accepts first = %d', (first) => expect(checkPageSize(first)).toBe(first));
  it.each([[-1], [101], [1.5]])('refuses first = %d', (first) => {
    expect(() => checkPageSize(first)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });
});
