// The action runner: runs an engine action (src/core/engine) against a WorkbookHost and keeps
// what the pane shows — findings, counts, the narrative text, what 撤销 takes back — in step with
// the workbook. After every action the state is re-derived from a fresh read of the workbook, so
// it never shows what the workbook no longer holds. No React: the task pane subscribes to it,
// the WPS entry page and the command line call it.
import type { DeriveResult, FillMode } from '../core/derive';
import type { CheckResult, MarkOptions, NarrateAction } from '../core/engine';
import {
  checkAction,
  checkWorkbook,
  clearAction,
  fillAction,
  narrateAction,
  narrativeText,
  supplementAction,
  templateOfWorkbook,
  textcheckAction,
  undoableAction,
} from '../core/engine';
import { getTemplate, type Template } from '../core/templates';
import type { Finding } from '../core/finding';
import type { Grid } from '../core/grid';
import { resolveSettings, settingsForTemplate } from '../core/narrative';
import type { NarrativeSettings } from '../core/narrative';
import type { TextParagraph } from '../core/textcheck';
import type { UncheckedFamily } from '../core/unchecked';
import { NARRATIVE_TITLE } from '../core/plan';
import type { MarkerAction, WritePlan } from '../core/plan';
import type { HostKind, RevertResult, WorkbookHost, WorkbookSnapshot } from '../hosts/host';
import { FINDINGS_SHEET, HostError } from '../hosts/host';
import { countFindings, tablesOf } from './view';
import type { TableInfo } from './view';

/** The actions of the toolbar (and of the WPS ribbon, and the command line). */
export type ActionId = 'check' | 'narrate' | 'fill' | 'textcheck' | 'supplement' | 'exportWord' | 'clear' | 'undo';

export const ACTION_LABELS: Record<ActionId, string> = {
  check: '检查',
  narrate: '生成说明',
  fill: '填表',
  textcheck: '核对说明文字',
  supplement: '插入补充信息表',
  exportWord: '导出Word',
  clear: '清除标记',
  undo: '撤销',
};

/** The journaled actions, as 撤销 names them. */
export const UNDO_NAMES: Record<MarkerAction, string> = {
  highlight: '标记',
  narrative: '生成说明',
  supplement: '插入补充信息表',
  fill: '填表',
  clear: '清除标记',
};

export type ViewKind = 'check' | 'narrative' | 'textcheck';

/** The findings list the pane shows, derived from the workbook as it is now. */
export interface View {
  kind: ViewKind;
  findings: Finding[];
  /** Sheet name → the table it holds. */
  tables: Record<string, TableInfo>;
  /** 检查: the rule families that could not run, and why (listed apart, never counted as passed). */
  unchecked?: UncheckedFamily[];
}

export interface Status {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
}

/** Last year's workbook, read in the page (never uploaded, never written). */
export interface PriorWorkbook {
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
  /** What 确认填写 applies. */
  plan: WritePlan;
  /** The options it was made with (mode as applied: values where formulas are not kept). */
  options: FillOptions;
  tables: Record<string, TableInfo>;
  summary: string;
}

/** What the last action wrote into the workbook (the command line prints it; the pane shows `status`). */
export interface Outcome {
  action: ActionId;
  /** Something in the workbook changed. */
  changed: boolean;
  sheetsCreated: string[];
  /** 检查: the cells its marks colour. */
  marked?: number;
}

export interface PaneState {
  /** The running action and its current step (null: idle). */
  busy: { action: string; step: string } | null;
  /** One sentence on the last action. */
  status: Status | null;
  view: View | null;
  /** 填表's preview on screen (nothing written yet). */
  fill: FillPreview | null;
  fillMode: FillMode;
  prior: PriorWorkbook | null;
  /** The 说明 sheet's paragraphs as the workbook holds them now (null: there is none). */
  narrative: { sheet: string; paragraphs: string[] } | null;
  /** What 撤销 takes back now (null: nothing). */
  undo: MarkerAction | null;
  /**
   * The settings in effect: the workbook's remembered ones over the template's own formats (a
   * Shanghai workbook with none saved: two decimals, no 100% adjustment) — what 设置 shows.
   */
  settings: NarrativeSettings;
  /** The template the workbook is read with (detected, or the one 设置 names); null before the first read. */
  template: { id: string; name: string } | null;
  /** What the last action that writes wrote (null: none ran yet). */
  outcome: Outcome | null;
}

