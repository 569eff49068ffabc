import { describe, expect, it } from 'vitest';
import { filledChanges, filledInterfaces } from './release-form';

describe('the rows of a release form that are sent', () => {
  it('drops change rows without a description and trims the rest', () => {
    expect(
      filledChanges([
        { type: 'ADDED', description: '  Online-Zahlung ' },
        { type: 'FIXED', description: '   ' },
      ]),
    ).toEqual([{ type: 'ADDED', description: 'Online-Zahlung' }]);
  });

  it('drops interface rows without a standard or a version', () => {
    expect(
      filledInterfaces([
        { standard: 'epayment', version: ' 2.0 ', direction: 'CONSUMES' },
        { standard: '', version: '1', direction: 'PROVIDES' },
        { standard: 'xmeld', version: '', direction: 'CONSUMES' },
      ]),
    ).toEqual([{ standard: 'epayment', version: '2.0', direction: 'CONSUMES' }]);
  });
});
