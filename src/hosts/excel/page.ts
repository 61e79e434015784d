// Printing in Excel: page setup, print titles and manual row breaks (ExcelApi 1.9,
// https://learn.microsoft.com/javascript/api/excel/excel.pagelayout — Worksheet.pageLayout:
// orientation, paperSize, zoom { horizontalFitToPages, verticalFitToPages }, topMargin … in
// points, setPrintTitleRows; Worksheet.horizontalPageBreaks: removePageBreaks, add(range) breaks
// above the range). Queued in the caller's batch; nothing is loaded.
import type { PlanOp } from '../../core/plan';

type PageOp = Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>;

export const PAGE_LAYOUT_API = '1.9';
const POINTS_PER_INCH = 72;

export function queueExcelPageOp(ws: Excel.Worksheet, op: PageOp): void {
  const layout = ws.pageLayout;
  switch (op.kind) {
    case 'pageSetup': {
      const setup = op.setup;
      if (!setup) return; // a raw page setup from another host cannot be put back here
      layout.orientation = setup.orientation === 'landscape' ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
      layout.paperSize = Excel.PaperType.a4;
      if (setup.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (setup.margins) {
        layout.topMargin = setup.margins.top * POINTS_PER_INCH;
        layout.bottomMargin = setup.margins.bottom * POINTS_PER_INCH;
        layout.leftMargin = setup.margins.left * POINTS_PER_INCH;
        layout.rightMargin = setup.margins.right * POINTS_PER_INCH;
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
