// Read the 补充信息 sheet (interfaces.md §2): title cell 补充信息 in the first rows, a header
// row 项目 | 科目编码 | 本年数 | 上年数 | 预算数 | 原因说明 in any order, then one row per item,
// matched by its 项目 label (with or without a bracketed unit) or, for budgets, by 科目编码.
import type { Finding } from '../finding';
import type { CellValue, Grid } from '../grid';
import { address, cellAt, cellText, colCount, isCellError, rowCount } from '../grid';
import type { Amount } from '../model';
import { roundHalfUp } from '../money';
import { normalizeLabel } from '../tables';
import type { Parsed } from './parse';
import { parseNumber, parseYear } from './parse';
import type { NumericColumn, SupplementColumn, SupplementRowDef } from './rows';
import { NUMERIC_COLUMNS, SUPPLEMENT_HEADERS, SUPPLEMENT_LABEL_ALIASES, SUPPLEMENT_ROWS } from './rows';
import type { Supplement, SupplementRow } from './types';
import { checkSupplement } from './check';
import { printedNumberAmount } from '../read/value';

export const SUPPLEMENT_TITLE = '补充信息';

/** How many top rows may hold the title and the header. */
const TITLE_ROWS = 5;
const HEADER_ROWS = 12;

type HeaderKey = keyof typeof SUPPLEMENT_HEADERS;

/** Normalised label without a trailing bracketed unit: “机关运行经费（万元）” → “机关运行经费”. */
export function labelKey(text: string): string {
  const s = normalizeLabel(text);
  if (!s.endsWith('）')) return s;
  // walk back to the bracket that opens the trailing group (groups may nest: （台（套））)
  let depth = 0;
  for (let i = s.length - 1; i >= 0; i--) {
    if (s[i] === '）') depth++;
    else if (s[i] === '（' && --depth === 0) return i === 0 ? s : s.slice(0, i);
  }
  return s;
}

const LABEL_INDEX: Map<string, SupplementRowDef> = (() => {
  const m = new Map<string, SupplementRowDef>();
  for (const def of SUPPLEMENT_ROWS) {
    m.set(normalizeLabel(def.label), def);
    m.set(labelKey(def.label), def);
  }
  for (const [alias, label] of Object.entries(SUPPLEMENT_LABEL_ALIASES)) {
    const def = SUPPLEMENT_ROWS.find((d) => d.label === label);
    if (def) m.set(labelKey(alias), def);
  }
  return m;
})();

/** The row definition a label means, if any. */
export function matchSupplementLabel(text: string): SupplementRowDef | undefined {
  return LABEL_INDEX.get(normalizeLabel(text)) ?? LABEL_INDEX.get(labelKey(text));
}

// The code asks for rows by their canonical labels, many times a check: those are matched once.
const CANONICAL_LABELS: Map<string, SupplementRowDef> = new Map(
  SUPPLEMENT_ROWS.filter((def) => matchSupplementLabel(def.label) === def).map((def) => [def.label, def]),
);

function rowDefOf(label: string): SupplementRowDef | undefined {
  return CANONICAL_LABELS.get(label) ?? matchSupplementLabel(label);
}

