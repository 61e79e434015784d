// `juesuan check FILE [--json]`
import * as path from 'path';
import { checkWorkbook } from '../core/engine';
import { PROFILES } from '../core/tables';
import type { Table } from '../core/model';
import { readGridsFromFile } from '../hosts/file/node';
import { countBySeverity, formatCheckReport } from './format';
import type { CliIo } from './io';
import * as fs from 'fs';
import { paragraphsFromText } from '../core/textcheck';
import { UsageError } from './errors';
import { settingsFromGrids } from './settings';

/** A pasted 第二部分 text (UTF-8, with or without BOM). */
function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取说明文字文件“${path.basename(file)}”，请确认文件存在且为 UTF-8 文本。`);
  }
}

export async function runCheck(file: string, json: boolean, io: CliIo, textFile?: string, all = false): Promise<number> {
  const { grids, partialSheets } = await readGridsFromFile(file);
  const narrative = textFile ? paragraphsFromText(readTextFile(textFile)) : undefined;
  const result = checkWorkbook(grids, { narrative, settings: settingsFromGrids(grids) });
  const tables = Object.values(result.model.tables) as Table[];
  if (json) {
    io.out(JSON.stringify({ ...checkJson(file, tables, result.findings), unchecked: result.unchecked }, null, 2) + '\n');
  } else {
    const profileName = PROFILES[result.profile]?.name ?? result.profile;
    io.out(formatCheckReport(path.basename(file), tables, profileName, result.findings, { all, unchecked: result.unchecked }));
    for (const p of partialSheets ?? []) {
      io.out(`注：工作表“${p.sheet}”超过 ${p.rowsSeen} 行且前 10 行没有附表标题，只读取了前 ${p.keptRows} 行。\n`);
    }
  }
  const counts = countBySeverity(result.findings);
  return counts.error > 0 || counts.pending > 0 ? 1 : 0; // not ready to print
}

export function checkJson(file: string, tables: Table[], findings: unknown[]) {
  return {
    file: path.basename(file),
    tables: tables.map((t) => ({ id: t.id, title: t.title, sheet: t.sheet, unit: t.unit })),
    findings,
  };
}
