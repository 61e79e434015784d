// Shared shapes of the text check: paragraphs as read, reference values (facts), and the claims
// the section readers find in the text — every number the text states, with what it must equal.
import type { CellRef } from '../finding';
import type { Decimal } from '../money';
import type { SectionId } from '../narrative/types';

/** One paragraph handed to checkText: its text and, for a sheet, the cell it came from. */
export interface TextParagraph {
  text: string;
  cell?: CellRef;
  /** 1-based line of a pasted text file (used in messages when there is no cell). */
  line?: number;
}

/** A paragraph as the checker sees it. */
export interface Para {
  index: number;
  /** The original text (continuation lines joined). */
  raw: string;
  /** Normalised text: no spaces, full-width punctuation, no quotes (see normalize.ts). */
  text: string;
  cell?: CellRef;
  line?: number;
  section?: SectionId;
  /** A heading line (一、… / （一）…) or the document title: it carries no figures. */
  heading?: boolean;
  /** The part that holds the text, as findings name it (“第三部分”); 第二部分 when absent. */
  part?: string;
  /** The section as the template numbers it (“十一（一）” in Shanghai); the section id when absent. */
  sectionLabel?: string;
}

/** A reference value: a published table cell, a 补充信息 cell, or a sum of them. */
export interface Fact {
  value: Decimal;
  cells: CellRef[];
  /** How the message names it: 收入支出决算总表“总计”, 补充信息“机关运行经费·上年数”. */
  name: string;
  /** 'text': a budget the text itself states (“全年预算为52.00万元”), used when no 补充信息 holds it. */
  source: 'table' | 'supplement' | 'text';
}

/** A printed percentage. */
export interface Pct {
  value: Decimal;
  /** Decimals as printed (“97.0%” → 1, “98%” → 0). */
  decimals: number;
  /** “97.0%”. */
  text: string;
}

/** One side of a computation: the table value when known, else the number the text states. */
export interface Operand {
  name: string;
  fact?: Fact;
  text?: Decimal;
}

interface ClaimBase {
  para: Para;
  /** The words quoted in a finding: “占本年支出合计的99.6%”. */
  token: string;
  /** Extra location inside the section: “第3项”. */
  where?: string;
  /** Set by a check that reported this claim (later sum checks then skip it). */
  flagged?: boolean;
}

/** An amount in 万元 (“1915.96万元”). */
export interface AmountClaim extends ClaimBase {
  kind: 'amount';
  what: string;
  value: Decimal;
  fact?: Fact;
}

/** A whole number with its counter (“2辆”, “292人次”, “10个项目”). */
export interface CountClaim extends ClaimBase {
  kind: 'count';
  what: string;
  value: Decimal;
  fact?: Fact;
}

export type NumberClaim = AmountClaim | CountClaim;

/** “占X%”: part ÷ total. Shares of one list that should add to 100% share a `list` id. */
export interface ShareClaim extends ClaimBase {
  kind: 'share';
  pct: Pct;
  part: Operand;
  total: Operand;
  list?: string;
}

/** The words and numbers of one 增减 clause. */
export interface ChangeClause {
  token: string;
  /** 增加 / 减少 before the amount; 'alt' for an unresolved “增加/减少”. */
  amountWord?: '增加' | '减少' | 'alt';
  amount?: Decimal;
  /** 增长 / 下降 / 减少 / 增加 before the percentage; 'alt' for “增长/下降”. */
  pctWord?: '增长' | '下降' | '减少' | '增加' | 'alt';
  pct?: Pct;
  /** “持平”. */
  flat?: boolean;
  /** The year compared with, as written (“2022”, or “上” for 较上年). */
  prevYear?: string;
}

/** A year-on-year change of `cur` against the prior-year value `prev`. */
export interface ChangeClaim extends ClaimBase {
  kind: 'change';
  what: string;
  clause: ChangeClause;
  cur: Operand;
  prev?: Fact;
}

/** “完成预算X%” and/or “决算数小于（调整）预算数”. */
export interface RateClaim extends ClaimBase {
  kind: 'rate';
  what: string;
  pct?: Pct;
  actual: Operand;
  budget?: Fact;
  comparative?: { word: '小于' | '大于' | '等于'; token: string };
}

/** Items the text lists under a total it states. */
export interface SumClaim {
  kind: 'sum';
  what: string;
  total: NumberClaim;
  items: NumberClaim[];
}

/** A total's change against the changes of its parts (七: “三公” total vs its three items). */
export interface ChangeSumClaim {
  kind: 'changeSum';
  total: ChangeClaim;
  parts: ChangeClaim[];
}

export type Claim = AmountClaim | CountClaim | ShareClaim | ChangeClaim | RateClaim | SumClaim | ChangeSumClaim;
