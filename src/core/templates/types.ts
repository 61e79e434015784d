// What a template is: one province's (or the MoF's) 部门决算 disclosure as data — its tables, the
// wording of an empty table's note, the parts and sections of its 情况说明, the sentence forms and
// number formats of its text, and the rules that hold for it. One file per template in this folder.
import type { TableId } from '../model';
import type { SectionId } from '../narrative/types';
import type { NarrativeSettings } from '../narrative/settings';
import type { FormId } from '../narrative/form';
import type { Rule } from '../rules/types';

export interface TemplateTable {
  id: TableId;
  /** The number the template prints (公开01表, 表1, 一、…). */
  number: string;
  /** The title as the template prints it. */
  title: string;
  /** Other titles the same table carries in this template's documents. */
  aliases?: string[];
  /** A unit may legitimately lack it (missing → info, not warning). */
  optional?: boolean;
  /** Layout the template prints, for the reader and for humans: where 合计 sits, 行次 column. */
  layout?: { totalRow?: 'top' | 'bottom' | 'withSubHeader'; rowNumbers?: boolean; codeColumns?: 'one' | 'split' };
  /** Columns this template prints beyond the catalog's (key and header texts), e.g. 其中：教育收费. */
  columns?: { key: string; aliases: string[] }[];
  /** Row labels of a two-sided 总表 as this template prints them → the catalog's label (合计 → 总计). */
  rowAliases?: Record<string, string>;
}

/**
 * A sentence form of the text that textcheck reads as data (for a template whose sentences are
 * not the seeds'): `{lead}{amount}万元`, compared with a table cell, then an optional list
 * “其中：{item}{amount}万元，占…{pct}%；…” whose shares are of `denominator`.
 * Cells are written as in the rules: “T01[收:总计].金额”.
 */
export interface TextStatement {
  section: SectionId;
  /** Regular expression (source) of the words before the amount; absent: a list without a stated total. */
  lead?: string;
  /** How findings name the stated amount (the document's own words). */
  what?: string;
  /** The cell the stated amount must equal. */
  cell?: string;
  /** The stated amount's 增减 clauses are checked against itself (no prior-year cell). */
  changes?: boolean;
  /**
   * Items named by their code, “小学教育（2050202），2024年度决算数为8,627.17万元”: the cell of each,
   * `$code` standing for the code printed in brackets (“T06[$code].合计”).
   */
  codes?: string;
  /**
   * What `narrate` writes for it: `text` ({年} the year; for coded items {n} {name} {code}), then the
   * amount of `cell` and 万元, then the list's non-zero items with their shares after `shareLead`.
   */
  write?: { text: string; cell?: string; shareLead?: string };
  list?: {
    /** Where the items start (source): “其中：”, “按照支出功能科目划分，”. */
    start: string;
    /** Printed item name → its cell. */
    items: Record<string, string>;
    /** The cell the shares are of, and its name. */
    denominator: string;
    denominatorName: string;
  };
}

export interface TemplateHeading {
  /** The section the heading opens (a 一级 heading with sub-sections opens its first one). */
  section: SectionId;
  level: 1 | 2;
  /** The ordinal the template prints: “十一、”, “（三）”. */
  ordinal: string;
  /** Its titles (the first is what `narrate` writes). */
  titles: string[];
}

/** The words of the template's sentences (what `narrate` writes; textcheck reads these and the seeds'). */
export interface SentenceForms {
  /** 一: “收入支出总计” (Shanghai) / “收、支总计”. */
  total: string;
  /** 四: “财政拨款收入支出总计”. */
  fundTotal: string;
  /** After the year: “2024年度收入支出总计”. */
  yearWord: string;
  /** Before the reason: “主要原因：”. */
  reasonLead: string;
  /** 万元 amounts: trailing zeros dropped (absent: “17.7”) or always two decimals, 0 as “0” (“17.70”). */
  amounts?: 'twoDecimals';
  /** 二: 财政拨款收入 as one item ('one', Shanghai) or its three funds ('split'). */
  incomeFunds: 'split' | 'one';
  /** Chart captions （图1…） after the paragraphs. */
  captions: boolean;
  /** 五（三）: the completion clause, “，完成年初预算的”. */
  completion: string;
  /** 二, 三, 五, 六 open with the year (“2024年本年收入合计…”); Shanghai's do not. */
  yearLead: boolean;
  /**
   * The sentence of a section whose table is empty ({单位}, {年} filled in): Shanghai's
   * “{单位}{年}年度无“三公”经费财政拨款支出。” replaces 七（一） and drops 七（二）.
   */
  none?: Partial<Record<'七（一）' | '八' | '九', string>>;
  /**
   * Whole sentences with named slots (“机关运行经费支出{本年}万元，比{上年}年度{变动}。”), the
   * slots each may name in FORM_SLOTS (src/core/narrative/form.ts). A section with its forms here
   * is written from them (Shanghai 五（三）, 十, 十一); without: the Sichuan wording.
   */
  sentences?: Partial<Record<FormId, string>>;
}

export interface Template {
  id: string;
  /** Shown in every output: “上海市部门决算（9张表）”. */
  name: string;
  tables: TemplateTable[];
  /** Detection: tables only this template has, and the heading of its 情况说明 part. */
  detect: {
    tables: TableId[];
    partHeading?: string;
    /** Titles as printed that only this template uses (normalised like the reader: no spaces, no quotes). */
    titles?: string[];
    /** Headings of the text (source, matched on a line without spaces) that only this template prints. */
    headings?: string[];
  };
  /** Regular expressions (source) of the sentences that say a table is empty on purpose. */
  emptyNotes: string[];
  /** The template's own instructions that must not be left in a published document (source). */
  instructions: string[];
  narrative: {
    /** The part that holds the 情况说明 (第二部分 / 第三部分). */
    part: number;
    partTitle: string;
    /** How `narrate` prints 万元 amounts: 'trim' (1883.7, the seeds) or 'grouped' (279,818.00). */
    amountFormat?: 'trim' | 'grouped';
    /** How findings name the part when the template does not number it 第N部分 (“三、决算报表说明”). */
    partName?: string;
    headings: TemplateHeading[];
    /** Sections the template has, in order. */
    sections: SectionId[];
    /**
     * Sentence forms `narrate` writes. Absent: the narrative settings' style A/B decides (the
     * Sichuan seeds' wordings, which central departments share).
     */
    forms?: SentenceForms;
    /** Number formats and share/completion choices: the template's defaults for the narrative settings. */
    settings: Partial<NarrativeSettings>;
    /** Shares may be moved one display unit to add to 100% (false: any such move is an error). */
    shareAdjustment: boolean;
    /** Completion of 五（三） measured against 年初预算 or 调整预算. */
    completionBasis: '年初预算' | '调整预算';
    /** Sentence forms textcheck reads for this template's sections (replacing the seeds' readers there). */
    statements?: TextStatement[];
  };
  /** Rule ids that do not hold for this template, and identities only this template has. */
  rules: { exclude: string[]; add?: Rule[] };
}
