// Where paragraphs come from: the 部门决算情况说明 sheet or a pasted text file.
import { findNarrativeGrid, paragraphsFromGrid, paragraphsFromText } from '../../../src/core/textcheck';
import type { Grid } from '../../../src/core/grid';

const grid = (cells: Grid['cells'], sheet = '部门决算情况说明'): Grid => ({ sheet, cells, merges: [] });

describe('paragraphsFromGrid', () => {
  test('one paragraph per cell of column A, blank rows skipped', () => {
    const g = grid([['一、收入支出决算总体情况说明'], [null], ['  2023年度收、支总计均为1915.96万元。 '], []]);
    expect(paragraphsFromGrid(g)).toEqual([
      { text: '一、收入支出决算总体情况说明', cell: { sheet: '部门决算情况说明', address: 'A1' } },
      { text: '2023年度收、支总计均为1915.96万元。', cell: { sheet: '部门决算情况说明', address: 'A3' } },
    ]);
  });

  test('text spread over several columns is joined in column order; a row starting in B points at B', () => {
    const g = grid([
      ['2023年本年收入合计', 1875.94, '万元。'],
      [null, '八、政府性基金预算支出决算情况说明'],
      [{ error: '#REF!' }, null],
    ]);
    expect(paragraphsFromGrid(g)).toEqual([
      { text: '2023年本年收入合计1875.94万元。', cell: { sheet: '部门决算情况说明', address: 'A1' } },
      { text: '八、政府性基金预算支出决算情况说明', cell: { sheet: '部门决算情况说明', address: 'B2' } },
    ]);
  });
});

describe('paragraphsFromText', () => {
  test('one paragraph per non-empty line, with its line number (CRLF, BOM)', () => {
    expect(paragraphsFromText('\uFEFF一、收入支出决算总体情况说明\r\n\r\n 2023年度… \n')).toEqual([
      { text: '一、收入支出决算总体情况说明', line: 1 },
      { text: '2023年度…', line: 3 },
    ]);
  });
});

describe('findNarrativeGrid', () => {
  test('by sheet name or by the title in its first rows', () => {
    const t01 = grid([['收入支出决算总表']], '表1');
    const named = grid([['…']], '部门决算情况说明');
    const titled = grid([[null, '2023年度部门决算情况说明'], ['一、…']], 'Sheet9');
    expect(findNarrativeGrid([t01, named])).toBe(named);
    expect(findNarrativeGrid([t01, titled])).toBe(titled);
    expect(findNarrativeGrid([t01])).toBeUndefined();
  });
});