export interface RunnerOptions {
  /** 导出Word: builds and hands over the .docx (a download in the page); returns the sentence to show. */
  exportWord?(grids: Grid[], settings: Partial<NarrativeSettings>): Promise<string>;
  /** The Chinese sentence shown for an error (default: a generic one). */
  describeError?(e: unknown, action: string): string;
  /** Called after every action that may have changed the workbook. */
  onChanged?(): void;
  /** Let errors escape the action (the command line reports them itself); the pane shows them instead. */
  throwErrors?: boolean;
  /** Settings for this run over those the workbook remembers (the command line's --template); never saved. */
  settings?: Partial<NarrativeSettings>;
}

/** Hosts that keep the formulas 填表 writes: Excel calculates them; the file host writes them with their results. */
const FORMULA_HOSTS: ReadonlySet<HostKind> = new Set<HostKind>(['excel', 'file']);

export function keepsFormulas(host: WorkbookHost): boolean {
  return FORMULA_HOSTS.has(host.kind);
}

/** A host that can tell which cells hold formulas (the file host; Excel's grids carry only results). */
interface FormulaLookup {
  formulaAt(sheet: string, address: string): string | undefined;
}

function formulaAtOf(host: WorkbookHost): FormulaLookup['formulaAt'] | undefined {
  const h = host as WorkbookHost & Partial<FormulaLookup>;
  return typeof h.formulaAt === 'function' ? (sheet, address) => h.formulaAt!(sheet, address) : undefined;
}

/** The user's sheets the engine should see (juesuan's own result sheet left out). */
export function engineGrids(grids: Grid[]): Grid[] {
  return grids.filter((g) => g.sheet !== FINDINGS_SHEET);
}

