// Printing in Excel: page setup, print titles and manual row breaks (ExcelApi 1.9,
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayout — Worksheet.pageLayout:
// orientation, paperSize, zoom { horizontalFitToPages, verticalFitToPages }, topMargin … in
// points, setPrintTitleRows; Worksheet.horizontalPageBreaks: removePageBreaks, add(range) breaks
// above the range). Queued in the caller's batch; nothing is loaded. The string forms of the
// enums ("Landscape", "A4") are used: the typings accept them (@types/office-js index.d.ts:54370,
// 54377) and they need no Excel global at load time.
import type { PlanOp } from '../../core/plan';

type PageOp = Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>;

const POINTS_PER_INCH = 72;

/** Inches → points, to the hundredth. */
const points = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;

export function queueExcelPageOp(ws: Excel.Worksheet, op: PageOp): void {
  const layout = ws.pageLayout;
  switch (op.kind) {
    case 'pageSetup': {
      const setup = op.setup;
      if (!setup) return; // a raw page setup from another host cannot be put back here
      layout.orientation = setup.orientation === 'landscape' ? 'Landscape' : 'Portrait';
      layout.paperSize = 'A4';
      // one page wide, as many tall as needed: 0 pages tall is "automatic", as fitToHeight="0"
      // in the file (ECMA-376 Part 1, 18.3.1.63 pageSetup) — not verified in a real Excel
      if (setup.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (setup.margins) {
        layout.topMargin = points(setup.margins.top);
        layout.bottomMargin = points(setup.margins.bottom);
        layout.leftMargin = points(setup.margins.left);
        layout.rightMargin = points(setup.margins.right);
      }
      return;
    }
    case 'printTitles':
      if (op.rows) layout.setPrintTitleRows(`$${op.rows.replace(':', ':$')}`);
      return;
    case 'rowBreaks':
      ws.horizontalPageBreaks.removePageBreaks();
      for (const row of op.rows) ws.horizontalPageBreaks.add(`A${row}`);
      return;
  }
}
