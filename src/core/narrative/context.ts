// What every section reads: the model, the 补充信息, the settings — and where every missing input
// becomes a visible placeholder plus one NEED finding naming the 补充信息 row to fill.
import type { CellRef, Finding } from '../finding';
import type { Amount, Model, Table, TableId, TableRow } from '../model';
import { findRow } from '../model';
import type { Decimal } from '../money';
import type { Supplement, SupplementRow } from '../supplement/types';
import type { NumericColumn } from '../supplement/rows';
import { TABLES } from '../tables';
import { fmtPct, fmtWan, fmtWanFixed, fmtWanGrouped } from './format';
import { fillBlanks, type DerivedBlank } from './derived';
import { cellKey } from '../plan';
import { wan2 } from '../money';
import type { Value } from './paragraph';
import { ParagraphBuilder, known, trimSentence } from './paragraph';
import type { NarrativeSettings } from './settings';
import type { SectionId } from './types';
import type { SentenceForms } from '../templates/types';

export const PLACEHOLDER = {
  上年数: '【请填写上年数】',
  预算数: '【请填写预算数】',
  原因说明: '【请填写原因】',
  决算年度: '【请填写决算年度】',
  单位名称: '【请填写单位名称】',
} as const;

/** A reason (or other free text) to quote, or the placeholder asking for it. */
export type TextValue = { ok: true; text: string; cells: CellRef[] } | { ok: false; placeholder: string; cells: CellRef[] };

export class NarrativeContext {
  readonly findings: Finding[] = [];
  readonly year: number | null;
  /** The section being written (for finding messages). */
  section: SectionId = '一';
  /** The template's sentence forms; absent: the style A/B wordings. */
  forms?: SentenceForms;
  /** What 五（三）'s per-科目 预算数 is: 调整预算数 (Sichuan) or 年初预算数 (Shanghai). */
  budgetBasis: '调整预算' | '年初预算' = '调整预算';
  /** How 万元 amounts are printed (the template's): 'grouped' “279,818.00”, else the seeds' “1883.7”. */
  amountFormat?: 'trim' | 'grouped';
  private readonly seen = new Set<string>();
  /** The tables as read, with blank cells that identities determine filled in (./derived). */
  readonly model: Model;
  private readonly derived: Map<string, DerivedBlank>;

  constructor(
    model: Model,
    readonly supplement: Supplement | undefined,
    readonly settings: NarrativeSettings,
  ) {
    const filled = fillBlanks(model);
    this.model = filled.model;
    this.derived = filled.derived;
    const y = supplement?.get('决算年度')?.本年数;
    this.year = y ? y.value.toNumber() : null;
  }

  // ---- years ------------------------------------------------------------------------------

  /** {Y}: “2023”, or the placeholder. */
  get yearText(): string {
    if (this.year !== null) return String(this.year);
    this.needSupplement('决算年度', '本年数', '决算年度');
    return PLACEHOLDER.决算年度;
  }

  /** {Y-1}: “2022”, or “上” so that “与上年相比” still reads when the year is unknown. */
  get prevYearText(): string {
    return this.year !== null ? String(this.year - 1) : '上';
  }

  /** A paragraph builder that knows the cells of placeholders written inside template text. */
  paragraph(): ParagraphBuilder {
    return new ParagraphBuilder(
      (text) => (text === PLACEHOLDER.决算年度 ? this.yearRowCells() : []),
      this.forms?.amounts === 'twoDecimals' ? fmtWanFixed : this.amountFormat === 'grouped' ? fmtWanGrouped : fmtWan,
    );
  }

  private yearRowCells(): CellRef[] {
    const row = this.row('决算年度');
    const cell = row?.cells.本年数;
    return cell ? [cell] : row ? [row.labelCell] : [];
  }

  // ---- formatting -------------------------------------------------------------------------

  pct(p: Decimal): string {
    return fmtPct(p, this.settings.percentDecimals, this.settings.keepTrailingZeros);
  }

  get style(): 'A' | 'B' {
    return this.settings.style;
  }

  // ---- tables -----------------------------------------------------------------------------

  table(id: TableId): Table | undefined {
    return this.model.tables[id];
  }

  /** The first of the given columns the row has. */
  amountOf(row: TableRow | undefined, columns: string[]): Amount | undefined {
    if (!row) return undefined;
    for (const c of columns) {
      const a = row.cells[c];
      if (!a) continue;
      if (a.blank) this.noteDerived(a, row.label);
      return a;
    }
    return undefined;
  }

