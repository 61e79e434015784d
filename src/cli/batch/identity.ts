// Which unit and year a checked workbook is: the 补充信息 rows 单位名称 / 决算年度, else the title
// blocks of the 附表 (“部门：青川市示范局”, “2024年度…”).
import type { CheckResult } from '../../core/engine';
import type { Grid } from '../../core/grid';
import { cellText } from '../../core/grid';
import type { Table, TableId } from '../../core/model';

/** Rows of a table sheet searched for the title block. */
const TITLE_BLOCK_ROWS = 12;

/** “部门：X”, “编制单位：X”, “单位名称：X” — but not “金额单位：万元”. */
const UNIT_LABEL = /(?<!金额)(?:编制单位|填报单位|部门名称|单位名称|部门|单位)[:：]/;
const AMOUNT_UNIT = /^(?:万元|元|百元|千元)$/;

function tablesInOrder(result: CheckResult): Table[] {
  return (Object.keys(result.model.tables) as TableId[]).sort().map((id) => result.model.tables[id] as Table);
}

function titleBlockTexts(result: CheckResult, grids: Grid[]): string[][] {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  const out: string[][] = [];
  for (const t of tablesInOrder(result)) {
    const g = bySheet.get(t.sheet);
    if (!g) continue;
    const texts: string[] = [];
    for (let r = 0; r < Math.min(TITLE_BLOCK_ROWS, g.cells.length); r++) {
      for (const v of g.cells[r] ?? []) {
        if (typeof v === 'string' && v.trim() !== '') texts.push(v.trim());
      }
    }
    out.push(texts);
  }
  return out;
}

/** The name after a “部门：” label, cut before a following “金额单位：…” or a wide gap. */
export function unitFromLabel(text: string): string | undefined {
  const m = UNIT_LABEL.exec(text);
  if (!m) return undefined;
  let rest = text.slice(m.index + m[0].length);
  const cut = rest.search(/金额单位|单位[:：]|\s{2,}|\u3000/);
  if (cut >= 0) rest = rest.slice(0, cut);
  rest = rest.trim().replace(/[，,；;。]+$/, '');
  if (rest === '' || AMOUNT_UNIT.test(rest) || rest.length > 60) return undefined;
  return rest;
}

export function unitName(result: CheckResult, grids: Grid[]): string | null {
  const fromSupplement = result.supplement?.get('单位名称')?.text?.text?.trim();
  if (fromSupplement) return fromSupplement;
  for (const texts of titleBlockTexts(result, grids)) {
    for (const t of texts) {
      const name = unitFromLabel(t);
      if (name) return name;
    }
  }
  return null;
}

function plausibleYear(n: number): number | null {
  return Number.isInteger(n) && n >= 1990 && n <= 2100 ? n : null;
}

export function yearOf(result: CheckResult, grids: Grid[]): number | null {
  const amount = result.supplement?.get('决算年度')?.本年数;
  if (amount) {
    const y = plausibleYear(amount.value.toNumber());
    if (y !== null) return y;
  }
  for (const texts of titleBlockTexts(result, grids)) {
    for (const t of texts) {
      const m = /((?:19|20)\d\d)\s*年度?/.exec(cellText(t));
      if (m) return Number(m[1]);
    }
  }
  return null;
}
