import { Decimal } from '../../../src/core/money';
import { amountTextProblem, numericCellValue, parseNumericText, readCell, toAmount } from '../../../src/core/read/value';

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

describe('amount text read only when it cannot mean two things', () => {
  it('thousands separators only in groups of three; brackets are minus and take no sign', () => {
    expect(num('1,784.27')).toBe('1784.27');
    expect(num('12,345,678')).toBe('12345678');
    expect(num('-1,784.27')).toBe('-1784.27');
    expect(num('(1784.27)')).toBe('-1784.27');
    expect(num('（１，７８４．２７）')).toBe('-1784.27');
    expect(num('１７８４.２７')).toBe('1784.27');
    for (const text of ['1784,27', '1,78427', '12,34,567', ',123', '1,784,27', '(-1784.27)', '(+1784.27)', '-(1784.27)']) {
      expect([text, parseNumericText(text)]).toEqual([text, undefined]);
    }
    expect(amountTextProblem('1784,27')).toContain('逗号不在千位分隔的位置');
    expect(amountTextProblem('(-1784.27)')).toContain('无法确定正负');
    expect(amountTextProblem('12abc')).toBe('数字后面还有其他字符');
    expect(amountTextProblem('无')).toBeUndefined();
  });

  it('numericCellValue: what a reader hands over for <v> — a number only when all of it is one', () => {
    expect(numericCellValue('1784.27')).toBe(1784.27);
    expect(numericCellValue('1.5E3')).toBe(1500);
    expect(numericCellValue('-0.5')).toBe(-0.5);
    expect(numericCellValue('12abc')).toBe('12abc');
    expect(numericCellValue('')).toBe('');
    expect(readCell(numericCellValue('12abc'))).toEqual({ kind: 'text', text: '12abc' });
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