function isTitleCell(v: CellValue): boolean {
  // normalising only drops or swaps characters: a cell without 补 cannot read 补充信息
  if (typeof v !== 'string' || !v.includes('补')) return false;
  const s = labelKey(v).replace(/[“”"]/g, '');
  return s.includes(SUPPLEMENT_TITLE) && s.length <= 30;
}

function titleRow(grid: Grid): number | undefined {
  const rows = Math.min(TITLE_ROWS, rowCount(grid));
  const cols = colCount(grid);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) if (isTitleCell(cellAt(grid, r, c))) return r;
  return undefined;
}

/** The first grid whose first rows hold the title 补充信息. */
export function findSupplementGrid(grids: Grid[]): Grid | undefined {
  return grids.find((g) => titleRow(g) !== undefined);
}

function headerKeyOf(v: CellValue): HeaderKey | undefined {
  if (typeof v !== 'string') return undefined;
  const s = labelKey(v);
  for (const key of Object.keys(SUPPLEMENT_HEADERS) as HeaderKey[]) {
    if (SUPPLEMENT_HEADERS[key].includes(s)) return key;
  }
  return undefined;
}

function findHeader(grid: Grid, from: number): { row: number; cols: Partial<Record<HeaderKey, number>> } | undefined {
  const last = Math.min(rowCount(grid), from + HEADER_ROWS);
  const width = colCount(grid);
  for (let r = from; r < last; r++) {
    const cols: Partial<Record<HeaderKey, number>> = {};
    for (let c = 0; c < width; c++) {
      const key = headerKeyOf(cellAt(grid, r, c));
      if (key && cols[key] === undefined) cols[key] = c;
    }
    const valueCols = NUMERIC_COLUMNS.filter((k) => cols[k] !== undefined).length + (cols.原因说明 !== undefined ? 1 : 0);
    if (cols.项目 !== undefined && valueCols >= 1) return { row: r, cols };
  }
  return undefined;
}

const CODE = /^2\d{2}(\d{2}){0,2}$/;
const LEADING_CODE = /^(2\d{2}(?:\d{2}){0,2})(?!\d)/;
/** The columns whose text makes a row count as filled in. */
const VALUE_COLUMNS: readonly SupplementColumn[] = ['本年数', '上年数', '预算数', '原因说明', '主要用途'];

/** A 功能分类 code from a 科目编码 cell or from the start of a 项目 label (“2010101 行政运行”). */
function codeOf(codeCell: CellValue, labelCell: CellValue): string | undefined {
  const c = cellText(codeCell);
  if (CODE.test(c)) return c;
  const m = LEADING_CODE.exec(cellText(labelCell));
  return m ? m[1] : undefined;
}

function cellLabel(v: CellValue): string {
  if (v === null || v === undefined || isCellError(v)) return '';
  return String(v).trim();
}

/** Read the sheet. Never throws: problems become READ findings. */
export function readSupplement(grid: Grid): Supplement {
  const sheet = grid.sheet;
  const ref = (r: number, c: number) => ({ sheet, address: address(r, c) });
  const findings: Finding[] = [];
  const rows: Record<string, SupplementRow> = {};
  const budgets: Record<string, SupplementRow> = {};
  const supplement: Supplement = {
    sheet,
    rows,
    budgets,
    findings,
    get: (label) => {
      const def = rowDefOf(label);
      return def ? rows[def.label] : undefined;
    },
    byCode: (code) => budgets[code],
  };

  const header = findHeader(grid, titleRow(grid) ?? 0);
  if (!header) {
    findings.push({
      rule: 'READ',
      severity: 'warning',
      cells: [ref(0, 0)],
      message: `“${sheet}”表未找到表头（项目 | 科目编码 | 本年数 | 上年数 | 预算数 | 原因说明），补充信息未读取。`,
    });
    return supplement;
  }
  const cols = header.cols;
  const labelCol = cols.项目 as number;
  // the sheet's columns of each kind, looked up once rather than per row
  const valueColumns = present(cols, VALUE_COLUMNS);
  const numericColumns = present(cols, NUMERIC_COLUMNS);

  for (let r = header.row + 1; r < rowCount(grid); r++) {
    const labelValue = cellAt(grid, r, labelCol);
    const codeValue = cols.科目编码 !== undefined ? cellAt(grid, r, cols.科目编码) : null;
    const label = cellLabel(labelValue);
    const code = codeOf(codeValue, labelValue);
    if (label === '' && !code) {
      if (valueColumns.some(([, c]) => cellText(cellAt(grid, r, c)) !== '')) {
        findings.push({
          rule: 'READ',
          severity: 'warning',
          cells: [ref(r, labelCol)],
          message: `补充信息第${r + 1}行填了数值但没有项目名称，已忽略。`,
        });
      }
      continue;
    }

    const def = code ? undefined : matchSupplementLabel(label);
    if (!code && !def) {
      findings.push({
        rule: 'READ',
        severity: 'info',
        cells: [ref(r, labelCol)],
        message: `补充信息“${label}”不是可识别的项目，已忽略。`,
      });
      continue;
    }
    const key = code ?? (def as SupplementRowDef).label;
    const target = code ? budgets : rows;
    if (target[key]) {
      findings.push({
        rule: 'READ',
        severity: 'warning',
        cells: [ref(r, labelCol), target[key].labelCell],
        message: `补充信息“${code ? `科目${code}` : key}”出现了两次，使用第一行（${target[key].labelCell.address}）。`,
      });
      continue;
    }

    const labelCell = ref(r, code && cols.科目编码 !== undefined && CODE.test(cellText(codeValue)) ? cols.科目编码 : labelCol);
    // two literal shapes rather than a spread: properties after a spread are defined one by one at run time
    const row: SupplementRow = code
      ? { label: label.replace(code, '').trim() || code, code, labelCell, cells: {} }
      : { label: key, labelCell, cells: {} };
    for (const [k, c] of valueColumns) row.cells[k] = ref(r, c);
    const kind = def?.kind ?? 'amount';
    for (const [k, c] of numericColumns) {
      const v = cellAt(grid, r, c);
      if (k === '本年数' && cellText(v) !== '') row.text = { text: cellLabel(v), cell: ref(r, c) };
      if (kind === 'text') continue;
      // a figure as printed: its Decimal is made when asked for (the same value readNumber gives)
      const printed = kind === 'amount' && typeof v === 'number' ? printedNumberAmount(v, '万元', sheet, r, c) : undefined;
      const amount = printed ?? readNumber(v, kind, k, row.label, row.cells[k] ?? ref(r, c), findings);
      if (amount) row[k] = amount;
    }
    if (cols.原因说明 !== undefined) {
      const t = cellLabel(cellAt(grid, r, cols.原因说明));
      if (t !== '') row.原因说明 = { text: t, cell: ref(r, cols.原因说明) };
    }
    if (cols.主要用途 !== undefined) {
      const t = cellLabel(cellAt(grid, r, cols.主要用途));
      if (t !== '') row.主要用途 = { text: t, cell: ref(r, cols.主要用途) };
    }
    target[key] = row;
  }
  findings.push(...checkSupplement(supplement));
  return supplement;
}

/** The columns of `keys` the header found, in the order of `keys`, with their positions. */
function present<K extends HeaderKey>(cols: Partial<Record<HeaderKey, number>>, keys: readonly K[]): Array<[K, number]> {
  const found: Array<[K, number]> = [];
  for (const k of keys) {
    const c = cols[k];
    if (c !== undefined) found.push([k, c]);
  }
  return found;
}

function readNumber(
  v: CellValue,
  kind: 'year' | 'amount' | 'count',
  column: NumericColumn,
  label: string,
  cell: { sheet: string; address: string },
  findings: Finding[],
): Amount | undefined {
  const parsed: Parsed = kind === 'year' ? parseYear(v) : parseNumber(v);
  if (parsed.kind === 'blank') return undefined;
  const what = kind === 'year' ? '年份' : kind === 'count' ? '整数' : '金额（万元）';
  if (parsed.kind === 'bad') {
    findings.push({
      rule: 'READ',
      severity: 'warning',
      cells: [cell],
      message: `补充信息“${label}”的${column}“${parsed.text}”不是有效的${what}，按未填写处理。`,
    });
    return undefined;
  }
  const value = parsed.value;
  if (kind === 'count' && (!value.isInteger() || value.isNegative())) {
    findings.push({
      rule: 'READ',
      severity: 'warning',
      cells: [cell],
      message: `补充信息“${label}”的${column}“${value.toString()}”应为非负整数，按未填写处理。`,
    });
    return undefined;
  }
  if (kind === 'amount') {
    if (value.decimalPlaces() <= 2) return { value, cell }; // already as published
    const rounded = roundHalfUp(value, 2);
    return rounded.eq(value) ? { value: rounded, cell } : { value: rounded, raw: value, cell };
  }
  return { value, cell };
}
