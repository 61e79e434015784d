// Printing in the file host (exceljs): page setup, print titles and manual row breaks, each
// read as one JSON snapshot so the journal can put all three back. Kept apart from apply.ts so a
// replacement writer can call it as it is.
import type * as ExcelJS from 'exceljs';
import type { Json, PageSetup, PlanOp } from '../../core/plan';

type Worksheet = ExcelJS.Worksheet;
type PageOp = Extract<PlanOp, { kind: 'pageSetup' | 'printTitles' | 'rowBreaks' }>;

/** exceljs keeps manual row breaks as { id: row after which the page breaks, max, man }. */
interface RowBreak {
  id: number;
  max: number;
  man: number;
}

function breaksOf(ws: Worksheet): RowBreak[] {
  const w = ws as unknown as { rowBreaks?: RowBreak[] };
  if (!w.rowBreaks) w.rowBreaks = [];
  return w.rowBreaks;
}

const A4 = 9; // SpreadsheetML paperSize 9 = A4 (ECMA-376 §18.3.1.63)

/**
 * The page setup and print titles, in a fixed key order so snapshots compare as text. Row
 * breaks are left out: exceljs 4.4 writes <rowBreaks> but does not read them back, so a loaded
 * sheet's breaks are unknown (undo clears the breaks juesuan set).
 */
export function readPage(ws: Worksheet): Json {
  const p = ws.pageSetup ?? {};
  const m = p.margins;
  return JSON.parse(
    JSON.stringify({
      orientation: p.orientation ?? null,
      paperSize: p.paperSize ?? null,
      fitToPage: p.fitToPage ?? null,
      fitToWidth: p.fitToWidth ?? null,
      fitToHeight: p.fitToHeight ?? null,
      margins: m ? { top: m.top, bottom: m.bottom, left: m.left, right: m.right, header: m.header, footer: m.footer } : null,
      printTitlesRow: p.printTitlesRow ? p.printTitlesRow.replace(/\$/g, '') : null,
    }),
  ) as Json;
}

function restore(ws: Worksheet, raw: Json): void {
  const r = raw as Record<string, unknown>;
  const setup = ws.pageSetup as unknown as Record<string, unknown>;
  for (const key of ['orientation', 'paperSize', 'fitToPage', 'fitToWidth', 'fitToHeight', 'margins', 'printTitlesRow']) {
    if (r[key] === null || r[key] === undefined) delete setup[key];
    else setup[key] = r[key];
  }
  const breaks = breaksOf(ws);
  breaks.splice(0, breaks.length, ...((r.rowBreaks as RowBreak[] | undefined) ?? []));
}

function writeSetup(ws: Worksheet, setup: PageSetup): void {
  ws.pageSetup.orientation = setup.orientation;
  ws.pageSetup.paperSize = A4;
  ws.pageSetup.fitToPage = setup.fitToWidth;
  if (setup.fitToWidth) {
    ws.pageSetup.fitToWidth = 1;
    ws.pageSetup.fitToHeight = 0; // as many pages tall as needed
  }
  if (setup.margins) ws.pageSetup.margins = { ...setup.margins, header: 0.3, footer: 0.3 };
}

export function writePage(ws: Worksheet, op: PageOp): void {
  switch (op.kind) {
    case 'pageSetup':
      if (op.raw !== undefined) restore(ws, op.raw);
      else if (op.setup) writeSetup(ws, op.setup);
      break;
    case 'printTitles':
      if (op.rows) ws.pageSetup.printTitlesRow = op.rows;
      else delete (ws.pageSetup as { printTitlesRow?: string }).printTitlesRow;
      break;
    case 'rowBreaks': {
      const breaks = breaksOf(ws);
      breaks.splice(0, breaks.length, ...op.rows.filter((r) => r > 1).map((r) => ({ id: r - 1, max: 16383, man: 1 })));
      break;
    }
  }
}