  /** A blank cell whose value the narrative takes from an identity: a 提示 saying from where. */
  private noteDerived(a: Amount, label: string): boolean {
    const d = this.derived.get(cellKey(a.cell.sheet, a.cell.address));
    if (!d) return false;
    const key = `derived|${a.cell.sheet}|${a.cell.address}`;
    if (!d.amount.value.isZero() && !this.seen.has(key)) {
      this.seen.add(key);
      this.findings.push({
        rule: 'DERIVED',
        severity: 'warning',
        message: `${a.cell.sheet}!${a.cell.address}“${label}”为空，第二部分${this.section}按${d.from}取${wan2(d.amount.value)}万元（${d.rule}）；请在表中填写（可用“填表”）。`,
        cells: [a.cell, ...d.sources],
      });
    }
    return true;
  }

  cell(id: TableId, rowKey: string, columns: string[]): Amount | undefined {
    return this.amountOf(findRow(this.table(id), rowKey), columns);
  }

  /** A published table value, or a placeholder + NEED finding when the table or row is missing. */
  tableValue(id: TableId, rowKey: string, columns: string[], what: string): Value {
    const a = this.cell(id, rowKey, columns);
    const title = TABLES[id].title;
    if (a && !(a.blank && !this.derived.has(cellKey(a.cell.sheet, a.cell.address)))) return known(a.value, [a.cell]);
    if (a) {
      // blank, and no identity gives it: ask, never read as 0
      this.need(
        `blank|${a.cell.sheet}|${a.cell.address}`,
        [a.cell],
        `第二部分${this.section}需要${title}“${what}”的数值，但${a.cell.sheet}!${a.cell.address}为空，也无法由其他单元格推算，已留空待填；请在表中填写。`,
      );
      return { ok: false, placeholder: `【请填写${title}“${what}”】`, cells: [a.cell] };
    }
    const placeholder = `【缺少${title}“${what}”】`;
    const has = this.table(id) !== undefined;
    this.need(
      `table|${id}|${rowKey}`,
      [],
      `第二部分${this.section}需要${title}“${what}”的数值，但${has ? '该表中没有这一行' : '工作簿中没有读到这张表'}，已留空待填。`,
    );
    return { ok: false, placeholder, cells: [] };
  }

  // ---- 补充信息 ------------------------------------------------------------------------------

  row(label: string): SupplementRow | undefined {
    return this.supplement?.get(label);
  }

  /** A number from the 补充信息 sheet, or the placeholder + NEED naming the row and column. */
  suppValue(label: string, column: NumericColumn, placeholder?: string): Value {
    const row = this.row(label);
    const a = row?.[column];
    if (a) return known(a.value, [a.cell]);
    const ph = placeholder ?? (column === '本年数' ? `【请填写${label.replace(/[“”]/g, '')}】` : PLACEHOLDER[column]);
    return { ok: false, placeholder: ph, cells: this.needSupplement(label, column, label) };
  }

  /** The per-科目 budget (调整预算数) of 五（三）. */
  budgetOf(code: string, name: string): Value {
    const row = this.supplement?.byCode(code);
    const a = row?.预算数;
    if (a) return known(a.value, [a.cell]);
    const cell = row?.cells.预算数;
    const basis = `${this.budgetBasis}数`;
    const where =
      this.supplement === undefined
        ? `请添加补充信息表，增加科目编码为${code}的一行并填写预算数（${basis}）`
        : row
          ? `请在补充信息表科目编码${code}行的“预算数”列填写${basis}`
          : `请在补充信息表增加科目编码为${code}的一行并填写预算数（${basis}）`;
    this.need(
      `code|${code}|预算数`,
      cell ? [cell] : row ? [row.labelCell] : [],
      `第二部分${this.section}需要科目${code}“${name}”的${basis}：${where}。`,
    );
    return { ok: false, placeholder: PLACEHOLDER.预算数, cells: cell ? [cell] : [] };
  }

  /**
   * The 原因说明 of a row. When it is blank: a placeholder + NEED if `required` (why: `because`),
   * otherwise undefined (the sentence leaves the reason out).
   */
  reason(label: string, required: boolean, because: string): TextValue | undefined {
    return this.reasonOfRow(this.row(label), label, `“${label}”行`, required, because);
  }

