// Printing in WPS 表格: Worksheet.PageSetup (Orientation, PaperSize, Zoom=false with
// FitToPagesWide=1 / FitToPagesTall=false, margins in points, PrintTitleRows), and manual row
// breaks through Worksheet.ResetAllPageBreaks() and HPageBreaks.Add(Before) — the Excel VBA
// object model as et-jsapi-declare types it (lib.et.d.ts: interface PageSetup, HPageBreaks).
import type { PlanOp } from '../../core/plan';

type PageOp = Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>;

/** XlPageOrientation, XlPaperSize. */
export const xlPortrait = 1;
export const xlLandscape = 2;
export const xlPaperA4 = 9;

/** The subset of a WPS worksheet these calls use. */
export interface WpsPageSheet {
  PageSetup: {
    Orientation: number;
    PaperSize: number;
    Zoom: number | boolean;
    FitToPagesWide: number | boolean;
    FitToPagesTall: number | boolean;
    TopMargin: number;
    BottomMargin: number;
    LeftMargin: number;
    RightMargin: number;
    PrintTitleRows: string;
  };
  ResetAllPageBreaks(): void;
  HPageBreaks: { Add(Before: unknown): unknown };
  Range(address: string): unknown;
}

export function applyWpsPageOp(ws: WpsPageSheet, op: PageOp): void {
  switch (op.kind) {
    case 'pageSetup': {
      if (!op.setup) return;
      const p = ws.PageSetup;
      p.Orientation = op.setup.orientation === 'landscape' ? xlLandscape : xlPortrait;
      p.PaperSize = xlPaperA4;
      if (op.setup.fitToWidth) {
        p.Zoom = false;
        p.FitToPagesWide = 1;
        p.FitToPagesTall = false;
      }
      if (op.setup.margins) {
        p.TopMargin = op.setup.margins.top * 72;
        p.BottomMargin = op.setup.margins.bottom * 72;
        p.LeftMargin = op.setup.margins.left * 72;
        p.RightMargin = op.setup.margins.right * 72;
      }
      return;
    }
    case 'printTitles':
      ws.PageSetup.PrintTitleRows = op.rows ? `$${op.rows.replace(':', ':$')}` : '';
      return;
    case 'rowBreaks':
      ws.ResetAllPageBreaks();
      for (const row of op.rows) ws.HPageBreaks.Add(ws.Range(`A${row}`));
      return;
  }
}
