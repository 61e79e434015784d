// What each task-pane button does, over any WorkbookHost. No React here: the UI calls these and
// shows what they return; the same code runs in Excel, WPS and the standalone page.
import { countFindings as countVerdict } from '../../src/core/verdict';
import { deriveFill, fillPlan } from '../../src/core/derive';
import type { DeriveResult, FillMode } from '../../src/core/derive';
import { checkWorkbook } from '../../src/core/engine';
import type { Finding, Severity } from '../../src/core/finding';
import { SEVERITY_ORDER, sortFindings } from '../../src/core/finding';
import type { Grid } from '../../src/core/grid';
import type { Model, TableId } from '../../src/core/model';
import { narrate, narrativeLines, resolveSettings } from '../../src/core/narrative';
import type { NarrativeSettings } from '../../src/core/narrative';
import { findNarrativeGrid, highlightPlan, narrativeSheetPlan, supplementSheetPlan, NARRATIVE_TITLE } from '../../src/core/plan';
import type { WritePlan } from '../../src/core/plan';
import { checkText, paragraphsFromGrid } from '../../src/core/textcheck';
import type { ApplyResult, HostKind, RevertResult, WorkbookHost, WorkbookSnapshot } from '../../src/hosts/host';
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

/** Hosts that keep the formulas 填表 writes: Excel calculates them; the file host writes them with their results into the downloaded .xlsx. */
const FORMULA_HOSTS: ReadonlySet<HostKind> = new Set<HostKind>(['excel', 'file']);

/** True when 填表 may write live formulas into this host's workbook (otherwise values only). */
export function keepsFormulas(host: WorkbookHost): boolean {
  return FORMULA_HOSTS.has(host.kind);
}

/** Last year's workbook, read in the page (never uploaded, never written). */
export interface PriorWorkbook {
  /** The file name, shown in the preview and in the findings. */
  file: string;
  grids: Grid[];
}

export interface FillOptions {
  /** Asked for; a host that does not keep formulas gets values. */
  mode: FillMode;
  /** Fills the 上年数 of 补充信息. */
  prior?: PriorWorkbook;
}

/** What 填表 would write (nothing is written yet). */
export interface FillPreview {
  result: DeriveResult;
  /** fillPlan(result): what 确认填写 applies. */
  plan: WritePlan;
  /** The options it was made with (mode as applied: values where formulas are not kept). */
  options: FillOptions;
  /** Sheet name → the table it holds. */
  tables: Record<string, TableInfo>;
  summary: string;
  at: number;
}

export type FillOutcome =
  /** The workbook changed since the preview: nothing written, here is the preview as of now. */
  | { kind: 'stale'; preview: FillPreview; summary: string }
  /** Written, then 检查 ran on the filled workbook. */
  | { kind: 'filled'; check: ActionResult; summary: string };

/** A host that can tell which cells hold formulas (the file host; Excel's grids carry only results). */
interface FormulaLookup {
  formulaAt(sheet: string, address: string): string | undefined;
}

function formulaAtOf(host: WorkbookHost): FormulaLookup['formulaAt'] | undefined {
  const h = host as WorkbookHost & Partial<FormulaLookup>;
  return typeof h.formulaAt === 'function' ? (sheet, address) => h.formulaAt!(sheet, address) : undefined;
}

