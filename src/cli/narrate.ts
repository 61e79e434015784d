// `juesuan narrate FILE [--json]`: the 第二部分 text computed from the tables + 补充信息.
import * as path from 'path';
import { checkWorkbook } from '../core/engine';
import { narrate, narrativeLines, narrativeToJson, settingsForTemplate } from '../core/narrative';
import { sortFindings } from '../core/finding';
import { readGridsFromFile } from '../hosts/file/node';
import type { CliIo } from './io';
import { settingsFromGrids, templateOption } from './settings';

export async function runNarrate(file: string, json: boolean, io: CliIo, templateId?: string): Promise<number> {
  const { grids } = await readGridsFromFile(file);
  const remembered = settingsFromGrids(grids);
  const { model, supplement, template } = checkWorkbook(grids, { profile: templateOption(templateId, remembered) });
  const result = narrate(model, supplement, settingsForTemplate(template, remembered), template);
  const findings = sortFindings([...model.findings, ...(supplement?.findings ?? []), ...result.findings]);
  if (json) {
    io.out(JSON.stringify({ ...narrativeToJson(result), findings }, null, 2) + '\n');
    return 0;
  }
  const number = '一二三四五六七八九十'[template.narrative.part - 1];
  // a part the template numbers “三、决算报表说明” (no 第N部分, no year) is titled as it prints it
  const title = template.narrative.partName
    ? `${number}、${template.narrative.partTitle}`
    : `第${number}部分 ${result.year ?? '【请填写决算年度】'}年度${template.narrative.partTitle}`;
  io.out(`文件：${path.basename(file)}\n模板：${template.name}\n\n${title}\n\n`);
  io.out(narrativeLines(result).join('\n') + '\n');
  if (findings.length > 0) {
    io.out(`\n需要补充或确认的内容（${findings.length} 条）：\n`);
    for (const f of findings) io.out(`  [${f.rule}] ${f.message}\n`);
  }
  return 0;
}
