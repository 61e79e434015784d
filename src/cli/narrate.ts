// `juesuan narrate FILE [--json] [--template ID]`: the 第二部分 text computed from the tables +
// 补充信息, as 生成说明 in the task pane computes it (the action runner over the file host), not
// written anywhere.
import * as path from 'path';
import { Runner } from '../app/runner';
import { narrativeToJson } from '../core/narrative';
import { FileHost } from '../hosts/file/fileHost';
import { readFileBytes } from '../hosts/file/node';
import type { CliIo } from './io';
import { templateOption } from './settings';

export async function runNarrate(file: string, json: boolean, io: CliIo, templateId?: string): Promise<number> {
  // --template over the template the workbook remembers (the runner reads that one itself)
  const template = templateOption(templateId, undefined);
  const host = await FileHost.open(await readFileBytes(file), file);
  const runner = new Runner(host, { throwErrors: true, ...(template ? { settings: { template } } : {}) });
  await runner.start();
  const drafted = await runner.draftNarrative();
  const { narrative: result, findings } = drafted;
  if (json) {
    io.out(JSON.stringify({ ...narrativeToJson(result), findings }, null, 2) + '\n');
    return 0;
  }
  const { narrative } = drafted.template;
  const number = '一二三四五六七八九十'[narrative.part - 1];
  // a part the template numbers “三、决算报表说明” (no 第N部分, no year) is titled as it prints it
  const title = narrative.partName
    ? `${number}、${narrative.partTitle}`
    : `第${number}部分 ${result.year ?? '【请填写决算年度】'}年度${narrative.partTitle}`;
  io.out(`文件：${path.basename(file)}\n模板：${drafted.template.name}\n\n${title}\n\n`);
  io.out(drafted.paragraphs.join('\n') + '\n');
  if (findings.length > 0) {
    io.out(`\n需要补充或确认的内容（${findings.length} 条）：\n`);
    for (const f of findings) io.out(`  [${f.rule}] ${f.message}\n`);
  }
  return 0;
}
