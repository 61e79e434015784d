// Types of the scorecard checker (domain.md §5): the rule list format, the settings, and what
// the reader makes of a 绩效自评计分表 or a 绩效目标完成情况表.
import type { Decimal } from '../money';
import type { CellRef } from '../finding';

/** §5.1 “每超过 k 个百分点扣 d 分”: deduct = d × f(excess / k). */
export type StepMode = 'linear' | 'perFullStep' | 'perStartedStep';

export type ScorecardKind = 'department' | 'project';

/**
 * A number in evidence or on a sheet that can be tied to another source (SC-8 to the 决算 Model,
 * CT-6 to the 绩效目标完成情况表).
 */
export type TieTarget =
  /** T10 (+T12) 决算数·合计 */
  | 'sanGong.决算'
  /** T10 (+T12) 预算数·合计 */
  | 'sanGong.预算'
  /** T06 合计·项目支出, or T09 合计 */
  | 'projectSpending'
  /** 完成情况表 合计 row, in 万元 */
  | 'completion.预算额'
  | 'completion.执行额'
  | 'completion.当年结转结余额'
  /** 完成情况表 rates, in % */
  | 'completion.执行率'
  | 'completion.结转结余率'
  | 'completion.成本节约率';

/** Which evidence numbers a rule ties, and to what. */
export interface RuleTies {
  /** numerator of the evidence ratio a/b */
  numerator?: TieTarget;
  /** denominator of the evidence ratio a/b */
  denominator?: TieTarget;
  /** the (recomputed or stated) rate */
  rate?: TieTarget;
  /** 三公经费变动率: this year's total */
  current?: TieTarget;
}

/** Words in 自评依据 that stand for a rate, e.g. “本年度预算无调整” → 预算调整率 0%. */
export interface EvidenceKeyword {
  /** a regular-expression source, matched against the evidence text without whitespace */
  pattern: string;
  /** the rate in % the words mean */
  rate: string;
}

interface RuleBase {
  /** 三级指标 name, normalised (no spaces, quotes or the “（N分）”). */
  indicator: string;
  aliases?: string[];
  /** 二级指标 name, to tell apart indicators with the same name (管理制度健全性). */
  parent?: string;
  /** Max points; used when the sheet's label does not print them. Decimal string. */
  points: string;
  keywords?: EvidenceKeyword[];
  /**
   * Regular-expression sources: evidence saying there was nothing to measure (“本年度无政府采购”),
   * i.e. planned 0 and actual 0 — 不适用, full marks (SC-9).
   */
  notApplicable?: string[];
  ties?: RuleTies;
}

/**
 * The rule kinds of §5.2 / §5.3 / §5.6. All constants are decimal strings so that a rule list is
 * plain JSON a locality can edit. Rates are in %; M is the indicator's max points.
 */
export type RuleSpec =
  /** Σ of the items answered 是: “①…（1分）②…（0.5分）”. Not derivable from prose evidence. */
  | { kind: 'checklist'; items: string[] }
  /** “实际得分=率*M”: M × min(1, r/100). */
  | { kind: 'proportional' }
  /** “为100%的计M分，每超过k个百分点扣d分”: r ≤ cap → M, else M − d·f((r − cap)/k), floor 0. */
  | { kind: 'overCap'; cap: string; step: string; deduct: string; mode?: StepMode }
  /** “为100%的计M分，每低于k个百分点扣d分”: r ≥ target → M, else M − d·f((target − r)/k). */
  | { kind: 'underFloor'; target: string; step: string; deduct: string; mode?: StepMode }
  /** “低于T%的计M分，每超过k个百分点扣d分”: r < T → M, else M − d·f((r − T)/k). */
  | { kind: 'belowThreshold'; threshold: string; step: string; deduct: string; mode?: StepMode }
  /** 在职人员控制率: r ≤ cap → M, else M × cap / r (“按比例计分”). */
  | { kind: 'staff'; cap: string }
  /** “三公经费”变动率: r ≤ 0 → M, else M × (1 − r/100), floor 0. */
  | { kind: 'sanGongChange' }
  /** 预算调整率: M × (1 − |r|/100), floor 0. */
  | { kind: 'adjustment' }
  /** 成本节约率: r ≥ 0 → M, else M × (1 − |r|/100), floor 0. */
  | { kind: 'costSaving' }
  /** 支付进度率: yearEnd points if 年终进度 met + quarterly points if every quarter met. */
  | { kind: 'payment'; yearEnd: string; quarterly: string }
  /** 完成及时率: perQuarter points for each of `quarters` quarters on time. */
  | { kind: 'quarters'; perQuarter: string; quarters: number }
  /**
   * “≥90%得10分，80%（含）-90%得8分，低于80%不得分”: the points of the highest band whose lower
   * bound the rate reaches; below every band → `below` points, or no score when the text states none.
   */
  | { kind: 'bands'; bands: ScoreBand[]; below?: string };