/** The findings a view of this kind lists for these grids; a narrative view without a 说明 sheet falls back to 检查's. */
export function viewOf(kind: ViewKind, snap: WorkbookSnapshot, settings: Partial<NarrativeSettings>): View {
  const grids = engineGrids(snap.grids);
  if (kind === 'textcheck') {
    const t = textcheckAction(grids, settings);
    return { kind, findings: t.findings, tables: tablesOf(t.model) };
  }
  if (kind === 'narrative' && narrativeText(grids)) {
    const n = narrateAction(grids, snap.journal, settings);
    return { kind, findings: n.findings, tables: tablesOf(n.model) };
  }
  const c = checkAction(grids, { profile: settings.template, settings });
  return { kind: 'check', findings: c.findings, tables: tablesOf(c.model), unchecked: c.unchecked };
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

function describeRevert(r: RevertResult): string {
  const parts: string[] = [];
  if (r.cellsRestored > 0)
    parts.push(r.action === 'clear' ? `${r.cellsRestored} 个单元格的标记已恢复` : `${r.cellsRestored} 个单元格恢复原样`);
  if (r.sheetsDeleted.length > 0) parts.push(`删除了“${r.sheetsDeleted.join('”“')}”工作表`);
  return parts.length > 0 ? `：${parts.join('，')}` : '';
}

function genericError(_e: unknown, action: string): string {
  return `“${action}”没有完成：出现了意外错误。请保存工作簿后再试；如果问题依旧，请把工作簿和操作步骤发给维护人员。`;
}

/** Lets the browser paint the progress line before a long synchronous step. */
function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * What an action that wrote only fills and notes (检查, 清除标记) already knows: the grids it
 * read are the workbook's values after it too, so its view stands without a second read; and the
 * journal gained its entry. test/app/runner.test.ts checks both against a fresh 检查.
 */
interface Known {
  view?: View;
  undo?: MarkerAction | null;
}

export class Runner {
  private state: PaneState = {
    busy: null,
    status: null,
    view: null,
    fill: null,
    fillMode: 'values',
    prior: null,
    narrative: null,
    undo: null,
    settings: resolveSettings(),
    template: null,
    outcome: null,
  };
  /**
   * The settings the engine is given: what the workbook remembers (or 设置 saved) over the
   * run's own, as stated — not filled with defaults, so a template's own number formats apply
   * where the workbook says nothing (the pane shows them resolved, in `settings`).
   */
  private stated: Partial<NarrativeSettings> = {};
  private readonly listeners = new Set<() => void>();
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * Set by 确认填写 when both the fill and its 检查 were journaled: the journal's length then.
   * 撤销 right after takes back both (the user did one action); any other action clears it.
   */
  private afterFill: number | undefined;

  constructor(
    readonly host: WorkbookHost,
    private readonly options: RunnerOptions = {},
  ) {}

  getState = (): PaneState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(patch: Partial<PaneState>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  private progress(step: string): void {
    if (this.state.busy) this.set({ busy: { ...this.state.busy, step } });
  }

  /**
   * Runs `body` as action `name`: one at a time (a call while another runs waits its turn),
   * progress in `busy`, an error as a Chinese sentence in `status`.
   */
  private perform(name: string, body: () => Promise<void>): Promise<PaneState> {
    const run = async () => {
      this.set({ busy: { action: name, step: '请稍候…' }, status: null, outcome: null });
      try {
        await body();
      } catch (e) {
        if (this.options.throwErrors) throw e;

        console.error(e);
        this.set({ status: { intent: 'error', text: (this.options.describeError ?? genericError)(e, name) } });
      } finally {
        this.set({ busy: null });
        this.options.onChanged?.();
      }
      return this.state;
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }

  private async read(): Promise<WorkbookSnapshot> {
    this.progress('正在读取工作簿…');
    return this.host.readWorkbook();
  }

  /**
   * The state after a write: a fresh read of the workbook gives the findings of `kind`, the 说明
   * text and what 撤销 takes back. `snap`: a read made after the last write (saves one read).
   */
  private async settle(kind: ViewKind | null, status: Status | null, snap?: WorkbookSnapshot, known?: Known): Promise<void> {
    const now = snap ?? (await this.host.readWorkbook());
    const grids = engineGrids(now.grids);
    const text = narrativeText(grids);
    this.set({
      view: known?.view ?? (kind ? viewOf(kind, now, this.stated) : null),
      narrative: text ?? null,
      undo: known?.undo !== undefined ? known.undo : (undoableAction(now.journal) ?? null),
      status,
    });
  }

  /** Reads what the pane shows before any action: settings, 说明 text, what 撤销 takes back. */
  start(): Promise<PaneState> {
    return this.perform('读取工作簿', async () => {
      const snap = await this.read();
      this.useSettings({ ...(snap.settings ?? {}), ...(this.options.settings ?? {}) });
      this.useTemplate(templateOfWorkbook(engineGrids(snap.grids), this.stated));
      // A command may have run first (the WPS ribbon's): its view and status stay.
      await this.settle(this.state.view?.kind ?? null, this.state.status, snap);
    });
  }

  private useSettings(stated: Partial<NarrativeSettings>): void {
    const settings = resolveSettings(stated);
    const { template: _asked, ...rest } = stated;
    this.stated = settings.template ? { ...rest, template: settings.template } : rest;
  }

  /** The template found for the workbook: its number formats beneath the stated settings. */
  private useTemplate(template: Template): void {
    this.set({ template: { id: template.id, name: template.name }, settings: settingsForTemplate(template, this.stated) });
  }

  /** The toolbar's door: runs action `id` with the state's settings and 填表 options. */
  run(id: ActionId): Promise<PaneState> {
    switch (id) {
      case 'check':
        return this.check();
      case 'narrate':
        return this.narrate();
      case 'fill':
        return this.previewFill();
      case 'textcheck':
        return this.textcheck();
      case 'supplement':
        return this.insertSupplement();
      case 'exportWord':
        return this.exportWord();
      case 'clear':
        return this.clear();
      case 'undo':
        return this.undo();
    }
  }

  /** 检查: every finding, once; marks their cells (`marks`: which; default every finding). */
  check(marks: MarkOptions = {}): Promise<PaneState> {
    return this.perform(ACTION_LABELS.check, async () => {
      this.afterFill = undefined;
      this.set({ fill: null });
      await this.checkAndMark('', marks);
    });
  }

  /**
   * 检查 without marking (the command line's check): every finding of the workbook as it is, and
   * with `narrative` the text given instead of the workbook's 说明 sheet. Writes nothing.
   */
  review(narrative?: TextParagraph[]): Promise<CheckResult> {
    let result: CheckResult | undefined;
    const done = this.perform(ACTION_LABELS.check, async () => {
      const snap = await this.read();
      this.progress('正在核对表内表间关系…');
      await tick();
      result = checkWorkbook(engineGrids(snap.grids), {
        ...(narrative ? { narrative } : {}),
        profile: this.stated.template,
        settings: this.stated,
      });
      const failed = countFindings(result.findings).error > 0;
      this.set({
        view: { kind: 'check', findings: result.findings, tables: tablesOf(result.model), unchecked: result.unchecked },
        status: {
          intent: failed ? 'warning' : 'success',
          text: `识别到 ${Object.keys(tablesOf(result.model)).length} 张附表。模板：${result.template.name}。`,
        },
      });
    });
    return done.then(() => result ?? Promise.reject(new HostError('“检查”没有完成。')));
  }

  private async checkAndMark(prefix = '', which: MarkOptions = {}): Promise<{ changed: boolean; summary: string }> {
    const snap = await this.read();
    this.progress('正在核对表内表间关系…');
    await tick();
    const checked = checkAction(engineGrids(snap.grids), { profile: this.stated.template, settings: this.stated, marks: which });
    this.useTemplate(checked.template);
    this.progress('正在标记有问题的单元格…');
    const applied = await this.host.applyPlan(checked.plan, { replaceHighlights: true });
    const marks = !applied.changed
      ? ['标记无需更新']
      : checked.marked > 0
        ? [`已标记 ${checked.marked} 个单元格`]
        : ['没有需要标记的单元格，原有标记已去掉'];
    if (applied.notesAsSheet > 0) marks.push(`审核意见写在“${FINDINGS_SHEET}”工作表`);
    const summary = `识别到 ${Object.keys(tablesOf(checked.model)).length} 张附表；${marks.join('，')}。模板：${checked.template.name}。`;
    const failed = countFindings(checked.findings).error > 0;
    this.set({ outcome: { action: 'check', changed: applied.changed, sheetsCreated: applied.sheetsCreated, marked: checked.marked } });
    await this.settle('check', { intent: failed ? 'warning' : 'success', text: prefix + summary }, snap, {
      view: { kind: 'check', findings: checked.findings, tables: tablesOf(checked.model), unchecked: checked.unchecked },
      undo: applied.changed ? 'highlight' : (undoableAction(snap.journal) ?? null),
    });
    return { changed: applied.changed, summary };
  }

  /** 生成说明: writes (or rewrites) the 说明 sheet; the view lists what the text still needs. */
  narrate(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.narrate, async () => {
      this.afterFill = undefined;
      this.set({ fill: null });
      const snap = await this.read();
      this.progress('正在生成情况说明…');
      await tick();
      const n = narrateAction(engineGrids(snap.grids), snap.journal, this.stated);
      this.progress(`正在写入“${NARRATIVE_TITLE}”工作表…`);
      const applied = await this.host.applyPlan(n.plan);
      this.set({ outcome: { action: 'narrate', changed: applied.changed, sheetsCreated: applied.sheetsCreated } });
      const sheet = n.plan.marker.written?.sheet ?? NARRATIVE_TITLE;
      const text = applied.changed ? `已写入“${sheet}”工作表（${n.paragraphs.length} 段）。` : `“${sheet}”工作表已是最新，未作改动。`;
      await this.settle('narrative', { intent: 'success', text });
    });
  }

  /** 生成说明 without writing (the command line's narrate): the text, its template and what it still needs. */
  draftNarrative(): Promise<NarrateAction> {
    let drafted: NarrateAction | undefined;
    const done = this.perform(ACTION_LABELS.narrate, async () => {
      const snap = await this.read();
      this.progress('正在生成情况说明…');
      await tick();
      drafted = narrateAction(engineGrids(snap.grids), snap.journal, this.stated);
      this.set({
        view: { kind: 'narrative', findings: drafted.findings, tables: tablesOf(drafted.model) },
        status: { intent: 'info', text: `情况说明共 ${drafted.paragraphs.length} 段，尚未写入工作簿。` },
      });
    });
    return done.then(() => drafted ?? Promise.reject(new HostError('“生成说明”没有完成。')));
  }

  /** 导出Word: the disclosure .docx from the workbook as it is, downloaded; nothing is written into the workbook. */
  exportWord(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.exportWord, async () => {
      const snap = await this.read();
      this.progress('正在生成 Word 文件…');
      if (!this.options.exportWord)
        throw new HostError('这里不能导出 Word 文件：请在任务窗格或网页版中点“导出Word”，或用命令行 juesuan doc。');
      const text = await this.options.exportWord(engineGrids(snap.grids), this.stated);
      this.set({ status: { intent: 'success', text } });
    });
  }

  /** 核对说明文字: the 说明 sheet's numbers and wording against the tables. Writes nothing. */
  textcheck(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.textcheck, async () => {
      this.set({ fill: null });
      const snap = await this.read();
      this.progress('正在核对说明文字…');
      await tick();
      const t = textcheckAction(engineGrids(snap.grids), this.stated);
      const text = !t.sheet
        ? `没有找到“${NARRATIVE_TITLE}”工作表。请先点“生成说明”，或把说明文字粘贴到一张名为“${NARRATIVE_TITLE}”的工作表的 A 列。`
        : t.findings.length === 0
          ? '说明文字中的数字与表格一致。'
          : `说明文字中有 ${t.findings.length} 处需要核对。`;
      await this.settle('textcheck', { intent: 'success', text }, snap);
    });
  }

  /** 填表, first step (and every change of its options): what would be filled. Writes nothing. */
  previewFill(mode: FillMode = this.state.fillMode, prior: PriorWorkbook | null = this.state.prior): Promise<PaneState> {
    return this.perform(ACTION_LABELS.fill, async () => {
      this.set({ fillMode: mode, prior });
      const snap = await this.read();
      this.progress(prior ? `正在推算可填写的单元格和上年数（${prior.file}）…` : '正在推算可填写的单元格…');
      await tick();
      this.showPreview(this.derive(snap, { mode, ...(prior ? { prior } : {}) }));
    });
  }

  /** Reads last year's workbook with `load`, then previews 填表 with it. */
  pickPrior(file: string, load: () => Promise<PriorWorkbook>): Promise<PaneState> {
    return this.perform('读取上年工作簿', async () => {
      this.progress(`正在读取“${file}”…`);
      const prior = await load();
      this.set({ prior });
      const snap = await this.read();
      this.showPreview(this.derive(snap, { mode: this.state.fillMode, prior }));
    });
  }

  private showPreview(preview: FillPreview, text?: string): void {
    const errors = countFindings(preview.result.findings).error > 0;
    this.set({ fill: preview, status: { intent: text || errors ? 'warning' : 'info', text: text ?? preview.summary } });
  }

  cancelFill(): void {
    this.set({ fill: null, status: { intent: 'info', text: '已取消填表，工作簿没有改动。' } });
  }

  /**
   * 确认填写: reads the workbook again and, when it still gives the previewed plan, applies it
   * (journaled as one 填表 action) and runs 检查 on the filled workbook. When the workbook
   * changed since the preview nothing is written and the preview as of now is shown.
   */
  confirmFill({ thenCheck = true }: { thenCheck?: boolean } = {}): Promise<PaneState> {
    return this.perform('确认填写', async () => {
      const preview = this.state.fill;
      if (!preview) return;
      this.afterFill = undefined;
      const snap = await this.read();
      this.progress('正在核对预览之后工作簿有无改动…');
      await tick();
      const now = this.derive(snap, preview.options);
      if (JSON.stringify(now.plan) !== JSON.stringify(preview.plan)) {
        this.showPreview(now, '工作簿在预览之后有改动，已按现在的内容重新预览，什么也没有写入。请核对后再点“确认填写”。');
        return;
      }
      if (now.plan.ops.length === 0) {
        this.showPreview(now);
        return;
      }
      const { result } = now;
      this.progress(`正在填写 ${result.items.length} 个单元格…`);
      const filled = await this.host.applyPlan(now.plan);
      this.set({ fill: null, outcome: { action: 'fill', changed: filled.changed, sheetsCreated: filled.sheetsCreated } });
      const parts = [`已填写 ${result.items.length} 个单元格`];
      if (result.rows.length > 0) parts.push(`新增 ${result.rows.length} 行`);
      if (filled.sheetsCreated.length > 0) parts.push(`新建“${filled.sheetsCreated.join('”“')}”工作表`);
      const done = `${parts.join('，')}（${result.mode === 'formulas' ? '公式' : '数值'}）。`;
      if (!thenCheck) {
        await this.settle(this.state.view?.kind ?? null, { intent: 'success', text: `${done}点“撤销”可取消这次填写。` });
        return;
      }
      const checked = await this.checkAndMark(`${done}重新检查：`);
      // 撤销 right after this takes back the fill together with the marks of its 检查.
      if (filled.changed && checked.changed) this.afterFill = snap.journal.entries.length + 2;
      const status = this.state.status!;
      this.set({ status: { ...status, text: `${status.text}点“撤销”可取消这次填写。` } });
    });
  }

  private derive(snap: WorkbookSnapshot, options: FillOptions): FillPreview {
    const mode: FillMode = options.mode === 'formulas' && keepsFormulas(this.host) ? 'formulas' : 'values';
    const formulaAt = formulaAtOf(this.host);
    const { result, plan } = fillAction(engineGrids(snap.grids), {
      journal: snap.journal,
      mode,
      ...(formulaAt ? { formulaAt } : {}),
      ...(options.prior ? { prior: { grids: options.prior.grids, file: options.prior.file } } : {}),
    });
    return { result, plan, options: { ...options, mode }, tables: tablesOf(result.model), summary: fillSummary(result) };
  }

  /** 插入补充信息表: an empty 补充信息 sheet with every row, unless there is one. */
  insertSupplement(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.supplement, async () => {
      this.afterFill = undefined;
      this.set({ fill: null });
      const snap = await this.read();
      const plan = supplementAction(engineGrids(snap.grids), this.stated);
      if (plan.ops.length === 0) {
        await this.settle(this.state.view?.kind ?? null, { intent: 'success', text: '工作簿中已有“补充信息”表，未作改动。' }, snap);
        return;
      }
      this.progress('正在插入“补充信息”表…');
      const applied = await this.host.applyPlan(plan);
      this.set({ outcome: { action: 'supplement', changed: applied.changed, sheetsCreated: applied.sheetsCreated } });
      const sheet = applied.sheetsCreated[0] ?? '补充信息';
      await this.settle(this.state.view?.kind ?? null, {
        intent: 'success',
        text: `已插入“${sheet}”工作表。请填写上年数、预算数和原因说明后再点“生成说明”。`,
      });
    });
  }

  /** 清除标记: every cell back to the fill and note it had before any mark; journaled, so 撤销 brings the marks back. */
  clear(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.clear, async () => {
      this.afterFill = undefined;
      this.set({ fill: null });
      const { journal } = await this.host.readWorkbook([]);
      this.progress('正在清除标记…');
      if (!this.host.capabilities().notes) {
        // The messages are in a 审核结果 sheet a highlight created: the host's own clear deletes
        // it with the marks (a sheet a plan cannot re-create on undo); that clear is not undoable.
        const r = await this.host.clearHighlights();
        const after = await this.host.readWorkbook([]);
        this.set({
          undo: undoableAction(after.journal) ?? null,
          status: { intent: 'success', text: r.done ? `已清除标记，${r.cellsRestored} 个单元格恢复原样。` : '没有需要清除的标记。' },
        });
        return;
      }
      const plan = clearAction(journal);
      const applied = plan.ops.length > 0 ? await this.host.applyPlan(plan) : undefined;
      // Only fills and notes changed: the findings and the 说明 text on screen stay as they are.
      this.set({
        undo: applied?.changed ? 'clear' : (undoableAction(journal) ?? null),
        status: {
          intent: 'success',
          text: applied?.changed ? `已清除标记，${applied.cellsWritten} 个单元格恢复原样。` : '没有需要清除的标记。',
        },
      });
    });
  }

  /** 撤销: takes back the last journaled action (after 确认填写: the fill with the marks of its 检查). */
  undo(): Promise<PaneState> {
    return this.perform(ACTION_LABELS.undo, async () => {
      this.set({ fill: null });
      this.progress('正在撤销…');
      const afterFill = this.afterFill;
      this.afterFill = undefined;
      let text = afterFill !== undefined ? await this.undoFillWithMarks(afterFill) : undefined;
      if (!text) {
        const r = await this.host.undoLast();
        text = r.done ? `已撤销上一次${UNDO_NAMES[r.action ?? 'highlight']}${describeRevert(r)}。` : '没有可撤销的操作。';
      }
      await this.settle(this.state.view?.kind ?? null, { intent: 'success', text });
    });
  }

  /** 撤销 after 确认填写: the marks of its 检查, then the fill — when the journal is still as they left it. */
  private async undoFillWithMarks(length: number): Promise<string | undefined> {
    const { entries } = (await this.host.readWorkbook([])).journal;
    if (entries.length !== length || entries[length - 1]?.action !== 'highlight' || entries[length - 2]?.action !== 'fill')
      return undefined;
    const marks = await this.host.undoLast();
    const fill = await this.host.undoLast();
    if (!fill.done) return marks.done ? `已撤销上一次标记${describeRevert(marks)}。` : undefined;
    const sheets = [...marks.sheetsDeleted, ...fill.sheetsDeleted];
    return `已撤销上一次填表（连同填表后检查所作的标记）${describeRevert({ ...fill, sheetsDeleted: sheets })}。`;
  }

  /** 设置: remembered in the workbook (not journaled, no cell changes: a 填表 preview stays valid). */
  saveSettings(settings: NarrativeSettings): Promise<PaneState> {
    return this.perform('保存设置', async () => {
      this.useSettings(settings);
      const template = this.stated.template ?? this.state.template?.id;
      if (template) this.useTemplate(getTemplate(template));
      else this.set({ settings: resolveSettings(this.stated) });
      await this.host.saveSettings(settings);
      this.set({ status: { intent: 'success', text: '设置已保存在本工作簿中。' } });
    });
  }
}
