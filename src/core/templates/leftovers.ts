// The template's own instructions left in a published table (“无…的，仍保留该表格式，并在本表下方作下述
// 说明：”): TXT-TEMPLATE on the cell, for every table sheet the reader recognised.
import type { Finding } from '../finding';
import type { Grid } from '../grid';
import { address, cellAt, colCount, rowCount } from '../grid';
import type { Model, Table } from '../model';
import type { Template } from './types';

export function leftoverInstructionFindings(grids: Grid[], model: Model, template: Template): Finding[] {
  const patterns = template.instructions.map((s) => new RegExp(s));
  const sheets = new Set(
    Object.values(model.tables)
      .filter((t): t is Table => t !== undefined)
      .map((t) => t.sheet),
  );
  const out: Finding[] = [];
  for (const grid of grids) {
    if (!sheets.has(grid.sheet)) continue;
    for (let r = 0; r < rowCount(grid); r++) {
      for (let c = 0; c < colCount(grid); c++) {
        const v = cellAt(grid, r, c);
        if (typeof v !== 'string') continue;
        const text = v.replace(/\s+/g, '');
        if (!patterns.some((re) => re.test(text))) continue;
        out.push({
          rule: 'TXT-TEMPLATE',
          severity: 'warning',
          message: `表“${grid.sheet}”${address(r, c)}仍留有模板的填写说明“${v.trim()}”，公开前应删除。`,
          cells: [{ sheet: grid.sheet, address: address(r, c) }],
        });
      }
    }
  }
  return out;
}
