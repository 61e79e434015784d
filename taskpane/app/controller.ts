// What each task-pane button does, over any WorkbookHost. No React here: the UI calls these and
// shows what they return; the same code runs in Excel, WPS and the standalone page.
import { checkWorkbook } from '../../src/core/engine';
import type { Finding, Severity } from '../../src/core/finding';
import { SEVERITY_ORDER, sortFindings } from '../../src/core/finding';
import type { Grid } from '../../src/core/grid';
import type { Model, TableId } from '../../src/core/model';
import { narrate, narrativeLines, resolveSettings } from '../../src/core/narrative';
import type { NarrativeSettings } from '../../src/core/narrative';
import { findNarrativeGrid, highlightPlan, narrativeSheetPlan, supplementSheetPlan, NARRATIVE_TITLE } from '../../src/core/plan';
import { checkText, paragraphsFromGrid } from '../../src/core/textcheck';
import type { ApplyResult, RevertResult, WorkbookHost, WorkbookSnapshot } from '../../src/hosts/host';
import { FINDINGS_SHEET } from '../../src/hosts/host';

/** Progress of a running action, in words for the user. */
export type Progress = (step: string) => void;

/** Which table a sheet holds (for grouping findings by table). */
export interface TableInfo {
  id: TableId;
  title: string;
}

export type ResultKind = 'check' | 'narrative' | 'textcheck';

export interface ActionResult {
  kind: ResultKind;
  findings: Finding[];
  /** Sheet name → the table it holds. */
  tables: Record<string, TableInfo>;
  /** One sentence on what was done, for the status line. */
  summary: string;
  /** When the result was made (ms since epoch). */
  at: number;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
}

export function countFindings(findings: Finding[]): Counts {
  const c: Counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** 可以打印 when no error remains; otherwise how many errors block printing. */
export function verdict(findings: Finding[]): { ok: boolean; text: string } {
  const n = countFindings(findings).error;
  return n === 0 ? { ok: true, text: '可以打印' } : { ok: false, text: `${n} 条错误，改正后才能打印` };
}

export interface FindingGroup {
  severity: Severity;
  tables: { key: string; label: string; findings: Finding[] }[];
  count: number;
}

/** Findings by severity (错误, 提示, 说明), then by table (in table order), with counts. */
export function groupFindings(findings: Finding[], tables: Record<string, TableInfo>): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const mine = sortFindings(findings.filter((f) => f.severity === severity));
    if (mine.length === 0) continue;
    const byTable = new Map<string, { key: string; label: string; findings: Finding[] }>();
    for (const f of mine) {
      const sheet = f.cells[0]?.sheet;
      const t = sheet ? tables[sheet] : undefined;
      const key = t ? t.id : sheet ? `~${sheet}` : '~~';
      const label = t ? `${t.id.replace(/^T0?/, '表')} ${t.title}` : sheet ? `工作表“${sheet}”` : '全部工作簿';
      let g = byTable.get(key);
      if (!g) {
        g = { key, label, findings: [] };
        byTable.set(key, g);
      }
      g.findings.push(f);
    }
    const ordered = [...byTable.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    groups.push({ severity, tables: ordered, count: mine.length });
  }
  return groups;
}

/** The user's sheets the engine should see (juesuan's own result sheet left out). */
function engineGrids(grids: Grid[]): Grid[] {
  return grids.filter((g) => g.sheet !== FINDINGS_SHEET);
}

function tablesOf(model: Model): Record<string, TableInfo> {
  const out: Record<string, TableInfo> = {};
  for (const t of Object.values(model.tables)) if (t) out[t.sheet] = { id: t.id, title: t.title };
  return out;
}

function textFindings(grids: Grid[], model: Model, supplement: ReturnType<typeof checkWorkbook>['supplement']): Finding[] | undefined {
  const sheet = findNarrativeGrid(grids);
  if (!sheet) return undefined;
  return checkText(paragraphsFromGrid(sheet), model, supplement);
}

function describeApply(r: ApplyResult): string {
  if (!r.changed) return '标记无需更新';
  const parts = [`已标记 ${r.cellsWritten} 个单元格`];
  if (r.notesAsSheet > 0) parts.push(`审核意见写在“${FINDINGS_SHEET}”工作表`);
  return parts.join('，');
}

export class Session {
  constructor(readonly host: WorkbookHost) {}

  private async read(progress: Progress): Promise<WorkbookSnapshot> {
    progress('正在读取工作簿…');
    return this.host.readWorkbook();
  }

