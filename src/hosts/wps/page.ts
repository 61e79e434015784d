// Printing in WPS 表格: Worksheet.PageSetup (Orientation, PaperSize, Zoom=false with
// FitToPagesWide=1 / FitToPagesTall=false, margins in points, PrintTitleRows), and manual row
// breaks through Worksheet.ResetAllPageBreaks() and HPageBreaks.Add(Before) — the Excel VBA
// object model as et-jsapi-declare types it (lib.et.d.ts: interface PageSetup 4784, HPageBreaks
// 6457, ResetAllPageBreaks 4652). Each property set is one call into WPS: the page setup costs
// 10 calls, the print titles 2, the row breaks 2 plus 2 per break.
import type { PlanOp } from '../../core/plan';
import type { WpsWorksheet } from './api';

type PageOp = Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>;

/** XlPageOrientation, XlPaperSize. */
export const xlPortrait = 1;
export const xlLandscape = 2;
export const xlPaperA4 = 9;

const POINTS_PER_INCH = 72;

/** Inches → points, to the hundredth. */
const points = (inches: number) => Math.round(inches * POINTS_PER_INCH * 100) / 100;

export function applyWpsPageOp(ws: WpsWorksheet, op: PageOp): void {
  switch (op.kind) {
    case 'pageSetup': {
      if (!op.setup) return;
      const p = ws.PageSetup;
      p.Orientation = op.setup.orientation === 'landscape' ? xlLandscape : xlPortrait;
      p.PaperSize = xlPaperA4;
      if (op.setup.fitToWidth) {
        p.Zoom = false; // else FitToPagesWide / FitToPagesTall are ignored
        p.FitToPagesWide = 1;
        p.FitToPagesTall = false; // as many pages tall as needed
      }
      if (op.setup.margins) {
        p.TopMargin = points(op.setup.margins.top);
        p.BottomMargin = points(op.setup.margins.bottom);
        p.LeftMargin = points(op.setup.margins.left);
        p.RightMargin = points(op.setup.margins.right);
      }
      return;
    }
    case 'printTitles':
      ws.PageSetup.PrintTitleRows = op.rows ? `$${op.rows.replace(':', ':$')}` : '';
      return;
    case 'rowBreaks': {
      ws.ResetAllPageBreaks();
      const breaks = ws.HPageBreaks;
      for (const row of op.rows) breaks.Add(ws.Range(`A${row}`));
      return;
    }
  }
}
