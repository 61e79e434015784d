// Compact literals → Model / 补充信息 Grid for narrative tests. Every amount gets a fake but
// unique cell address (sheet = table id, one row per table row, one column per column key).
import type { Grid, CellValue } from '../../../src/core/grid';
import { columnLetters } from '../../../src/core/grid';
import type { Model, Table, TableId, TableRow } from '../../../src/core/model';
import { Decimal } from '../../../src/core/money';
import { TABLES } from '../../../src/core/tables';
import type { Paragraph, NarrativeResult, SectionId } from '../../../src/core/narrative';

type Num = number | string;

const FIRST_DATA_ROW = 6;

function makeTable(id: TableId, columns: string[], rows: Omit<TableRow, 'cells'>[], values: (Num | undefined)[][]): Table {
  const built: TableRow[] = rows.map((r, i) => {
    const cells: TableRow['cells'] = {};
    columns.forEach((c, j) => {
      const v = values[i][j];
      if (v === undefined) return;
      cells[c] = { value: new Decimal(v), cell: { sheet: id, address: `${columnLetters(j + 2)}${FIRST_DATA_ROW + i}` } };
    });
    return { ...r, cells };
  });
  return { id, title: TABLES[id].title, sheet: id, unit: '万元', columns, rows: built, notes: [] };
}

/** T01 / T04 style: { '收:总计': 986.91, … } in one column (default 金额). */
export function fixed(id: TableId, rows: Record<string, Num | Record<string, Num>>): Table {
  const keys = Object.keys(rows);
  const columns = new Set<string>();
  for (const k of keys) {
    const v = rows[k];
    if (typeof v === 'object') Object.keys(v).forEach((c) => columns.add(c));
    else columns.add('金额');
  }
  const cols = [...columns];
  return makeTable(
    id,
    cols,
    keys.map((k) => ({ key: k, label: k.replace(/^[收支]:/, '') })),
    keys.map((k) => {
      const v = rows[k];
      return cols.map((c) => (typeof v === 'object' ? v[c] : c === '金额' ? v : undefined));
    }),
  );
}

/** Classified table: rows [key-or-code, label, ...amounts in column order]. */
export function classified(id: TableId, columns: string[], rows: [string, string, ...Num[]][]): Table {
  return makeTable(
    id,
    columns,
    rows.map(([key, label]) => {
      const isCode = /^\d+$/.test(key);
      return isCode ? { key, label, code: key, level: (key.length === 3 ? 1 : key.length === 5 ? 2 : 3) as 1 | 2 | 3 } : { key, label };
    }),
    rows.map(([, , ...nums]) => nums),
  );
}

/** T08 / T09: [code, label, amount] per group plus the 合计 rows. */
export function economic(
  id: TableId,
  groups: { 人员经费: [string, string, Num][]; 公用经费: [string, string, Num][] },
  totals: Record<string, Num>,
): Table {
  const rows: Omit<TableRow, 'cells'>[] = [];
  const values: Num[][] = [];
  for (const group of ['人员经费', '公用经费'] as const) {
    for (const [code, label, v] of groups[group]) {
      rows.push({ key: code, label, code, level: code.length === 3 ? 1 : 2, group });
      values.push([v]);
    }
  }
  for (const [k, v] of Object.entries(totals)) {
    rows.push({ key: k, label: k });
    values.push([v]);
  }
  return makeTable(id, ['金额'], rows, values);
}

export const SAN_GONG_COLUMNS = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费'];

/** T10 / T12: { 预算数: [6 amounts], 决算数: [6 amounts] } in SAN_GONG_COLUMNS order. */
export function sanGong(id: TableId, blocks: { 预算数: Num[]; 决算数: Num[] }): Table {
  return makeTable(
    id,
    SAN_GONG_COLUMNS,
    [
      { key: '预算数', label: '预算数' },
      { key: '决算数', label: '决算数' },
    ],
    [blocks.预算数, blocks.决算数],
  );
}

export function model(...tables: Table[]): Model {
  const m: Model = { tables: {}, findings: [] };
  for (const t of tables) m.tables[t.id] = t;
  return m;
}

/** A 补充信息 sheet: title, header, then [项目, 科目编码, 本年数, 上年数, 预算数, 原因说明] rows. */
export function supplementGrid(rows: CellValue[][], sheet = '补充信息'): Grid {
  return {
    sheet,
    cells: [['补充信息'], ['项目', '科目编码', '本年数', '上年数', '预算数', '原因说明'], ...rows],
    merges: [],
  };
}

/** Undo the PDF extraction of seed002: drop all spaces, half-width punctuation → full-width. */
export function norm(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/:/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

export function sectionOf(result: NarrativeResult, id: SectionId) {
  const s = result.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

export function texts(result: NarrativeResult, id: SectionId): string[] {
  return sectionOf(result, id).paragraphs.map((p) => p.text);
}

/** Every slot's text must sit at its offset in the paragraph. */
export function slotsConsistent(p: Paragraph): boolean {
  return p.slots.every((s) => p.text.slice(s.start, s.start + s.text.length) === s.text);
}