  reasonOfCode(code: string, name: string, required: boolean, because: string): TextValue | undefined {
    return this.reasonOfRow(this.supplement?.byCode(code), `code|${code}`, `科目编码${code}（${name}）行`, required, because);
  }

  private reasonOfRow(
    row: SupplementRow | undefined,
    key: string,
    rowName: string,
    required: boolean,
    because: string,
  ): TextValue | undefined {
    const r = row?.原因说明;
    if (r && trimSentence(r.text) !== '') return { ok: true, text: trimSentence(r.text), cells: [r.cell] };
    if (!required) return undefined;
    const cell = row?.cells.原因说明;
    const cells = cell ? [cell] : row ? [row.labelCell] : [];
    const where =
      this.supplement === undefined
        ? `请添加补充信息表，在${rowName}的“原因说明”列填写`
        : row
          ? `请在补充信息表${rowName}的“原因说明”列填写`
          : `请在补充信息表增加${rowName}并填写“原因说明”`;
    this.need(`${key}|原因说明`, cells, `第二部分${this.section}：${because}，需要说明原因。${where}。`);
    return { ok: false, placeholder: PLACEHOLDER.原因说明, cells };
  }

  /** The 主要用途 of a 科目 (Shanghai 五（三）), or its placeholder + NEED naming the row. */
  purposeOfCode(code: string, name: string): TextValue {
    const row = this.supplement?.byCode(code);
    const t = row?.主要用途;
    if (t && trimSentence(t.text) !== '') return { ok: true, text: trimSentence(t.text), cells: [t.cell] };
    const cell = row?.cells.主要用途;
    const cells = cell ? [cell] : row ? [row.labelCell] : [];
    const where =
      this.supplement === undefined
        ? `请添加补充信息表，增加科目编码为${code}的一行，在“主要用途”列填写`
        : row
          ? `请在补充信息表科目编码${code}行的“主要用途”列填写（没有这一列时在表头增加“主要用途”）`
          : `请在补充信息表增加科目编码为${code}的一行并填写“主要用途”`;
    this.need(`code|${code}|主要用途`, cells, `第二部分${this.section}需要科目${code}“${name}”的主要用途：${where}。`);
    return { ok: false, placeholder: '【请填写主要用途】', cells };
  }

  /** A text row of the 补充信息 (本年数 as text), or its placeholder + NEED. */
  textOf(label: string): TextValue {
    const t = this.row(label)?.text;
    if (t && trimSentence(t.text) !== '') return { ok: true, text: trimSentence(t.text), cells: [t.cell] };
    return { ok: false, placeholder: `【请填写${label}】`, cells: this.needSupplement(label, '本年数', label) };
  }

  /** Free text of a row's 原因说明 used as sentence material (主要用于…), never required. */
  note(label: string): TextValue | undefined {
    return this.reason(label, false, '');
  }

  /** {单位}: the 单位名称 text, or its placeholder. */
  unitName(): TextValue {
    const t = this.row('单位名称')?.text;
    if (t && t.text.trim() !== '') return { ok: true, text: t.text.trim(), cells: [t.cell] };
    return { ok: false, placeholder: PLACEHOLDER.单位名称, cells: this.needSupplement('单位名称', '本年数', '单位名称') };
  }

  /** Records the NEED finding for a blank 补充信息 cell; returns the cell to point at. */
  private needSupplement(label: string, column: NumericColumn, shown: string): CellRef[] {
    const row = this.row(label);
    const cell = row?.cells[column];
    const cells = cell ? [cell] : row ? [row.labelCell] : [];
    const what = label === '决算年度' ? '决算年度' : label === '单位名称' ? '单位名称' : `“${shown}”的${column}`;
    const where =
      this.supplement === undefined
        ? `请添加补充信息表，在“${label}”行的“${column}”列填写`
        : row
          ? `请在补充信息表“${label}”行的“${column}”列填写`
          : `请在补充信息表增加“${label}”行并填写“${column}”`;
    this.need(`${label}|${column}`, cells, `第二部分${this.section}需要${what}：${where}。`);
    return cells;
  }

  /** One NEED finding per key (a row used by several sections is asked for once). */
  need(key: string, cells: CellRef[], message: string): void {
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.findings.push({ rule: 'NEED', severity: 'warning', message, cells });
  }

  /** Any other finding (e.g. adjusted shares). */
  add(finding: Finding): void {
    this.findings.push(finding);
  }
}
