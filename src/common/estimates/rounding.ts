/**
 * Rounding at the API's edge (domain.md, "Effort"): hours, FTE and euros are computed at full
 * precision and shown to the hundredth (euros: to the cent), in the API and in the exports alike,
 * so a spreadsheet and the console show the same figures.
 */

/**
 * `value` rounded half up to `decimals` places, by shifting the decimal exponent in the number's
 * text: multiplying by 100 would round 1.005 (stored as 1.00499…) down to 1.
 */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) {
    return value;
  }
  const shift = (n: number, by: number) => {
    const [mantissa, exponent = '0'] = String(n).split('e');
    return Number(`${mantissa}e${Number(exponent) + by}`);
  };
  return shift(Math.round(shift(value, decimals)), -decimals);
}

/** Hours, FTE and euros as the API shows them: to the hundredth (cents). */
export function toHundredths(value: number): number {
  return roundTo(value, 2);
}
