// Building Models for rule tests from compact literals.
//
//   table('T02', [
//     ['合计', { 本年收入合计: '100.00', 财政拨款收入: '100.00@E7' }],
//     ['201',  { 本年收入合计: '100.00~100.004' }],     // value~raw
//   ])
//   table('T01', [['收:本年收入合计', '948.06@C14']])   // one string = the 金额 column
//
// Amounts are strings. In a 万元 table they are 万元; in a 元 table (opts.unit '元') they are 元 and
// converted to 万元 exactly. `@D7` fixes the cell address; otherwise column letter C, D, … by the
// column's position (支 side of T01/T04 from F) and row 7, 8, … by the row's position.
import type { Amount, Model, Table, TableId, TableRow } from '../../../src/core/model';
import { Decimal, toWan, type Unit } from '../../../src/core/money';
import { FUNCTION_CLASSES, TABLES } from '../../../src/core/tables';

export type CellSpec = string;
export type RowSpec = [key: string, cells: CellSpec | Record<string, CellSpec>, label?: string];

export interface TableOptions {
  unit?: Unit;
  notes?: string[];
  sheet?: string;
  /** Column keys found in the sheet; default: every catalog column of the table. */
  columns?: string[];
}

const CODE_NAMES: Record<string, string> = {
  ...FUNCTION_CLASSES,
  '20101': '人大事务',
  '2010101': '行政运行',
  '2010104': '人大会议',
  '20805': '行政事业单位养老支出',
  '2080505': '机关事业单位基本养老保险缴费支出',
  '2080506': '机关事业单位职业年金缴费支出',
  '21011': '行政事业单位医疗',
  '2101101': '行政单位医疗',
  '2101102': '事业单位医疗',
  '2101103': '公务员医疗补助',
  '21208': '国有土地使用权出让收入安排的支出',
  '2120801': '征地和拆迁补偿支出',
  '22102': '住房改革支出',
  '2210201': '住房公积金',
  '22301': '解决历史遗留问题及改革成本支出',
  '2230101': '厂办大集体改革支出',
  '301': '工资福利支出',
  '30101': '基本工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30113': '住房公积金',
  '302': '商品和服务支出',
  '30201': '办公费',
  '30211': '差旅费',
  '30215': '会议费',
  '30217': '公务接待费',
  '30227': '委托业务费',
  '30231': '公务用车运行维护费',
  '303': '对个人和家庭的补助',
  '30302': '退休费',
};

const CLASS_CODE_BY_NAME: Record<string, string> = Object.fromEntries(Object.entries(FUNCTION_CLASSES).map(([c, n]) => [n, c]));

export function table(id: TableId, rows: RowSpec[], opts: TableOptions = {}): Table {
  const unit = opts.unit ?? '万元';
  const sheet = opts.sheet ?? `表${Number(id.slice(1))}`;
  const columns = opts.columns ?? TABLES[id].columns.map((c) => c.key);
  return {
    id,
    title: TABLES[id].title,
    sheet,
    unit,
    columns,
    notes: opts.notes ?? [],
    rows: rows.map(([key, cells, label], index) => makeRow(key, cells, label, index, { sheet, unit, columns })),
  };
}

function makeRow(
  key: string,
  spec: RowSpec[1],
  label: string | undefined,
  index: number,
  ctx: { sheet: string; unit: Unit; columns: string[] },
): TableRow {
  const code = /^\d+$/.test(key) ? key : CLASS_CODE_BY_NAME[key.replace(/^支:/, '')];
  const cellSpecs = typeof spec === 'string' ? { 金额: spec } : spec;
  const sideOffset = key.startsWith('支:') ? 3 : 0;
  const cells: Record<string, Amount> = {};
  for (const [col, text] of Object.entries(cellSpecs)) {
    const colIndex = Math.max(0, ctx.columns.indexOf(col)) + sideOffset;
    const defaultAddress = `${String.fromCharCode(67 + colIndex)}${7 + index}`;
    cells[col] = amount(text, ctx.unit, ctx.sheet, defaultAddress);
  }
  const row: TableRow = { key, label: label ?? (code ? (CODE_NAMES[code] ?? '') : key), cells };
  if (code) {
    row.code = code;
    row.level = ({ 3: 1, 5: 2, 7: 3 } as const)[code.length as 3 | 5 | 7];
  }
  return row;
}

/** "12.35~12.3456@D7" → Amount. */
export function amount(text: CellSpec, unit: Unit = '万元', sheet = '表1', defaultAddress = 'A1'): Amount {
  const [numbers, address = defaultAddress] = text.split('@');
  const [value, raw] = numbers.split('~');
  const result: Amount = { value: toWan(new Decimal(value), unit), cell: { sheet, address } };
  if (raw !== undefined) result.raw = toWan(new Decimal(raw), unit);
  return result;
}

export function model(...tables: Table[]): Model {
  const m: Model = { tables: {}, findings: [] };
  for (const t of tables) m.tables[t.id] = t;
  return m;
}

/** Change one published amount in place (keeps the cell address). Value in the table's unit. */
export function set(m: Model, id: TableId, rowKey: string, col: string, value: string): Model {
  const t = m.tables[id];
  const row = t?.rows.find((r) => r.key === rowKey);
  const cell = row?.cells[col];
  if (!t || !row || !cell) throw new Error(`no cell ${id}[${rowKey}].${col}`);
  row.cells[col] = { value: toWan(new Decimal(value), t.unit), cell: cell.cell };
  return m;
}
