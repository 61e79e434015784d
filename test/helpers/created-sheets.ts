// Shared by the Excel and WPS host tests of the sheets juesuan creates: a narrative long enough
// to need row breaks, and a journal rewritten as someone editing the workbook could.
import { JOURNAL_SHEET, journalChunks } from '../../src/core/plan';
import type { Journal } from '../../src/core/plan';

/** What both fakes' workbooks offer for writing the journal sheet. */
interface BookLike {
  get(name: string): {
    cells: Map<string, unknown>;
    set(address: string, value: string): unknown;
    cell(address: string): { numberFormat?: string };
  };
}

/** Rewrites the journal sheet (text cells in column A) with `journal`. */
export function writeJournalTo(book: BookLike, journal: Journal): void {
  const s = book.get(JOURNAL_SHEET);
  for (const a of [...s.cells.keys()]) if (/^A\d+$/.test(a)) s.cells.delete(a);
  journalChunks(journal).forEach((c, i) => {
    s.set(`A${i + 1}`, c);
    s.cell(`A${i + 1}`).numberFormat = '@';
  });
}

/** A narrative long enough for headings that would end a page (so its plan has row breaks). */
export function longNarrative(): string[] {
  const out: string[] = [];
  for (let h = 0; h < 12; h++) {
    out.push(`${'一二三四五六七八九十'[h % 10]}、第${h + 1}部分`);
    for (let p = 0; p < 2 + (h % 3); p++)
      out.push(`第${h + 1}部分第${p + 1}段：${'本年收入合计948.60万元，比上年增加12.30万元，增长1.3%。'.repeat(3 + p)}`);
  }
  return out;
}
