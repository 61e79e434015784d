// §4.1.1 amounts and §4.1.2 percentages.
import { Decimal } from '../../../src/core/money';
import { fmtPct, fmtWan } from '../../../src/core/narrative';

const d = (s: string) => new Decimal(s);

describe('fmtWan (§4.1.1)', () => {
  test.each([
    ['1883.70', '1883.7'],
    ['1915.96', '1915.96'],
    ['142.20', '142.2'],
    ['0.70', '0.7'],
    ['0', '0'],
    ['0.00', '0'],
    ['1000', '1000'],
    ['1000.50', '1000.5'],
    ['2.345', '2.35'], // half-up on the exact decimal
    ['1.005', '1.01'],
    ['12345.674999', '12345.67'],
    ['-0.001', '0'],
    ['-65.23', '-65.23'],
  ])('%s → %s', (v, out) => expect(fmtWan(d(v))).toBe(out));
});

describe('fmtPct (§4.1.2)', () => {
  test.each([
    // value, decimals, keepTrailingZeros, printed
    ['97.042', 1, true, '97.0%'],
    ['97.042', 1, false, '97%'],
    ['98.007', 1, false, '98%'],
    ['80.495', 1, false, '80.5%'],
    ['97.042', 0, true, '97%'],
    ['97.5', 0, true, '98%'],
    ['97.042', 2, true, '97.04%'],
    ['1.6683', 2, true, '1.67%'],
    ['1.6683', 1, true, '1.7%'],
    ['2.345', 2, true, '2.35%'],
    ['3.10', 2, false, '3.1%'],
    ['0', 1, true, '0.0%'],
    ['0', 1, false, '0%'],
    ['0', 2, true, '0.00%'],
    ['100', 1, true, '100.0%'],
    ['100', 1, false, '100%'],
    ['0.04', 1, true, '0.0%'],
    ['0.05', 1, true, '0.1%'],
    ['-0.04', 1, true, '0.0%'],
  ] as [string, number, boolean, string][])('%s at %i decimals, keep zeros %s → %s', (v, dp, keep, out) => {
    expect(fmtPct(d(v), dp, keep)).toBe(out);
  });

  test('defaults: one decimal, trailing zero kept', () => {
    expect(fmtPct(d('12.0'))).toBe('12.0%');
  });
});