  /** 检查: every identity, scorecard rule and (when there is a narrative sheet) textcheck; marks the cells. */
  async check(progress: Progress): Promise<ActionResult> {
    const snap = await this.read(progress);
    progress('正在核对表内表间关系…');
    await tick();
    const grids = engineGrids(snap.grids);
    const result = checkWorkbook(grids);
    const text = textFindings(grids, result.model, result.supplement) ?? [];
    const findings = sortFindings([...result.findings, ...text]);
    progress('正在标记有问题的单元格…');
    const applied = await this.host.applyPlan(highlightPlan(findings), { replaceHighlights: true });
    const tables = tablesOf(result.model);
    const n = Object.keys(tables).length;
    return {
      kind: 'check',
      findings,
      tables,
      summary: `识别到 ${n} 张附表；${describeApply(applied)}。`,
      at: Date.now(),
    };
  }

  /** 生成说明: writes (or rewrites) the 部门决算情况说明 sheet; returns what the text still needs. */
  async narrate(settings: Partial<NarrativeSettings>, progress: Progress): Promise<ActionResult> {
    const snap = await this.read(progress);
    progress('正在生成情况说明…');
    await tick();
    const grids = engineGrids(snap.grids);
    const { model, supplement } = checkWorkbook(grids);
    const result = narrate(model, supplement, resolveSettings(settings));
    const lines = narrativeLines(result);
    const plan = narrativeSheetPlan(lines, findNarrativeGrid(grids), snap.journal);
    progress('正在写入“部门决算情况说明”工作表…');
    const applied = await this.host.applyPlan(plan);
    const sheet = plan.marker.written?.sheet ?? NARRATIVE_TITLE;
    const paragraphs = lines.length;
    const summary = applied.changed
      ? `已写入“${sheet}”工作表（${paragraphs} 段）。`
      : `“${sheet}”工作表已是最新，未作改动。`;
    return { kind: 'narrative', findings: sortFindings(result.findings), tables: tablesOf(model), summary, at: Date.now() };
  }

  /** 核对说明文字: the numbers and wording of the narrative sheet against the tables. */
  async textcheck(progress: Progress): Promise<ActionResult> {
    const snap = await this.read(progress);
    progress('正在核对说明文字…');
    await tick();
    const grids = engineGrids(snap.grids);
    const { model, supplement } = checkWorkbook(grids);
    const found = textFindings(grids, model, supplement);
    if (!found) {
      return {
        kind: 'textcheck',
        findings: [],
        tables: tablesOf(model),
        summary: `没有找到“${NARRATIVE_TITLE}”工作表。请先点“生成说明”，或把说明文字粘贴到一张名为“${NARRATIVE_TITLE}”的工作表的 A 列。`,
        at: Date.now(),
      };
    }
    return {
      kind: 'textcheck',
      findings: found,
      tables: tablesOf(model),
      summary: found.length === 0 ? '说明文字中的数字与表格一致。' : `说明文字中有 ${found.length} 处需要核对。`,
      at: Date.now(),
    };
  }

  /** 插入补充信息表: an empty 补充信息 sheet with every row, unless there is one. */
  async insertSupplement(progress: Progress): Promise<string> {
    const snap = await this.read(progress);
    const plan = supplementSheetPlan(engineGrids(snap.grids));
    if (plan.ops.length === 0) return '工作簿中已有“补充信息”表，未作改动。';
    progress('正在插入“补充信息”表…');
    const applied = await this.host.applyPlan(plan);
    const sheet = applied.sheetsCreated[0] ?? '补充信息';
    return `已插入“${sheet}”工作表。请填写上年数、预算数和原因说明后再点“生成说明”。`;
  }

  async clearHighlights(progress: Progress): Promise<string> {
    progress('正在清除标记…');
    const r = await this.host.clearHighlights();
    return r.done ? `已清除标记，${r.cellsRestored} 个单元格恢复原样。` : '没有需要清除的标记。';
  }

  async undo(progress: Progress): Promise<string> {
    progress('正在撤销…');
    const r = await this.host.undoLast();
    if (!r.done) return '没有可撤销的操作。';
    return `已撤销上一次${ACTION_NAMES[r.action ?? 'highlight']}${describeRevert(r)}。`;
  }

  async loadSettings(): Promise<NarrativeSettings> {
    const snap = await this.host.readWorkbook([]);
    return resolveSettings(snap.settings ?? {});
  }

  async saveSettings(settings: NarrativeSettings): Promise<void> {
    await this.host.saveSettings(settings);
  }
}

const ACTION_NAMES: Record<string, string> = {
  highlight: '标记',
  narrative: '生成说明',
  supplement: '插入补充信息表',
  fill: '填表',
};

function describeRevert(r: RevertResult): string {
  const parts: string[] = [];
  if (r.cellsRestored > 0) parts.push(`${r.cellsRestored} 个单元格恢复原样`);
  if (r.sheetsDeleted.length > 0) parts.push(`删除了“${r.sheetsDeleted.join('”“')}”工作表`);
  return parts.length > 0 ? `：${parts.join('，')}` : '';
}

/** Lets the browser paint the progress line before a long synchronous step. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