export interface ScoreBand {
  /** lower bound of the rate, in % */
  min: string;
  /** true: the bound itself is in the band (≥, 及以上, 含) */
  inclusive: boolean;
  points: string;
}

export type RuleKind = RuleSpec['kind'];

export type ScoreRule = RuleBase & RuleSpec;

export interface GradeBand {
  grade: string;
  /** lowest score of the band, inclusive */
  min: string;
}

export interface ScoreSettings {
  /** §5.1 default step mode; a rule's own `mode` wins. */
  stepMode: StepMode;
  /** Rates are rounded half-up to this many decimals before scoring. */
  rateDecimals: number;
  /** Scores are rounded half-up to this many decimals. */
  scoreDecimals: number;
  /** SC-7: |derived − written| above this is reported. */
  scoreTolerance: string;
  /** SC-2: Σ 一级 max. */
  totalPoints: string;
  /** Highest band first. */
  bands: GradeBand[];
  /** Spelling → canonical grade (优秀 → 优). */
  gradeAliases: Record<string, string>;
  /** 三公经费变动率's “本年度总额” is tied to T10 决算数 or 预算数 (SC-8). */
  sanGongBasis: '决算数' | '预算数';
  /** Add T12 (政府性基金 “三公”) to T10 for SC-8. */
  sanGongIncludeT12: boolean;
  /** A unitless evidence amount at or above this is read as 元, below as 万元. */
  bareAmountYuanFrom: string;
  /**
   * SC-10: rates that cannot exceed 100% — a rate whose name ends with one of these (完成率,
   * 覆盖率, 满意度 …) and is printed above 100% is an error.
   */
  boundedRates: string[];
  /** Names that end like a bounded rate but may exceed 100% (预算完成率). */
  unboundedRates: string[];
  /** Indicator rules of the 部门整体支出 scorecard. */
  departmentRules: ScoreRule[];
  /** Indicator rules of the 项目支出 scorecard. */
  projectRules: ScoreRule[];
}

// ---- what the reader produces ------------------------------------------------------------

export interface LabelledGroup {
  name: string;
  /** points printed in the label, “投入（20分）” → 20 */
  max?: Decimal;
  cell: CellRef;
}

export interface Indicator {
  level1: LabelledGroup;
  level2: LabelledGroup;
  name: string;
  /** the 三级 cell text as printed */
  label: string;
  labelCell: CellRef;
  /** points printed in the 三级 label */
  labelMax?: Decimal;
  /** labelMax, else the rule's points */
  max?: Decimal;
  criteria: string;
  criteriaCell: CellRef;
  /** null = blank; undefined never */
  score: Decimal | null;
  /** the cell text when it is not a number */
  scoreText: string;
  scoreCell: CellRef;
  evidence: string;
  evidenceCell: CellRef;
  rule?: ScoreRule;
}

