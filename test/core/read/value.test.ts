import { Decimal } from '../../../src/core/money';
import { parseNumericText, readCell, toAmount } from '../../../src/core/read/value';

const cell = { sheet: 's', address: 'A1' };

function num(v: Parameters<typeof readCell>[0]): string {
  const r = readCell(v);
  if (r.kind !== 'number') throw new Error(`not a number: ${JSON.stringify(r)}`);
  return r.value.toFixed();
}

describe('readCell', () => {
  it('reads numbers without binary noise', () => {
    expect(num(0.1 + 0.2)).toBe('0.3');
    expect(num(1234.56)).toBe('1234.56');
    expect(num(-5)).toBe('-5');
  });

  it('reads numeric text with separators, spaces and full-width digits', () => {
    expect(num('1,234.56')).toBe('1234.56');
    expect(num(' 12.3 ')).toBe('12.3');
    expect(num('１２.３')).toBe('12.3');
    expect(num('１，２３４．５')).toBe('1234.5');
    expect(num('(12.30)')).toBe('-12.3');
  });

  it('reads blanks and dashes as zero', () => {
    for (const v of [null, '', '  ', '-', '—', '－', '/', '——', '--']) expect(num(v)).toBe('0');
  });

  it('reports text, booleans and error values', () => {
    expect(readCell('无')).toEqual({ kind: 'text', text: '无' });
    expect(readCell(true)).toEqual({ kind: 'text', text: 'TRUE' });
    expect(readCell({ error: '#REF!' })).toEqual({ kind: 'error', text: '#REF!' });
    expect(parseNumericText('12.3.4')).toBeUndefined();
  });
});

describe('toAmount', () => {
  it('converts 元 exactly to 万元 after rounding to 2 decimals in 元', () => {
    const a = toAmount(new Decimal('123456.78'), '元', cell);
    expect(a.value.toFixed()).toBe('12.345678');
    expect(a.raw).toBeUndefined();
    const b = toAmount(new Decimal('123456.789'), '元', cell);
    expect(b.value.toFixed()).toBe('12.345679');
    expect(b.raw?.toFixed()).toBe('12.3456789');
  });

  it('converts 百元 and rounds half-up in 万元', () => {
    expect(toAmount(new Decimal('95884.76'), '百元', cell).value.toFixed()).toBe('958.8476');
    const a = toAmount(new Decimal('12.345'), '万元', cell);
    expect(a.value.toFixed(2)).toBe('12.35');
    expect(a.raw?.toFixed()).toBe('12.345');
    expect(toAmount(new Decimal('12.3'), '万元', cell).raw).toBeUndefined();
  });
});
