import type { CellRef, Finding } from '../finding';

export type SectionId =
  | '一'
  | '二'
  | '三'
  | '四'
  | '五（一）'
  | '五（二）'
  | '五（三）'
  | '六'
  | '七（一）'
  | '七（二）'
  | '八'
  | '九'
  | '十（一）'
  | '十（二）'
  | '十（三）'
  | '十（四）';

export type SlotKind = 'amount' | 'share' | 'change' | 'percent' | 'count' | 'reason' | 'placeholder';

/** A token of a paragraph that came from (or stands in for) table / 补充信息 cells. */
export interface Slot {
  /** The token exactly as it appears in the paragraph text (“1915.96”, “98%”, “【请填写原因】”). */
  text: string;
  kind: SlotKind;
  /** The cells the token was computed from (empty for a placeholder whose row does not exist). */
  cells: CellRef[];
  /** Offset of the token in the paragraph text (UTF-16 code units). */
  start: number;
}

export interface Paragraph {
  text: string;
  slots: Slot[];
}

export interface Section {
  id: SectionId;
  /** Title without the ordinal, e.g. 收入支出决算总体情况说明. */
  title: string;
  /** For 五（…）, 七（…）, 十（…）: the enclosing heading (一级标题) without the ordinal. */
  parent?: { id: '五' | '七' | '十'; title: string; ordinal?: string };
  /** The section stands for its whole 一级 heading (七 with no “三公”: no （一）（二）). */
  alone?: boolean;
  /** The ordinal the template prints (“十、”, “（三）”); absent: derived from the id. */
  ordinal?: string;
  paragraphs: Paragraph[];
}

export interface NarrativeResult {
  /** 决算年度 from the 补充信息 sheet, null when it is not filled. */
  year: number | null;
  sections: Section[];
  findings: Finding[];
}
