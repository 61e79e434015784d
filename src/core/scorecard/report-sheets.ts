// The 自评报告 as the workbook holds it: every text cell from a title ending in 绩效自评报告 down to
// the next 计分表 / 完成情况表 title, in reading order, each with its cell (for SC-5).
import type { Grid } from '../grid';
import { rowCount } from '../grid';
import type { ReportParagraph } from './check-report';
import { normAt, ref, titleKind } from './sheet';
import { rawText } from './text';

const REPORT_TITLE = /绩效自评报告(?:（[^（）]*）)?$/;
const MAX_TITLE_LENGTH = 80;

export function reportParagraphs(grids: Grid[]): ReportParagraph[] {
  const out: ReportParagraph[] = [];
  for (const grid of grids) {
    let inReport = false;
    for (let r = 0; r < rowCount(grid); r++) {
      const row = grid.cells[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const v = row[c];
        if (v === null || v === undefined) continue;
        // a number or a boolean reads as it prints (norm changes none of its characters): not cached
        const t = typeof v === 'number' || typeof v === 'boolean' ? String(v) : normAt(grid, r, c);
        if (t === '') continue;
        const text = rawText(row[c] ?? null);
        if (titleKind(text)) inReport = false;
        else if (t.length <= MAX_TITLE_LENGTH && REPORT_TITLE.test(t)) inReport = true;
        if (inReport) out.push({ text, cell: ref(grid, r, c) });
      }
    }
  }
  return out;
}
