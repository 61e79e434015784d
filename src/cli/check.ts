// `juesuan check FILE [--json] [--text 说明.txt] [--template ID] [--all]`: 检查 as the task pane runs
// it (the action runner over the file host), without marking anything: nothing is written.
import * as path from 'path';
import { Runner } from '../app/runner';
import { templateOption } from './settings';
import type { Table } from '../core/model';
import { tableLabel } from '../core/templates';
import { FileHost } from '../hosts/file/fileHost';
import { readFileBytes } from '../hosts/file/node';
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
  // --template over the template the workbook remembers (the runner reads that one itself)
  const asked = templateOption(template, undefined);
  const host = await FileHost.open(await readFileBytes(file), file);
  const narrative = textFile ? paragraphsFromText(readTextFile(textFile)) : undefined;
  const runner = new Runner(host, { throwErrors: true, ...(asked ? { settings: { template: asked } } : {}) });
  await runner.start();
  const result = await runner.review(narrative);
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
    io.out(
      formatCheckReport(path.basename(file), tables, result.template.name, result.findings, {
        all,
        unchecked: result.unchecked,
        tableLabel: (id) => tableLabel(result.template, id),
      }),
    );
    for (const p of host.partialSheets()) {
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
