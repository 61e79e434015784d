// foldSameCause folds a TXT-SUM into the SUP-SUM that explains it, and nothing else.
import type { Finding } from '../../src/core/finding';
import { foldSameCause } from '../../src/core/same-cause';

const input: Finding = {
  rule: 'SUP-SUM',
  severity: 'error',
  message: '补充信息“三公”经费的上年数不等于各项之和。',
  cells: [
    { sheet: '补充信息', address: 'D24' },
    { sheet: '补充信息', address: 'D25' },
  ],
  difference: '23.10',
};
const sentence = (difference: string): Finding => ({
  rule: 'TXT-SUM',
  severity: 'error',
  message: '七（一）与各项的增减矛盾',
  cells: [
    { sheet: '部门决算情况说明', address: 'A44' },
    { sheet: '补充信息', address: 'D24' },
    { sheet: '补充信息', address: 'D25' },
  ],
  difference,
});

test('a sentence contradicting itself by exactly the inputs’ difference is the same cause', () => {
  const folded = foldSameCause([input, sentence('23.10')]);
  expect(folded.map((f) => f.rule)).toEqual(['SUP-SUM']);
  expect(folded[0].cells.map((c) => c.address)).toEqual(['D24', 'D25', 'A44']);
});

test('a sentence with another difference, or from other cells, is a finding of its own', () => {
  expect(foldSameCause([input, sentence('5.00')]).map((f) => f.rule)).toEqual(['SUP-SUM', 'TXT-SUM']);
  const other = { ...sentence('23.10'), cells: [{ sheet: '部门决算情况说明', address: 'A44' }] };
  expect(foldSameCause([input, other]).map((f) => f.rule)).toEqual(['SUP-SUM', 'TXT-SUM']);
});

test('公务用车 0 beside other vehicles: the 十（三） and 七（二） disagreement folds into the SUP-CAR 提示; the error form does not take it', () => {
  const car: Finding = {
    rule: 'SUP-CAR',
    severity: 'warning',
    message: '请确认两处口径一致。',
    cells: [{ sheet: '补充信息', address: 'C28' }],
  };
  const text: Finding = {
    rule: 'TXT-CARS',
    severity: 'warning',
    message: '两处口径不一致',
    cells: [
      { sheet: '部门决算情况说明', address: 'A31' },
      { sheet: '部门决算情况说明', address: 'A46' },
    ],
  };
  const folded = foldSameCause([car, text]);
  expect(folded.map((f) => f.rule)).toEqual(['SUP-CAR']);
  expect(folded[0].cells.map((c) => c.address)).toEqual(['C28', 'A31', 'A46']);
  expect(folded[0].message).toBe('请确认两处口径一致。说明中两处已按此写出。');
  expect(foldSameCause([{ ...car, severity: 'error' }, text]).map((f) => f.rule)).toEqual(['SUP-CAR', 'TXT-CARS']);
});