function fillSummary(result: DeriveResult): string {
  const n = result.items.length;
  const notes = result.findings.length > 0 ? `另有 ${result.findings.length} 条需要注意，见下方。` : '';
  if (n === 0 && result.rows.length === 0) return `没有需要填写的单元格：可推算的单元格都已填好。${notes}`;
  const parts = [`将填写 ${n} 个单元格`];
  if (result.rows.length > 0) parts.push(`新增 ${result.rows.length} 行`);
  if (result.supplementSheet) parts.push('新建“补充信息”工作表');
  return `${parts.join('，')}（${result.mode === 'formulas' ? '公式' : '数值'}），尚未写入：请核对下面的清单，再点“确认填写”。${notes}`;
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

/** 可以打印 when nothing is wrong, unchecked or missing; otherwise what blocks printing. */
export function verdict(findings: Finding[]): { ok: boolean; text: string } {
  const c = countVerdict(findings);
  if (c.error > 0) return { ok: false, text: `${c.error} 条错误，改正后才能打印` };
  if (c.unchecked) return { ok: false, text: `${c.unchecked} 项核对未进行（未核验），改正后才能打印` };
  if (c.pending > 0) return { ok: false, text: `待补充 ${c.pending} 处：请填写补充信息表后重新生成说明` };
  return { ok: true, text: '可以打印' };
}

export interface FindingGroup {
  severity: Severity;
  tables: { key: string; label: string; findings: Finding[] }[];
  count: number;
}

/** Scorecard and narrative-text findings have a group of their own; the rest go by table or sheet. */
function findingGroupOf(f: Finding, tables: Record<string, TableInfo>): { key: string; label: string } {
  if (/^(SC|CT)-/.test(f.rule)) return { key: '~1绩效', label: '绩效自评计分表与绩效目标完成情况表' };
  if (f.rule.startsWith('TXT')) return { key: '~0说明', label: '部门决算情况说明（文字）' };
  const sheet = f.cells[0]?.sheet;
  const t = sheet ? tables[sheet] : undefined;
  if (t) return { key: t.id, label: `${t.id.replace(/^T0?/, '表')} ${t.title}` };
  return sheet ? { key: `~2${sheet}`, label: `工作表“${sheet}”` } : { key: '~~', label: '全部工作簿' };
}

/** Findings by severity (错误, 提示, 说明), then by table (in table order), with counts. */
export function groupFindings(findings: Finding[], tables: Record<string, TableInfo>): FindingGroup[] {
  const groups: FindingGroup[] = [];
  for (const severity of SEVERITY_ORDER) {
    const mine = sortFindings(findings.filter((f) => f.severity === severity));
    if (mine.length === 0) continue;
    const byTable = new Map<string, { key: string; label: string; findings: Finding[] }>();
    for (const f of mine) {
      const { key, label } = findingGroupOf(f, tables);
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

function textFindings(grids: Grid[], result: ReturnType<typeof checkWorkbook>): Finding[] | undefined {
  const sheet = findNarrativeGrid(grids);
  if (!sheet) return undefined;
  return checkText(paragraphsFromGrid(sheet), result.model, result.supplement, result.template);
}

/** The template remembered in 设置 for this workbook, else detected. */
function checkWithTemplate(grids: Grid[], snap: WorkbookSnapshot): ReturnType<typeof checkWorkbook> {
  return checkWorkbook(grids, { profile: snap.settings?.template });
}

function describeApply(r: ApplyResult): string {
  if (!r.changed) return '标记无需更新';
  const parts = [`已标记 ${r.cellsWritten} 个单元格`];
  if (r.notesAsSheet > 0) parts.push(`审核意见写在“${FINDINGS_SHEET}”工作表`);
  return parts.join('，');
}

export class Session {
  /**
   * Set by 确认填写 when both the fill and its 检查 were journaled: the journal's length then.
   * 撤销 right after takes back both (the user did one action); any other action clears it.
   */
  private afterFill: number | undefined;

  constructor(readonly host: WorkbookHost) {}

  private async read(progress: Progress): Promise<WorkbookSnapshot> {
    progress('正在读取工作簿…');
    return this.host.readWorkbook();
  }

  /** 检查: every identity, scorecard rule and (when there is a narrative sheet) textcheck; marks the cells. */
  async check(progress: Progress): Promise<ActionResult> {
    this.afterFill = undefined;
    return (await this.checkAndMark(progress)).result;
  }

  private async checkAndMark(progress: Progress): Promise<{ result: ActionResult; applied: ApplyResult }> {
    const snap = await this.read(progress);
    progress('正在核对表内表间关系…');
    await tick();
    const grids = engineGrids(snap.grids);
    const result = checkWithTemplate(grids, snap);
    const text = textFindings(grids, result) ?? [];
    const findings = sortFindings([...result.findings, ...text]);
    progress('正在标记有问题的单元格…');
    const applied = await this.host.applyPlan(highlightPlan(findings), { replaceHighlights: true });
    const tables = tablesOf(result.model);
    const n = Object.keys(tables).length;
    return {
      result: {
        kind: 'check',
        findings,
        tables,
        summary: `模板：${result.template.name}；识别到 ${n} 张附表；${describeApply(applied)}。`,
        at: Date.now(),
      },
      applied,
    };
  }

  /**
   * 填表, first step: what would be filled (cells with value, source and rule; rows to add;
   * typed cells that disagree). Reads the workbook, writes nothing.
   */
  async previewFill(options: FillOptions, progress: Progress): Promise<FillPreview> {
    const snap = await this.read(progress);
    progress(options.prior ? `正在推算可填写的单元格和上年数（${options.prior.file}）…` : '正在推算可填写的单元格…');
    await tick();
    return this.derive(snap, options);
  }

  /**
   * 确认填写: reads the workbook again and, when it still gives the previewed plan, applies it
   * (journaled as one 填表 action) and runs 检查 on the filled workbook. When the workbook
   * changed since the preview nothing is written and the fresh preview is returned.
   */
  async confirmFill(preview: FillPreview, progress: Progress): Promise<FillOutcome> {
    this.afterFill = undefined;
    const snap = await this.read(progress);
    progress('正在核对预览之后工作簿有无改动…');
    await tick();
    const now = this.derive(snap, preview.options);
    if (JSON.stringify(now.plan) !== JSON.stringify(preview.plan)) {
      return { kind: 'stale', preview: now, summary: '工作簿在预览之后有改动，已按现在的内容重新预览，什么也没有写入。请核对后再点“确认填写”。' };
    }
    if (now.plan.ops.length === 0) return { kind: 'stale', preview: now, summary: now.summary };
    const { result } = now;
    progress(`正在填写 ${result.items.length} 个单元格…`);
    const filled = await this.host.applyPlan(now.plan);
    const checked = await this.checkAndMark(progress);
    // 撤销 right after this takes back the fill together with the marks of its 检查.
    if (filled.changed && checked.applied.changed) this.afterFill = snap.journal.entries.length + 2;
    const parts = [`已填写 ${result.items.length} 个单元格`];
    if (result.rows.length > 0) parts.push(`新增 ${result.rows.length} 行`);
    if (filled.sheetsCreated.length > 0) parts.push(`新建“${filled.sheetsCreated.join('”“')}”工作表`);
    const summary = `${parts.join('，')}（${result.mode === 'formulas' ? '公式' : '数值'}）。重新检查：${checked.result.summary}点“撤销”可取消这次填写。`;
    return { kind: 'filled', check: { ...checked.result, summary }, summary };
  }

  private derive(snap: WorkbookSnapshot, options: FillOptions): FillPreview {
    const mode: FillMode = options.mode === 'formulas' && keepsFormulas(this.host) ? 'formulas' : 'values';
    const formulaAt = formulaAtOf(this.host);
    const result = deriveFill(engineGrids(snap.grids), {
      journal: snap.journal,
      mode,
      ...(formulaAt ? { formulaAt } : {}),
      ...(options.prior ? { prior: { grids: options.prior.grids, file: options.prior.file } } : {}),
    });
    return {
      result,
      plan: fillPlan(result),
      options: { ...options, mode },
      tables: tablesOf(result.model),
      summary: fillSummary(result),
      at: Date.now(),
    };
  }

  /** 生成说明: writes (or rewrites) the 部门决算情况说明 sheet; returns what the text still needs. */
  async narrate(settings: Partial<NarrativeSettings>, progress: Progress): Promise<ActionResult> {
    this.afterFill = undefined;
    const snap = await this.read(progress);
    progress('正在生成情况说明…');
    await tick();
    const grids = engineGrids(snap.grids);
    const { model, supplement, template } = checkWithTemplate(grids, snap);
    const result = narrate(model, supplement, settings, template);
    const lines = narrativeLines(result);
    const plan = narrativeSheetPlan(lines, findNarrativeGrid(grids), snap.journal, { year: result.year });
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
    const checked = checkWithTemplate(grids, snap);
    const { model } = checked;
    const found = textFindings(grids, checked);
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

  /** 导出Word: the disclosure .docx from the workbook as it is (nothing is written into it). */
  async exportWord(settings: Partial<NarrativeSettings>, progress: Progress): Promise<string> {
    const snap = await this.read(progress);
    progress('正在生成 Word 文件…');
    const { disclosureDocx, downloadDocx } = await import('./exportWord');
    const { bytes, built } = await disclosureDocx(engineGrids(snap.grids), settings);
    const name = `${built.doc.unit.replace(/[【】\\/:*?"<>|]/g, '')}${built.doc.year.replace(/[【】]/g, '')}年度部门决算公开.docx`;
    downloadDocx(bytes, name);
    const missing = built.doc.missing.length > 0 ? `还有 ${built.doc.missing.length} 处需要填写（文中【请填写…】）。` : '';
    return `已生成“${name}”并开始下载。${missing}`;
  }

  /** 插入补充信息表: an empty 补充信息 sheet with every row, unless there is one. */
  async insertSupplement(progress: Progress): Promise<string> {
    this.afterFill = undefined;
    const snap = await this.read(progress);
    const plan = supplementSheetPlan(engineGrids(snap.grids));
    if (plan.ops.length === 0) return '工作簿中已有“补充信息”表，未作改动。';
    progress('正在插入“补充信息”表…');
    const applied = await this.host.applyPlan(plan);
    const sheet = applied.sheetsCreated[0] ?? '补充信息';
    return `已插入“${sheet}”工作表。请填写上年数、预算数和原因说明后再点“生成说明”。`;
  }

  async clearHighlights(progress: Progress): Promise<string> {
    this.afterFill = undefined;
    progress('正在清除标记…');
    const r = await this.host.clearHighlights();
    return r.done ? `已清除标记，${r.cellsRestored} 个单元格恢复原样。` : '没有需要清除的标记。';
  }

  async undo(progress: Progress): Promise<string> {
    progress('正在撤销…');
    const afterFill = this.afterFill;
    this.afterFill = undefined;
    if (afterFill !== undefined) {
      const undone = await this.undoFillWithMarks(afterFill);
      if (undone) return undone;
    }
    const r = await this.host.undoLast();
    if (!r.done) return '没有可撤销的操作。';
    return `已撤销上一次${ACTION_NAMES[r.action ?? 'highlight']}${describeRevert(r)}。`;
  }

  /** 撤销 after 确认填写: the marks of its 检查, then the fill — when the journal is still as they left it. */
  private async undoFillWithMarks(length: number): Promise<string | undefined> {
    const { entries } = (await this.host.readWorkbook([])).journal;
    if (entries.length !== length || entries[length - 1]?.action !== 'highlight' || entries[length - 2]?.action !== 'fill') return undefined;
    const marks = await this.host.undoLast();
    const fill = await this.host.undoLast();
    if (!fill.done) return marks.done ? `已撤销上一次标记${describeRevert(marks)}。` : undefined;
    const sheets = [...marks.sheetsDeleted, ...fill.sheetsDeleted];
    return `已撤销上一次填表（连同填表后检查所作的标记）${describeRevert({ ...fill, sheetsDeleted: sheets })}。`;
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
