// The disclosure as a document: pure data (no docx, no DOM). A renderer turns it into .docx;
// the tests read it back. Parts come in the order the template's layout gives.

/** One chart of the 情况说明: figures in 万元 as printed (strings, exact), computed from the model. */
export interface ChartSpec {
  /** 图1 … 图7, per the layout. */
  id: string;
  /** Caption without the brackets, e.g. 图2：收入决算结构图. */
  caption: string;
  kind: 'bar' | 'pie';
  /** Bars: one category per year (“2022年”, “2023年”); pies: one per item. */
  categories: string[];
  /** One series per bar group (pies: one series). Values as printed (“1838.56”). */
  series: { name: string; values: string[] }[];
  /** Pies: each item's share as printed in the sentence (“98%”), same order as categories. */
  shares?: string[];
  unit: '万元';
}

export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; /** No first-line indent (list lines, signatures). */ flush?: boolean; align?: 'right' }
  | { kind: 'chart'; chart: ChartSpec }
  | { kind: 'table'; table: DocTable }
  | { kind: 'pageBreak' };

/** A 附表 as printed: title block, unit line, header + body rows, notes under it. */
export interface DocTable {
  title: string;
  /** “单位：万元” and the like, as the sheet prints it. */
  unitLine?: string;
  /** Lines of the title block other than the title (编制单位, 公开表 number …). */
  caption: string[];
  /** Header rows, then body rows: cell texts. */
  header: string[][];
  body: string[][];
  notes: string[];
  /** Columns whose body cells are amounts (right aligned). */
  numericColumns: number[];
  sheet: string;
  /** Merged cells of header + body (row 0 = first header row). */
  merges: MergedCell[];
}

export interface MergedCell {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

export interface DocPart {
  id: PartId;
  /** “第一部分 部门概况”; the cover and the contents have none. */
  heading?: string;
  blocks: Block[];
  /** 附表 are printed landscape. */
  landscape?: boolean;
}

export type PartId = 'cover' | 'contents' | 'overview' | 'narrative' | 'glossary' | 'attachments' | 'tables';

export interface DocModel {
  unit: string;
  year: string;
  title: string;
  parts: DocPart[];
  /** What the accountant still has to fill in (【请填写…】 places), in Chinese. */
  missing: string[];
}
