import { roundTo, toHundredths } from './rounding';

describe('rounding at the API edge', () => {
  it.each([
    [1.005, 1.01], // 1.00499999… in binary: multiplying by 100 would give 1
    [5137.6, 5137.6],
    [88.34797, 88.35],
    [0.17123287671232876, 0.17],
    [12.449999999999999, 12.45],
    [2.675, 2.68],
    [0, 0],
    [1e-7, 0],
    [170.33333333333334, 170.33],
  ])('%d to the hundredth is %d', (value, rounded) => {
    expect(toHundredths(value)).toBe(rounded);
  });

  it('rounds to other places and leaves what is not finite alone', () => {
    expect(roundTo(1.3456, 3)).toBe(1.346);
    expect(roundTo(1234.5, 0)).toBe(1235);
    expect(roundTo(Infinity, 2)).toBe(Infinity);
    expect(Number.isNaN(roundTo(NaN, 2))).toBe(true);
  });
});
