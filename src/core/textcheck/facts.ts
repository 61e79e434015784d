// The reference values a paragraph is compared with (domain.md §3.3): published table cells and
// 补充信息 cells, each with the cells it came from and a Chinese name for messages.
import type { Model, Table, TableId, TableRow } from '../model';
import { findRow } from '../model';
import { ZERO } from '../money';
import { levelOf } from '../narrative/names';
import type { Supplement } from '../supplement/types';
import type { NumericColumn } from '../supplement/rows';
import { PERSONNEL_CLASSES, TABLES } from '../tables';
import type { Fact } from './types';

const T08_COLUMNS = ['金额', '决算数', '合计'];
const FUND_SPENT = ['本年支出', '本年支出小计', '本年支出合计'];

export type SanGongColumn = '合计' | '因公出国（境）费' | '公务用车购置及运行费' | '公务用车购置费' | '公务用车运行费' | '公务接待费';
export type T08Group = '人员经费' | '公用经费';

export class Facts {
  constructor(
    readonly model: Model,
    readonly supplement: Supplement | undefined,
  ) {}

  table(id: TableId): Table | undefined {
    return this.model.tables[id];
  }

  /** The first of `columns` that row `rowKey` of table `id` has. */
  cell(id: TableId, rowKey: string, columns: string[], label: string): Fact | undefined {
    const row = findRow(this.table(id), rowKey);
    return row ? this.rowFact(id, row, columns, label) : undefined;
  }

  rowFact(id: TableId, row: TableRow, columns: string[], label: string): Fact | undefined {
    for (const c of columns) {
      const a = row.cells[c];
      if (a) return { value: a.value, cells: [a.cell], name: `${this.table(id)?.title ?? TABLES[id].title}“${label}”`, source: 'table' };
    }
    return undefined;
  }

  // ---- T01 T03 T04 -----------------------------------------------------------------------

  /** T01 row “收:<label>” / “支:<label>”. */
  t01(side: '收' | '支', label: string): Fact | undefined {
    return this.cell('T01', `${side}:${label}`, ['金额'], label);
  }

  /** T03 合计 row, one column (本年支出合计, 基本支出 …). */
  t03(column: string): Fact | undefined {
    return this.cell('T03', '合计', [column], `合计·${column}`);
  }

  /** T04 收 side row (总计, 年初财政拨款结转和结余). */
  t04(label: string): Fact | undefined {
    return this.cell('T04', `收:${label}`, ['金额', '合计'], label);
  }

  /** 本年支出合计: T01 支 side, else T03 合计 (domain §4.1.3). */
  spendingTotal(): Fact | undefined {
    return this.t01('支', '本年支出合计') ?? this.t03('本年支出合计');
  }

  // ---- T06 --------------------------------------------------------------------------------

  t06(rowKey: string, column = '合计'): Fact | undefined {
    const label = column === '合计' ? rowKey : `${rowKey}·${column}`;
    return this.cell('T06', rowKey, [column], label);
  }

  t06Row(row: TableRow): Fact | undefined {
    return this.rowFact('T06', row, ['合计'], `${row.code ?? row.key} ${row.label.replace(/[\s\u3000]+/g, '')}·合计`);
  }

  /** The 功能分类 rows of T06 at a level (1 类, 2 款, 3 项). */
  t06Rows(level: 1 | 2 | 3): TableRow[] {
    let rows = this.t06ByLevel.get(level);
    if (!rows) this.t06ByLevel.set(level, (rows = (this.table('T06')?.rows ?? []).filter((r) => r.code && levelOf(r) === level)));
    return rows;
  }

  /** T06's rows of each level, picked out once per check (every 科目 name of the text looks them up). */
  private readonly t06ByLevel = new Map<1 | 2 | 3, TableRow[]>();

  // ---- T08 --------------------------------------------------------------------------------

  /** 基本支出 (N6): T08 基本支出合计 when printed, else T06 合计·基本支出. */
  basicTotal(): Fact | undefined {
    return this.cell('T08', '基本支出合计', T08_COLUMNS, '基本支出合计') ?? this.t06('合计', '基本支出');
  }

  t08Group(group: T08Group): Fact | undefined {
    return this.cell('T08', `${group}合计`, T08_COLUMNS, `${group}合计`);
  }

  /** The 款 rows (5-digit codes) of a T08 group, in table order. */
  t08Items(group: T08Group): { label: string; fact: Fact }[] {
    const out: { label: string; fact: Fact }[] = [];
    for (const row of this.table('T08')?.rows ?? []) {
      if (!row.code || row.code.length !== 5) continue;
      const g = row.group ?? (PERSONNEL_CLASSES.includes(row.code.slice(0, 3)) ? '人员经费' : '公用经费');
      if (g !== group) continue;
      const label = row.label.replace(/[\s\u3000]+/g, '');
      const fact = this.rowFact('T08', row, T08_COLUMNS, `${row.code} ${label}`);
      if (fact) out.push({ label, fact });
    }
    return out;
  }

  // ---- “三公” and the fund tables ----------------------------------------------------------

  /** T10 (+ T12 when present) of one block and column (domain §3.2 X21). */
  sanGong(block: '预算数' | '决算数', column: SanGongColumn): Fact | undefined {
    const t10 = this.cell('T10', block, [column], `${block}·${column}`);
    if (!t10) return undefined;
    const t12 = this.cell('T12', block, [column], `${block}·${column}`);
    if (!t12) return t10;
    return { value: t10.value.add(t12.value), cells: [...t10.cells, ...t12.cells], name: `${t10.name} + ${t12.name}`, source: 'table' };
  }

  /**
   * 政府性基金 (T11) / 国有资本经营 (T14, else T13) 合计·本年支出; the T04 column of the fund when
   * those tables are absent; 0 for a printed table without rows (空表).
   */
  fundSpending(fund: '政府性基金' | '国有资本经营'): Fact | undefined {
    const sources: [TableId, string[]][] =
      fund === '政府性基金'
        ? [['T11', FUND_SPENT]]
        : [
            ['T14', ['合计']],
            ['T13', FUND_SPENT],
          ];
    for (const [id, columns] of sources) {
      const f = this.cell(id, '合计', columns, `合计·${columns[0]}`);
      if (f) return f;
    }
    const t04 = this.cell('T04', '支:本年支出合计', [`${fund}预算财政拨款`], `本年支出合计·${fund}预算财政拨款`);
    if (t04) return t04;
    const empty = sources.map(([id]) => this.table(id)).find((t) => t !== undefined && t.rows.length === 0);
    return empty ? { value: ZERO, cells: [], name: `${empty.title}（空表）`, source: 'table' } : undefined;
  }

  // ---- 补充信息 -----------------------------------------------------------------------------

  supp(label: string, column: NumericColumn): Fact | undefined {
    const row = this.supplement?.get(label);
    const a = row?.[column];
    return a ? { value: a.value, cells: [a.cell], name: `补充信息“${row!.label}·${column}”`, source: 'supplement' } : undefined;
  }

  /** 调整预算数 of a T06 科目 (补充信息 row with that 科目编码). */
  budgetOf(code: string): Fact | undefined {
    const row = this.supplement?.byCode(code);
    const a = row?.预算数;
    return a ? { value: a.value, cells: [a.cell], name: `补充信息“科目${code}·预算数”`, source: 'supplement' } : undefined;
  }
}
