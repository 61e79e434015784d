// The workbook-level parts the fast reader needs: the sheet list (workbook.xml + its rels), the
// shared strings, and which cell styles are date formats (styles.xml numFmts / cellXfs).

import { runsText, XmlScanner } from './xml';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetEntry {
  name: string;
  state: SheetState;
  /** Zip part name of the worksheet (lower case not guaranteed), or undefined if not found. */
  part: string | undefined;
  /** Relationship type ends with /worksheet (chart and dialog sheets are not read, as exceljs). */
  isWorksheet: boolean;
}

export interface WorkbookInfo {
  sheets: SheetEntry[];
  date1904: boolean;
  sharedStringsPart?: string;
  stylesPart?: string;
}

interface Relationship {
  target: string;
  type: string;
}

/** "worksheets/sheet1.xml" → "xl/worksheets/sheet1.xml"; "/xl/…" → "xl/…"; "../x" resolved. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function parseRelationships(xml: string, base = 'xl'): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.name !== 'Relationship' || x.kind === 'close') continue;
    const id = x.attr('Id');
    const target = x.attr('Target');
    if (id === undefined || target === undefined || x.attr('TargetMode') === 'External') continue;
    out.set(id, { target: resolveTarget(base, target), type: x.attr('Type') ?? '' });
  }
  return out;
}

export function parseWorkbook(xml: string, rels: Map<string, Relationship>): WorkbookInfo {
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.kind === 'close') continue;
    if (x.name === 'workbookPr') {
      const v = x.attr('date1904');
      date1904 = v === '1' || v === 'true';
    } else if (x.name === 'sheet') {
      const name = x.attr('name') ?? '';
      const stateAttr = x.attr('state');
      const state: SheetState = stateAttr === 'hidden' || stateAttr === 'veryHidden' ? stateAttr : 'visible';
      const rel = rels.get(x.prefixedAttr('id') ?? x.attr('id') ?? '');
      sheets.push({ name, state, part: rel?.target, isWorksheet: !rel || /\/worksheet$/.test(rel.type) || rel.type === '' });
    } else if (x.name === 'definedNames') {
      break; // names (print areas, _FilterDatabase …) are never expanded: the reader does not need them
    }
  }
  let sharedStringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const rel of rels.values()) {
    if (/\/sharedStrings$/.test(rel.type)) sharedStringsPart = rel.target;
    else if (/\/styles$/.test(rel.type)) stylesPart = rel.target;
  }
  return { sheets, date1904, sharedStringsPart, stylesPart };
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const x = new XmlScanner(xml);
  while (x.next()) {
    if (x.name !== 'si') continue;
    if (x.kind === 'empty') out.push('');
    else if (x.kind === 'open') out.push(runsText(x, 'si'));
  }
  return out;
}

// Built-in number formats that are dates or times: exceljs's table (14–22, 45–47) and the
// Chinese-locale built-ins (27–36, 50–58: yyyy"年"m"月"d"日" and the like), whose serial numbers
// must not be read as amounts.
const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** exceljs's test (utils.isDateFmt): date letters outside [..] and "..". */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cell style index (the s attribute of <c>): whether it formats numbers as dates. */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const out: boolean[] = [];
  const x = new XmlScanner(xml);
  let inCellXfs = false;
  while (x.next()) {
    if (x.name === 'numFmt' && x.kind !== 'close') {
      const id = Number(x.attr('numFmtId'));
      const code = x.attr('formatCode');
      if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
    } else if (x.name === 'cellXfs') {
      if (x.kind === 'open') inCellXfs = true;
      else if (x.kind === 'close') break;
    } else if (inCellXfs && x.name === 'xf' && x.kind !== 'close') {
      const id = Number(x.attr('numFmtId') ?? 0);
      const code = custom.get(id);
      out.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id));
    }
  }
  return out;
}
