// 导出Word in the pane: the disclosure .docx built in the page and downloaded (the docx and chart
// code loads only when asked). Nothing is written into the workbook; nothing leaves the machine.
import type { Grid } from '../../src/core/grid';
import type { NarrativeSettings } from '../../src/core/narrative';

export async function exportWord(grids: Grid[], settings: Partial<NarrativeSettings>): Promise<string> {
  const { disclosureDocx, downloadDocx } = await import('./exportWord');
  const { bytes, built } = await disclosureDocx(grids, settings);
  const name = `${built.doc.unit.replace(/[【】\\/:*?"<>|]/g, '')}${built.doc.year.replace(/[【】]/g, '')}年度部门决算公开.docx`;
  downloadDocx(bytes, name);
  const missing = built.doc.missing.length > 0 ? `还有 ${built.doc.missing.length} 处需要填写（文中【请填写…】）。` : '';
  return `已生成“${name}”并开始下载。${missing}`;
}
