// Real published disclosures, transcribed as printed, as workbooks the tests can read.
//
// A fixture is a folder test/fixtures/real/<id>/ holding:
//   source.md      where it comes from (URL or repository + path + commit), what was transcribed
//   tables.json    RealTables: each 附表 as the document prints it, one sheet per table, cells as text
//   text.txt       the 情况说明 (and any other part transcribed), verbatim
//   expected.json  ExpectedFinding[]: the errors found by hand, each with its arithmetic
//
// Cells are transcribed as text; buildRealWorkbook stores a cell that reads as a plain number
// ("1,234.56", "-3.00", "0") as a number, as export software does, and everything else as text.
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

export interface RealSheet {
  /** Sheet name as the workbook would carry it (the document's table number, e.g. "公开01表"). */
  name: string;
  /** Rows top to bottom, cells left to right, as printed ("" for an empty cell). */
  rows: string[][];
  /** Merged ranges as printed, e.g. "A1:F1". */
  merges?: string[];
  /** Keep every cell as text (an export that writes numbers as text). */
  numbersAsText?: boolean;
}

export interface RealTables {
  /** The unit the document prints its tables in. */
  unit: '元' | '万元';
  sheets: RealSheet[];
}

export interface ExpectedFinding {
  /** The rule id juesuan should report (e.g. "T01-1", "X05", "TXT-SHARE"); "?" when no rule exists yet. */
  rule: string;
  /** Where: sheet + cells for table errors, or a verbatim excerpt of the sentence for text errors. */
  sheet?: string;
  cells?: string[];
  sentence?: string;
  /** The hand check, e.g. "8,123.45 + 12.30 = 8,135.75 ≠ 8,135.57 printed (differs by 0.18)". */
  arithmetic: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface RealFixture {
  id: string;
  dir: string;
  tables: RealTables;
  text?: string;
  expected: ExpectedFinding[];
}

export const REAL_FIXTURES_DIR = path.resolve(__dirname, '../fixtures/real');

export function listRealFixtures(): string[] {
  if (!fs.existsSync(REAL_FIXTURES_DIR)) return [];
  return fs
    .readdirSync(REAL_FIXTURES_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(REAL_FIXTURES_DIR, entry.name, 'tables.json')))
    .map((entry) => entry.name)
    .sort();
}

export function loadRealFixture(id: string): RealFixture {
  const dir = path.join(REAL_FIXTURES_DIR, id);
  const tables = JSON.parse(fs.readFileSync(path.join(dir, 'tables.json'), 'utf8')) as RealTables;
  const textFile = path.join(dir, 'text.txt');
  const expectedFile = path.join(dir, 'expected.json');
  return {
    id,
    dir,
    tables,
    text: fs.existsSync(textFile) ? fs.readFileSync(textFile, 'utf8') : undefined,
    expected: fs.existsSync(expectedFile) ? (JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as ExpectedFinding[]) : [],
  };
}

const PLAIN_NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/** The printed text of a cell as the value an export would store. */
export function storedValue(text: string, numbersAsText = false): string | number | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!numbersAsText && PLAIN_NUMBER.test(trimmed)) return Number(trimmed.replace(/,/g, ''));
  return text;
}

export function buildRealWorkbook(tables: RealTables): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const sheet of tables.sheets) {
    const worksheet = workbook.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) =>
      row.forEach((text, c) => {
        const value = storedValue(text, sheet.numbersAsText);
        if (value !== null) worksheet.getCell(r + 1, c + 1).value = value;
      }),
    );
    for (const range of sheet.merges ?? []) worksheet.mergeCells(range);
  }
  return workbook;
}

/** Writes the fixture's workbook (and its text, when it has one) into dir; returns the paths. */
export async function writeRealFixture(fixture: RealFixture, dir: string): Promise<{ xlsx: string; text?: string }> {
  const xlsx = path.join(dir, `${fixture.id}.xlsx`);
  await buildRealWorkbook(fixture.tables).xlsx.writeFile(xlsx);
  let text: string | undefined;
  if (fixture.text !== undefined) {
    text = path.join(dir, `${fixture.id}.txt`);
    fs.writeFileSync(text, fixture.text, 'utf8');
  }
  return { xlsx, text };
}
