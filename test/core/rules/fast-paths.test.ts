// The engine's shortcuts give what the long way gives: references filled in part by part, and
// identities decided on integers of 0.01元 before any Decimal sum.
import fc from 'fast-check';
import { Decimal, millionths, wanExact } from '../../../src/core/money';
import { RULES } from '../../../src/core/rules';
import { evaluate, type Instance } from '../../../src/core/rules/evaluate';
import { describeSide } from '../../../src/core/rules/message';
import { bindPath, parsePath, substitute, type Operand } from '../../../src/core/rules/refs';
import { isEquation } from '../../../src/core/rules/types';

describe('bindPath', () => {
  const keys = ['合计', '201', '2010101', '收:年初财政拨款结转和结余.一般公共预算财政拨款', 'a].b', '[x]', '支:总计'];

  it('equals parsing the filled-in reference, for every declared reference and awkward row keys', () => {
    let compared = 0;
    for (const rule of RULES.filter(isEquation)) {
      for (const term of [...rule.left, ...rule.right]) {
        if (typeof term !== 'string') continue;
        for (const key of keys) {
          const bindings = { $row: key, $code: key, $col: '合计', $fund: '一般公共预算财政拨款' };
          expect(bindPath(term, bindings)).toEqual(parsePath(substitute(term, bindings)));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
  });
});

describe('millionths', () => {
  it('is v × 10⁶ exactly, or undefined when that is not a safe integer below 10¹⁵', () => {
    const decimals = fc
      .tuple(fc.bigInt({ min: -(10n ** 17n), max: 10n ** 17n }), fc.integer({ min: 0, max: 9 }))
      .map(([digits, scale]) => new Decimal(digits.toString()).div(new Decimal(10).pow(scale)));
    fc.assert(
      fc.property(decimals, (v) => {
        const units = millionths(v);
        if (units === undefined) return v.decimalPlaces() > 6 || v.abs().gte(1e9);
        return Number.isSafeInteger(units) && new Decimal(units).eq(v.mul(1e6));
      }),
    );
  });

  it('reads the cases at the edges', () => {
    expect(millionths(new Decimal('1234.567891'))).toBe(1234567891);
    expect(millionths(new Decimal('-0.000001'))).toBe(-1);
    expect(millionths(new Decimal('0.0000001'))).toBeUndefined();
    expect(millionths(new Decimal('999999999.999999'))).toBe(999999999999999);
    expect(millionths(new Decimal('1000000000'))).toBeUndefined();
    expect(millionths(new Decimal(0))).toBe(0);
  });
});

describe('evaluate decides the same with and without the integer shortcut', () => {
  const operand = (value: string, address: string): Operand => ({
    title: '表',
    label: address,
    value: new Decimal(value),
    cell: { sheet: '表', address },
    unit: '元',
  });
  const instance = (left: string[], right: string[], compare: 'eq' | 'le' = 'eq'): Instance => ({
    rule: { id: 'T', severity: 'error' },
    compare,
    tolerance: 'sum',
    left: left.map((v, i) => operand(v, `A${i + 1}`)),
    right: right.map((v, i) => operand(v, `B${i + 1}`)),
  });

  it('holds: integers, more than 6 decimals, beyond 10⁹万元', () => {
    expect(evaluate(instance(['1.000003'], ['1.000001', '0.000002']))).toBeUndefined();
    expect(evaluate(instance(['1.00000003'], ['1.00000001', '0.00000002']))).toBeUndefined();
    expect(evaluate(instance(['5000000000.01'], ['4000000000', '1000000000.01']))).toBeUndefined();
    expect(evaluate(instance(['1'], ['2'], 'le'))).toBeUndefined();
  });

  it('fails by the smallest step either way', () => {
    expect(evaluate(instance(['1.000004'], ['1.000001', '0.000002']))?.difference).toBe('0.00');
    expect(evaluate(instance(['1.000004'], ['1.000001', '0.000002']))?.severity).toBe('error');
    expect(evaluate(instance(['1.00000004'], ['1.00000001', '0.00000002']))).toBeDefined();
    expect(evaluate(instance(['5000000000.02'], ['4000000000', '1000000000.01']))?.difference).toBe('0.01');
    expect(evaluate(instance(['2'], ['1'], 'le'))?.difference).toBe('1.00');
  });

  it('sums that leave the safe integers fall back to Decimal', () => {
    const many = Array.from({ length: 20 }, () => '999999999.99');
    const total = new Decimal('999999999.99').mul(20).toFixed();
    expect(evaluate(instance([total], many))).toBeUndefined();
    expect(evaluate(instance([new Decimal(total).add('0.01').toFixed()], many))?.difference).toBe('0.01');
  });
});

describe('messages print each amount as wanExact prints it, whatever its 0.01元 count', () => {
  it('negative, below 1, whole, large and finer than 0.01万元', () => {
    const values = ['-12.05', '0.07', '-0.5', '1000', '123456789.01', '0.001234', '-0.000001'];
    const operands: Operand[] = values.map((v, i) => ({ title: '表', label: `A${i + 1}`, value: new Decimal(v), unit: '万元' }));
    const expected = values.map((v, i) => `${i === 0 ? '表' : ''}“A${i + 1}”${wanExact(new Decimal(v))}`).join(' + ');
    expect(describeSide(operands, new Decimal(0))).toBe(`${expected} = 0.00万元`);
  });
});
