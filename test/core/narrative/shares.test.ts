// §4.1.3: the three share modes, on the two seeds' 五（二） lists and on edge cases.
import { Decimal } from '../../../src/core/money';
import { computeShares, independent, largestRemainder, plugLargest } from '../../../src/core/narrative';

const ds = (xs: string[]) => xs.map((x) => new Decimal(x));
const str = (xs: Decimal[]) => xs.map((x) => x.toFixed(1));
const sum = (xs: Decimal[]) => xs.reduce((a, b) => a.add(b), new Decimal(0)).toFixed(1);

// seed002 五（二）: 831.52 / 41.93 / 23.18 / 36.92 of 933.55 (exact 89.071 / 4.492 / 2.483 / 3.955)
const S002 = ds(['831.52', '41.93', '23.18', '36.92']);
const T002 = new Decimal('933.55');
// seed000 五（二）: 1570.82 / 121.83 / 65.26 / 85.27 of 1843.18 (exact 85.223 / 6.610 / 3.541 / 4.626)
const S000 = ds(['1570.82', '121.83', '65.26', '85.27']);
const T000 = new Decimal('1843.18');

describe('seed002 五（二）', () => {
  test('independent rounding gives 100.1', () => {
    expect(str(independent(S002, T002, 1))).toEqual(['89.1', '4.5', '2.5', '4.0']);
    expect(sum(independent(S002, T002, 1))).toBe('100.1');
  });
  test('largestRemainder reproduces the printed 89.1 / 4.5 / 2.5 / 3.9', () => {
    expect(str(largestRemainder(S002, T002, 1))).toEqual(['89.1', '4.5', '2.5', '3.9']);
  });
  test('plugLargest gives 89.0 / 4.5 / 2.5 / 4.0 (not the printed shares)', () => {
    expect(str(plugLargest(S002, T002, 1))).toEqual(['89.0', '4.5', '2.5', '4.0']);
  });
});

describe('seed000 五（二）', () => {
  test('independent rounding gives 99.9', () => {
    expect(str(independent(S000, T000, 1))).toEqual(['85.2', '6.6', '3.5', '4.6']);
  });
  test('plugLargest reproduces the printed 85.3 / 6.6 / 3.5 / 4.6', () => {
    expect(str(plugLargest(S000, T000, 1))).toEqual(['85.3', '6.6', '3.5', '4.6']);
  });
  test('largestRemainder gives 85.2 / 6.6 / 3.6 / 4.6 (not the printed shares)', () => {
    expect(str(largestRemainder(S000, T000, 1))).toEqual(['85.2', '6.6', '3.6', '4.6']);
  });
});

describe('computeShares', () => {
  test('reports which shares moved away from plain rounding', () => {
    expect(computeShares(S002, T002, 1, 'largestRemainder').adjusted).toEqual([3]);
    expect(computeShares(S000, T000, 1, 'plugLargest').adjusted).toEqual([0]);
    expect(computeShares(S000, T000, 1, 'independent').adjusted).toEqual([]);
  });

  test('every mode adds to exactly 100 where it adjusts, within one unit of the exact share', () => {
    for (const mode of ['largestRemainder', 'plugLargest'] as const) {
      for (const [parts, total] of [
        [S002, T002],
        [S000, T000],
      ] as const) {
        const r = computeShares([...parts], total, 1, mode);
        expect(sum(r.shares)).toBe('100.0');
        r.shares.forEach((s, i) => expect(s.sub(r.exact[i]).abs().lte(0.1)).toBe(true));
      }
    }
  });

  test('two-item lists add to 100 with plain rounding (98% / 2%, 60.8% / 39.2%)', () => {
    expect(str(largestRemainder(ds(['1838.56', '37.38']), new Decimal('1875.94'), 1))).toEqual(['98.0', '2.0']);
    expect(str(plugLargest(ds(['600.51', '386.4']), new Decimal('986.91'), 1))).toEqual(['60.8', '39.2']);
  });

  test('zero parts stay 0; a zero total gives zeros (0/0 is never divided)', () => {
    expect(str(largestRemainder(ds(['0', '0', '4.17']), new Decimal('4.17'), 1))).toEqual(['0.0', '0.0', '100.0']);
    expect(str(plugLargest(ds(['0', '0']), new Decimal('0'), 1))).toEqual(['0.0', '0.0']);
    expect(str(largestRemainder(ds(['0', '0']), new Decimal('0'), 1))).toEqual(['0.0', '0.0']);
  });

  test('other resolutions: whole percents and two decimals', () => {
    // thirds: 33.33… each
    const thirds = ds(['1', '1', '1']);
    expect(largestRemainder(thirds, new Decimal(3), 0).map((x) => x.toFixed(0))).toEqual(['34', '33', '33']);
    expect(largestRemainder(thirds, new Decimal(3), 2).map((x) => x.toFixed(2))).toEqual(['33.34', '33.33', '33.33']);
    expect(plugLargest(thirds, new Decimal(3), 0).map((x) => x.toFixed(0))).toEqual(['34', '33', '33']);
    expect(independent(thirds, new Decimal(3), 0).map((x) => x.toFixed(0))).toEqual(['33', '33', '33']);
  });

  test('largest remainder ties go to the larger part, then to list order', () => {
    // exact 12.5 / 37.5 / 50: both remainders .5 at 0 decimals, one unit missing
    expect(largestRemainder(ds(['1', '3', '4']), new Decimal(8), 0).map((x) => x.toFixed(0))).toEqual(['12', '38', '50']);
    expect(largestRemainder(ds(['1', '1', '6']), new Decimal(8), 0).map((x) => x.toFixed(0))).toEqual(['13', '12', '75']);
  });

  test('plugLargest never moves the largest share a whole unit from its exact value', () => {
    // whole percents: rounding gives 85 + 7 + 4 + 5 = 101; plugging would print 84 for 85.22
    expect(plugLargest(S000, T000, 0).map((x) => x.toFixed(0))).toEqual(['85', '7', '3', '5']);
  });

  test('parts that do not add up to the total are not forced to 100', () => {
    const parts = ds(['30', '30']);
    expect(str(largestRemainder(parts, new Decimal(100), 1))).toEqual(['30.0', '30.0']);
    expect(str(plugLargest(parts, new Decimal(100), 1))).toEqual(['30.0', '30.0']);
  });
});
