import { Decimal, millionths } from '../../../src/core/money';
import type { Amount } from '../../../src/core/model';
import { SheetView } from '../../../src/core/read/sheet';
import { amountTextProblem, numericCellValue, parseNumericText, readAmount, readCell, toAmount } from '../../../src/core/read/value';

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

describe('readAmount: an amount of a number or empty cell', () => {
  // Numbers as export software stores them: whole, 1–2 decimals, more decimals (rounded half-up to
  // the 2 the table prints), negative, near the 10⁹万元 edge, and binary noise (0.1 + 0.2).
  const numbers = [0, 1, -7, 12.3, 1234.56, -0.01, 0.29, 399.58, 12345.675, 0.004, 0.1 + 0.2, 999999999.99, 1e9, 123456789012.34, 1e-7];
  const units = ['万元', '百元', '元'] as const;

  function amountOf(v: number | null, unit: (typeof units)[number]): Amount {
    const view = new SheetView({ sheet: '表', cells: [[v]], merges: [] });
    const amount = readAmount({ view, unit, findings: [] }, 0, 0);
    if (!amount) throw new Error(`no amount for ${v}`);
    return amount;
  }

  it('has the value, cell and blank mark toAmount gives, and its 0.01元 count is millionths(value) exactly', () => {
    for (const unit of units) {
      for (const v of [...numbers, null]) {
        const amount = amountOf(v, unit);
        const expected = toAmount(v === null ? new Decimal(0) : new Decimal(v.toPrecision(15)), unit, { sheet: '表', address: 'A1' });
        expect([v, unit, amount.value.toFixed(), amount.raw?.toFixed()]).toEqual([
          v,
          unit,
          expected.value.toFixed(),
          expected.raw?.toFixed(),
        ]);
        expect(amount.cell).toEqual({ sheet: '表', address: 'A1' });
        expect(amount.blank).toBe(v === null ? true : undefined);
        expect([v, unit, amount.units ?? millionths(amount.value)]).toEqual([v, unit, millionths(amount.value)]);
      }
    }
  });

  it('keeps its exact count for a cell that prints as it is stored', () => {
    expect(amountOf(1234.56, '万元').units).toBe(1234560000);
    expect(amountOf(1234.56, '元').units).toBe(123456);
    expect(amountOf(-0.01, '百元').units).toBe(-100);
    expect(amountOf(null, '元').units).toBe(0);
    expect(amountOf(12345.675, '元').units).toBeUndefined(); // 3 decimals: rounded, the Decimal decides
  });

  it('serialises as the plain amount it stands for', () => {
    expect(JSON.parse(JSON.stringify(amountOf(12.3, '万元')))).toEqual({ value: '12.3', cell: { sheet: '表', address: 'A1' } });
    expect(JSON.parse(JSON.stringify(amountOf(null, '元')))).toEqual({ value: '0', cell: { sheet: '表', address: 'A1' }, blank: true });
  });
});
