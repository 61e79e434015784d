// `juesuan narrate FILE [--json]`: the 第二部分 text computed from the tables + 补充信息.
import * as path from 'path';
import { narrateAction } from '../core/engine';
import { narrativeToJson } from '../core/narrative';
import { emptyJournal } from '../core/plan';
import { readGridsFromFile } from '../hosts/file/node';
import type { CliIo } from './io';
import { settingsFromGrids } from './settings';

export async function runNarrate(file: string, json: boolean, io: CliIo): Promise<number> {
  const { grids } = await readGridsFromFile(file);
  const { narrative: result, paragraphs, findings } = narrateAction(grids, emptyJournal(), settingsFromGrids(grids));
  if (json) {
    io.out(JSON.stringify({ ...narrativeToJson(result), findings }, null, 2) + '\n');
    return 0;
  }
  io.out(`文件：${path.basename(file)}\n\n第二部分 ${result.year ?? '【请填写决算年度】'}年度部门决算情况说明\n\n`);
  io.out(paragraphs.join('\n') + '\n');
  if (findings.length > 0) {
    io.out(`\n需要补充或确认的内容（${findings.length} 条）：\n`);
    for (const f of findings) io.out(`  [${f.rule}] ${f.message}\n`);
  }
  return 0;
}
