// CODE-NAME in the tables: a 科目编码 printed with a name other than the official one of the
// workbook's year (gov-classification.json). One finding per code and printed name, naming
// every cell that prints it.
import type { CellRef, Finding } from '../finding';
import type { Grid } from '../grid';
import { address } from '../grid';
import type { Model, Table, TableRow } from '../model';
import type { UncheckedFamily } from '../unchecked';
import { normalizeLabel } from '../tables';
import {
  CODE_NAME_RULE,
  FIRST_YEAR,
  formerMatch,
  isOfficialName,
  GOV_CLASSIFICATION,
  levelComplete,
  levelOf,
  nameKey,
  officialEntry,
  sourceText,
  type ClassificationData,
  type CodeEntry,
} from './classification';

/** The cell of the row that prints its name (else its first filled cell, else column A). */
function nameCell(grid: Grid | undefined, table: Table, row: TableRow): CellRef {
  const r = row.rowIndex ?? 0;
  const cells = grid?.cells[r] ?? [];
  let first: number | undefined;
  for (let c = 0; c < cells.length; c++) {
    const text = typeof cells[c] === 'string' ? normalizeLabel(cells[c] as string) : '';
    if (text === '') continue;
    first ??= c;
    if (row.label !== '' && text.endsWith(row.label)) return { sheet: table.sheet, address: address(r, c) };
  }
  return { sheet: table.sheet, address: address(r, first ?? 0) };
}

interface Printed {
  code: string;
  label: string;
  /** Where it is printed: the cells are looked up only for a finding (most names are official). */
  rows: { table: Table; row: TableRow }[];
  tables: string[];
}

/**
 * The printed names that need a word, grouped by code and name: not the official name of the year,
 * or a code missing from a level the data lists whole. Most names are official: they are passed
 * over before any grouping.
 */
function namesToReport(model: Model, year: number, data: ClassificationData): Printed[] {
  const entries = new Map<string, CodeEntry | null>(); // per code, for this check (null: the data has none)
  const entryOf = (code: string) => {
    let entry = entries.get(code);
    if (entry === undefined) entries.set(code, (entry = officialEntry(code, year, data) ?? null));
    return entry;
  };
  const groups = new Map<string, Printed>();
  for (const table of Object.values(model.tables)) {
    if (!table) continue;
    for (const row of table.rows) {
      if (!row.code || row.label === '') continue;
      const entry = entryOf(row.code);
      if (entry ? isOfficialName(entry, row.label) : !levelComplete(row.code, data)) continue;
      const level = levelOf(row.code);
      const key = `${row.code}|${nameKey(row.label, level)}`;
      const group = groups.get(key) ?? { code: row.code, label: row.label, rows: [], tables: [] };
      group.rows.push({ table, row });
      if (!group.tables.includes(table.title)) group.tables.push(table.title);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}

/** The cells that print the name, in table and row order. */
function cellsOf(p: Printed, grids: readonly Grid[]): CellRef[] {
  const bySheet = new Map(grids.map((g) => [g.sheet, g]));
  return p.rows.map(({ table, row }) => nameCell(bySheet.get(table.sheet), table, row));
}

function where(p: Printed, cells: CellRef[]): string {
  const first = `${cells[0].sheet}!${cells[0].address}`;
  return cells.length > 1 ? `${first}等${cells.length}处（${p.tables.join('、')}）` : `${first}（${p.tables[0]}）`;
}

/**
 * Each printed 科目名称 against the official name of `year` (or the nearest earlier year the data
 * holds). Nothing for a workbook before 2019 or of unknown year; an unknown code is a note only
 * where the data lists its whole level.
 */
export function checkCodeNames(
  model: Model,
  grids: readonly Grid[],
  year: number | undefined,
  data: ClassificationData = GOV_CLASSIFICATION,
): Finding[] {
  if (year === undefined || year < FIRST_YEAR) return [];
  const findings: Finding[] = [];
  for (const p of namesToReport(model, year, data)) {
    const level = levelOf(p.code);
    const entry = officialEntry(p.code, year, data);
    if (!entry) {
      if (levelComplete(p.code, data) && level) {
        const cells = cellsOf(p, grids);
        findings.push({
          rule: CODE_NAME_RULE,
          severity: 'info',
          message: `${where(p, cells)}的科目编码${p.code}（“${p.label}”）不在${year}年度政府收支分类科目${level}级中（依据：${data.title}），请核对编码。`,
          cells,
        });
      }
      continue;
    }
    if (isOfficialName(entry, p.label)) continue;
    const cells = cellsOf(p, grids);
    const old = formerMatch(entry, p.label, year);
    const source = `来源：${sourceText(entry, data)}`;
    const message = old
      ? `${where(p, cells)}科目${p.code}印为“${p.label}”，是旧称，${old.since}年起为“${entry.name}”（${source}）。`
      : `${where(p, cells)}科目${p.code}印为“${p.label}”，${year}年度政府收支分类科目中${p.code}为“${entry.name}”（${source}），请核对编码或名称。`;
    findings.push({ rule: CODE_NAME_RULE, severity: 'warning', message, cells });
  }
  return findings;
}

/** 未核验 when the names cannot be compared at all: the year is unknown or before the data. */
export function codeNamesUnchecked(model: Model, year: number | undefined): UncheckedFamily[] {
  const printsNames = Object.values(model.tables).some((t) => t?.rows.some((r) => r.code && r.label !== ''));
  if (!printsNames || (year !== undefined && year >= FIRST_YEAR)) return [];
  const reason =
    year === undefined
      ? '决算年度未知（补充信息“决算年度”未填，附表标题中也没有“YYYY年度”），科目名称未与当年政府收支分类科目核对'
      : `${year}年度早于${FIRST_YEAR}年，科目数据不涵盖，科目名称未核对`;
  return [{ family: '科目名称', rules: [CODE_NAME_RULE], reasons: [reason] }];
}
