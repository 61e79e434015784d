// The 决算 year of a workbook: the 补充信息 row 决算年度, else the title block of a 附表
// (“2023年度部门决算”), else the narrative text's first “2023年度”.
import type { Grid } from '../grid';
import { cellText } from '../grid';
import type { Model } from '../model';
import type { Supplement } from '../supplement/types';

const TITLE_BLOCK_ROWS = 12;
const YEAR = /((?:19|20)\d\d)\s*年度/;

function plausible(n: number): number | undefined {
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : undefined;
}

export function supplementYear(supplement: Supplement | undefined): number | undefined {
  const amount = supplement?.get('决算年度')?.本年数;
  return amount ? plausible(amount.value.toNumber()) : undefined;
}

export function textYear(texts: readonly string[]): number | undefined {
  for (const t of texts) {
    const m = YEAR.exec(t.replace(/[\s\u3000]+/g, ''));
    if (m) return plausible(Number(m[1]));
  }
  return undefined;
}

function titleYear(grids: readonly Grid[], model: Model): number | undefined {
  const sheets = new Set(Object.values(model.tables).map((t) => t?.sheet));
  for (const g of grids) {
    if (!sheets.has(g.sheet)) continue;
    for (let r = 0; r < Math.min(TITLE_BLOCK_ROWS, g.cells.length); r++) {
      for (const v of g.cells[r] ?? []) {
        const y = typeof v === 'string' && v.includes('年') ? textYear([cellText(v)]) : undefined; // no 年, no “YYYY年度”
        if (y) return y;
      }
    }
  }
  return undefined;
}

export function workbookYear(input: {
  grids: readonly Grid[];
  model: Model;
  supplement?: Supplement;
  texts?: readonly string[];
}): number | undefined {
  return supplementYear(input.supplement) ?? titleYear(input.grids, input.model) ?? textYear(input.texts ?? []);
}
