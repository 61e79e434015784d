// The reader: Grids in, the typed Model out. Each sheet is recognised by its title, read by the
// reader of its table kind, and every problem met on the way becomes a READ finding.
import type { Finding } from '../finding';
import type { Grid } from '../grid';
import type { Model, Table, TableId } from '../model';
import { TABLES, TableKind } from '../tables';
import { detectTemplate, getTemplate } from '../templates';
import type { Template } from '../templates';
import { readClassified } from './classified';
import { ReadContext } from './context';
import { readFinding } from './findings';
import { readFixed } from './fixed';
import { readEconomicGroups } from './groups';
import { Recognised, recogniseTable } from './recognise';
import { readSanGong } from './sangong';
import { SheetView } from './sheet';
import { findUnit } from './unit';

/** A template id (src/core/templates): sichuan14, mof9, shanghai9 … */
export type ProfileId = string;

export interface ReadOptions {
  /** The template to read with; detected when absent. */
  profile?: ProfileId;
  /** Lines of the 情况说明 text, whose part heading helps detect the template. */
  text?: string[];
}

const READERS: Record<TableKind, (ctx: ReadContext) => Table | undefined> = {
  fixed: readFixed,
  classified: readClassified,
  economicGroups: readEconomicGroups,
  sanGong: readSanGong,
};

export function readWorkbook(grids: Grid[], options: ReadOptions = {}): Model & { profile: string } {
  const findings: Finding[] = [];
  const tables: Partial<Record<TableId, Table>> = {};
  const present = new Set<TableId>();
  const titles: string[] = [];
  const unread = new Map<TableId, { id: TableId; cell: { sheet: string; address: string } }>();
  for (const grid of visibleFirst(grids)) {
    const view = new SheetView(grid);
    const recognised = recogniseTable(view);
    if (!recognised) continue;
    present.add(recognised.id);
    titles.push(recognised.printed);
    const earlier = tables[recognised.id];
    if (earlier) {
      findings.push(duplicateFinding(view.sheet, earlier, recognised, grid.hidden));
      continue;
    }
    // A sheet that cannot be read leaves the table open for a later sheet with the same title.
    const table = readTable(view, recognised, findings);
    if (table) tables[recognised.id] = table;
    else if (!unread.has(recognised.id))
      unread.set(recognised.id, { id: recognised.id, cell: { sheet: view.sheet, address: recognised.titleAddress } });
  }
  const template = options.profile ? getTemplate(options.profile) : detectTemplate([...present], options.text, titles);
  findings.push(...missingTableFindings(template, [...present]));
  // messages name each table as its template prints it (高等学校财政拨款支出决算表)
  for (const own of template.tables) {
    const table = tables[own.id];
    if (table) table.title = own.title;
  }
  const unreadTables = [...unread.values()].filter((t) => !tables[t.id]);
  return { tables, findings, profile: template.id, ...(unreadTables.length > 0 ? { unreadTables } : {}) };
}

/**
 * Visible sheets before hidden ones, each in workbook order: a hidden (often very hidden) copy of a
 * table placed before the visible one is typically a stale copy, and the visible one is what the
 * user sees and prints.
 */
function visibleFirst(grids: Grid[]): Grid[] {
  return [...grids.filter((g) => !g.hidden), ...grids.filter((g) => g.hidden)];
}

function duplicateFinding(sheet: string, earlier: Table, recognised: Recognised, hidden: Grid['hidden']): Finding {
  if (hidden) {
    return readFinding(
      'warning',
      `隐藏的工作表“${sheet}”也是${earlier.title}（可能是旧的副本），只读取可见的表“${earlier.sheet}”，请确认隐藏表是否应删除`,
      { sheet, address: recognised.titleAddress },
    );
  }
  return readFinding('warning', `表“${sheet}”与表“${earlier.sheet}”都是${earlier.title}，只读取表“${earlier.sheet}”`, {
    sheet,
    address: recognised.titleAddress,
  });
}

function readTable(view: SheetView, recognised: Recognised, findings: Finding[]): Table | undefined {
  const def = TABLES[recognised.id];
  const titleCell = { sheet: view.sheet, address: recognised.titleAddress };
  let unit = findUnit(view, recognised.titleRow);
  if (!unit) {
    unit = '万元';
    findings.push(readFinding('warning', `表“${view.sheet}”（${def.title}）未注明金额单位，按万元读取`, titleCell));
  }
  const ctx: ReadContext = {
    view,
    unit,
    findings,
    def,
    titleRow: recognised.titleRow,
    titleAddress: recognised.titleAddress,
    unreadCells: [],
  };
  return READERS[def.kind](ctx);
}

export function detectProfile(present: TableId[], text?: string[]): ProfileId {
  return detectTemplate(present, text).id;
}

function missingTableFindings(template: Template, present: TableId[]): Finding[] {
  return template.tables
    .filter((t) => !present.includes(t.id))
    .map((t) => readFinding(t.optional ? 'info' : 'warning', `未找到附表：${t.title}`));
}
