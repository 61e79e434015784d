// Edits made to the exceljs model without a plan (a host's own settings sheet, a caller editing
// cells directly): found by comparing the model with the file as it was loaded, so the package
// writer never drops them. Each differing cell, column width, row height or sheet of notes is
// added to what the plans touched. Merges and other sheet structure are not compared.
import type * as ExcelJS from 'exceljs';
import type { SheetTouches, Touches } from './touched';

function cellPrints(ws: ExcelJS.Worksheet): Map<string, { value: string; style: string; note: string }> {
  const out = new Map<string, { value: string; style: string; note: string }>();
  ws.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      const value = JSON.stringify(cell.value ?? null);
      const style = JSON.stringify(cell.style ?? {});
      const note = JSON.stringify(cell.note ?? null);
      if (value === 'null' && style === '{}' && note === 'null') return;
      out.set(cell.address, { value, style, note });
    }),
  );
  return out;
}

function sheetEdits(before: ExcelJS.Worksheet, after: ExcelJS.Worksheet): SheetTouches | undefined {
  const t: SheetTouches = { cells: new Map(), columns: new Set(), rows: new Set(), notes: false };
  const a = cellPrints(before);
  const b = cellPrints(after);
  const none = { value: 'null', style: '{}', note: 'null' };
  for (const address of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(address) ?? none;
    const y = b.get(address) ?? none;
    const value = x.value !== y.value;
    const style = x.style !== y.style;
    if (value || style) t.cells.set(address, { value, style });
    if (x.note !== y.note) t.notes = true;
  }
  const columns = Math.max(before.columnCount, after.columnCount, before.columns?.length ?? 0, after.columns?.length ?? 0);
  for (let c = 1; c <= columns; c++) {
    if ((before.getColumn(c).width ?? null) !== (after.getColumn(c).width ?? null)) t.columns.add(after.getColumn(c).letter);
  }
  const rows = Math.max(before.rowCount, after.rowCount);
  for (let r = 1; r <= rows; r++) {
    if ((before.findRow(r)?.height ?? null) !== (after.findRow(r)?.height ?? null)) t.rows.add(r);
  }
  return t.cells.size > 0 || t.columns.size > 0 || t.rows.size > 0 || t.notes ? t : undefined;
}

/** What the plans touched plus every other difference between `loaded` and `model`. */
export function withModelEdits(touches: Touches, loaded: ExcelJS.Workbook, model: ExcelJS.Workbook): Touches {
  const out: Touches = { sheets: new Map(), structural: new Set(touches.structural) };
  for (const [k, s] of touches.sheets) {
    out.sheets.set(k, {
      cells: new Map([...s.cells].map(([a, c]) => [a, { ...c }])),
      columns: new Set(s.columns),
      rows: new Set(s.rows),
      notes: s.notes,
    });
  }
  for (const ws of model.worksheets) {
    const key = ws.name.toLowerCase();
    if (out.structural.has(key)) continue;
    const before = loaded.worksheets.find((w) => w.name.toLowerCase() === key);
    if (!before) continue;
    const edits = sheetEdits(before, ws);
    if (!edits) continue;
    const s = out.sheets.get(key) ?? { cells: new Map(), columns: new Set<string>(), rows: new Set<number>(), notes: false };
    for (const [a, c] of edits.cells) {
      const had = s.cells.get(a);
      s.cells.set(a, { value: c.value || had?.value === true, style: c.style || had?.style === true });
    }
    for (const c of edits.columns) s.columns.add(c);
    for (const r of edits.rows) s.rows.add(r);
    s.notes = s.notes || edits.notes;
    out.sheets.set(key, s);
  }
  return out;
}
