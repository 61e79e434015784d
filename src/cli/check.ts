// `juesuan check FILE [--json]`
import * as path from 'path';
import { checkWorkbook } from '../core/engine';
import { settingsFromGrids, templateOption } from './settings';
import type { Table } from '../core/model';
import { readGridsFromFile } from '../hosts/file/node';
import { blocksPrinting, countBySeverity, formatCheckReport } from './format';
import type { CliIo } from './io';
import * as fs from 'fs';
import { paragraphsFromText } from '../core/textcheck';
import { UsageError } from './errors';

/** A pasted 第二部分 text (UTF-8, with or without BOM). */
function readTextFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new UsageError(`无法读取说明文字文件“${path.basename(file)}”，请确认文件存在且为 UTF-8 文本。`);
  }
}

export async function runCheck(file: string, json: boolean, io: CliIo, textFile?: string, template?: string, all = false): Promise<number> {
  const { grids, partialSheets } = await readGridsFromFile(file);
  const narrative = textFile ? paragraphsFromText(readTextFile(textFile)) : undefined;
  const remembered = settingsFromGrids(grids);
  const result = checkWorkbook(grids, { narrative, profile: templateOption(template, remembered), settings: remembered });
  if (result.notJuesuan) {
    io.err(`无法检查“${path.basename(file)}”：${result.notJuesuan}\n`);
    return 2;
  }
  const tables = Object.values(result.model.tables) as Table[];
  if (json) {
    io.out(
      JSON.stringify(
        {
          ...checkJson(file, tables, result.findings),
          template: { id: result.template.id, name: result.template.name },
          unchecked: result.unchecked,
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    io.out(formatCheckReport(path.basename(file), tables, result.template.name, result.findings, { all, unchecked: result.unchecked }));
    for (const p of partialSheets ?? []) {
      io.out(`注：工作表“${p.sheet}”超过 ${p.rowsSeen} 行且前 10 行没有附表标题，只读取了前 ${p.keptRows} 行。\n`);
    }
  }
  return blocksPrinting(countBySeverity(result.findings)) ? 1 : 0;
}

export function checkJson(file: string, tables: Table[], findings: unknown[]) {
  return {
    file: path.basename(file),
    tables: tables.map((t) => ({ id: t.id, title: t.title, sheet: t.sheet, unit: t.unit })),
    findings,
  };
}