export interface Scorecard {
  kind: ScorecardKind;
  sheet: string;
  title: string;
  /** How messages name the sheet when its layout is not the Sichuan 计分表 (“项目支出绩效自评表（委托业务项目）”). */
  label?: string;
  titleCell: CellRef;
  /** “（市人代会经费）” under a project title, or the 项目名称 */
  projectName?: string;
  unitName?: string;
  unitCode?: string;
  /** 自评等级 as printed ('' = blank) and where */
  grade?: { text: string; cell: CellRef };
  indicators: Indicator[];
  /** The 合计 row's score; absent when the sheet has no 合计 row. */
  total?: { value: Decimal | null; text: string; cell: CellRef };
  /** Σ of the 三级 scores (blank = 0). */
  computedTotal: Decimal;
  /** The 绩效目标完成情况表 that belongs to this scorecard, if found (the national 自评表 is its own). */
  completion?: CompletionTable;
  /** The 项目资金 block of the national 自评表 (年度资金总额 and its 其中 rows). */
  funds?: FundsRow[];
}

export const FUNDS_COLUMNS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'] as const;
export type FundsColumn = (typeof FUNDS_COLUMNS)[number];

/** One row of the national 自评表's 项目资金 block: 年度资金总额, 其中：当年财政拨款, 上年结转资金, 其他资金. */
export interface FundsRow {
  label: string;
  labelCell: CellRef;
  /** true for 年度资金总额 */
  total: boolean;
  cells: Partial<Record<FundsColumn, CompletionCell>>;
}

export interface CompletionCell {
  value: Decimal | null;
  text: string;
  cell: CellRef;
}

/** One row of the 预算执行情况 block: 合计 | 基本支出 | 政策和项目支出 (dept) or 合计 | 财政拨款 | 其他资金. */
export interface ExecutionRow {
  label: string;
  labelCell: CellRef;
  预算额?: CompletionCell;
  执行额?: CompletionCell;
  当年结转结余额?: CompletionCell;
  结转结余率?: CompletionCell;
  结转结余变动率?: CompletionCell;
}

export const EXECUTION_COLUMNS = ['预算额', '执行额', '当年结转结余额', '结转结余率', '结转结余变动率'] as const;
export type ExecutionColumn = (typeof EXECUTION_COLUMNS)[number];

export const STRUCTURE_COLUMNS = ['合计', '一般公共预算安排', '政府性基金预算安排', '国有资本经营预算安排', '社保基金预算安排'] as const;
export type StructureColumn = (typeof STRUCTURE_COLUMNS)[number];

/** One row of the 预算结构 / 财政拨款结构 block: 预算额 | 执行额 | 当年结转结余额 | 结转结余率 | 结转结余变动率. */
export interface StructureRow {
  label: ExecutionColumn;
  labelCell: CellRef;
  cells: Partial<Record<StructureColumn, CompletionCell>>;
}

/** One row of the 年度绩效指标 block: 一级 | 二级 | 三级 | 预算指标值 (年度指标值) | 执行结果 (实际完成值). */
export interface PerformanceRow {
  level1: string;
  level2: string;
  /** the 三级 cell text (“指标1:” or a name) */
  name: string;
  nameCell: CellRef;
  target: CompletionCell;
  result: CompletionCell;
  /** the row's own 分值 and 得分 (national 自评表, where the indicators are scored on this row) */
  points?: CompletionCell;
  score?: CompletionCell;
}

export interface CompletionTable {
  kind: ScorecardKind;
  sheet: string;
  title: string;
  /** How messages name the table when it is not a Sichuan 完成情况表 (the national 自评表 itself). */
  label?: string;
  /** What the table calls its two value columns: 预算指标值/执行结果 (Sichuan), 年度指标值/实际完成值 (national). */
  columnNames?: { target: string; result: string };
  titleCell: CellRef;
  projectName?: string;
  unitName?: string;
  execution: ExecutionRow[];
  structure: StructureRow[];
  /** the 年度绩效指标 rows that print a target or a result */
  performance: PerformanceRow[];
}

export interface ScorecardOptions {
  model?: import('../model').Model;
  settings?: Partial<ScoreSettings>;
  /** Paragraphs of the 自评报告 (and any other narrative) to compare with the sheets (SC-5). */
  reportText?: string[];
}
