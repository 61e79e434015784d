// The rows of the 补充信息 sheet as data (interfaces.md §2): the figures a narrative needs that
// the 14 附表 do not hold. Used to read the sheet and, later, to create an empty one.

/** The value columns of the sheet (the 项目 and 科目编码 columns identify the row). */
export type SupplementColumn = '本年数' | '上年数' | '预算数' | '原因说明' | '主要用途';
export type NumericColumn = '本年数' | '上年数' | '预算数';

export const NUMERIC_COLUMNS: readonly NumericColumn[] = ['本年数', '上年数', '预算数'];

/**
 * What the 本年数/上年数/预算数 cells of a row hold:
 * - year: a 4-digit year (“2023”, “2023年”, 2023);
 * - text: free text in 本年数 (单位名称);
 * - amount: 万元, read exactly and rounded half-up to 2 decimals like the published tables;
 * - count: a whole number (辆, 人, 批次, 个 …).
 */
export type SupplementValueKind = 'year' | 'text' | 'amount' | 'count';

export interface SupplementRowDef {
  /** Canonical label, as printed in the sheet's 项目 column. */
  label: string;
  /** Unit shown in brackets after the label in a generated sheet, e.g. 机关运行经费（万元）. */
  unit?: string;
  kind: SupplementValueKind;
  /** Columns the narrative reads for this row. */
  columns: SupplementColumn[];
  /** Narrative sections that use the row. */
  usedBy: string;
  /** What the 原因说明 cell carries when it is not a 变动原因 (free text the sentence quotes). */
  textNote?: string;
  /** Templates whose sentences alone read the row (absent: every template's). */
  templates?: readonly string[];
}

/** Rows only the given templates' sentences read: a new 补充信息 sheet of another template leaves them out. */
const only = (templates: readonly string[], rows: SupplementRowDef[]): SupplementRowDef[] => rows.map((r) => ({ ...r, templates }));

const amount = (label: string, columns: SupplementColumn[], usedBy: string, textNote?: string): SupplementRowDef => ({
  label,
  unit: '万元',
  kind: 'amount',
  columns,
  usedBy,
  ...(textNote ? { textNote } : {}),
});
const count = (label: string, unit: string, usedBy: string, textNote?: string): SupplementRowDef => ({
  label,
  unit,
  kind: 'count',
  columns: textNote ? ['本年数', '原因说明'] : ['本年数'],
  usedBy,
  ...(textNote ? { textNote } : {}),
});

/** The 车辆总数 categories (十（三） / 十一（三）), in the order the templates list them. */
export const VEHICLE_CATEGORIES = [
  '部级领导干部用车',
  '主要领导干部用车',
  '机要通信用车',
  '应急保障用车',
  '执法执勤用车',
  '特种专业技术用车',
  '离退休干部用车',
  '其他用车',
] as const;

/** Other names a text gives a 车辆总数 category (“离退休干部服务用车”), read as that category. */
export const VEHICLE_ALIASES: Partial<Record<(typeof VEHICLE_CATEGORIES)[number], string[]>> = {
  离退休干部用车: ['离退休干部服务用车'],
};

/** Every row label of interfaces.md §2, in the order a generated sheet lists them. */
export const SUPPLEMENT_ROWS: readonly SupplementRowDef[] = [
  { label: '决算年度', kind: 'year', columns: ['本年数'], usedBy: '全部' },
  { label: '单位名称', kind: 'text', columns: ['本年数'], usedBy: '十（一）（二）（三）' },
  amount('收支总计', ['上年数', '原因说明'], '一'),
  amount('财政拨款收支总计', ['上年数', '原因说明'], '四'),
  amount('一般公共预算财政拨款支出', ['上年数', '预算数', '原因说明'], '五（一）、五（三）'),
  amount('“三公”经费', ['上年数', '原因说明'], '七（一）'),
  amount('因公出国（境）费', ['上年数', '原因说明'], '七（二）1'),
  amount('公务用车购置及运行维护费', ['上年数', '原因说明'], '七（二）2'),
  amount('公务接待费', ['上年数', '原因说明'], '七（二）3'),
  count('因公出国（境）团组数', '个', '七（二）1'),
  count('因公出国（境）人数', '人', '七（二）1'),
  count('公务用车购置数', '辆', '七（二）2'),
  count('轿车购置数', '辆', '七（二）2'),
  count('越野车购置数', '辆', '七（二）2'),
  count('载客汽车购置数', '辆', '七（二）2'),
  count('其他车型购置数', '辆', '七（二）2'),
  amount('轿车购置金额', ['本年数'], '七（二）2'),
  amount('越野车购置金额', ['本年数'], '七（二）2'),
  amount('载客汽车购置金额', ['本年数'], '七（二）2'),
  amount('其他车型购置金额', ['本年数'], '七（二）2'),
  count('公务用车保有量', '辆', '七（二）2'),
  count('轿车保有量', '辆', '七（二）2'),
  count('越野车保有量', '辆', '七（二）2'),
  count('载客汽车保有量', '辆', '七（二）2'),
  count('其他车型保有量', '辆', '七（二）2'),
  amount('国内公务接待费', ['本年数', '原因说明'], '七（二）3', '主要用途（“主要用于…”）'),
  amount('外事接待费', ['本年数'], '七（二）3'),
  count('国内公务接待批次', '批次', '七（二）3', '具体内容（“具体内容包括：…”）'),
  count('国内公务接待人次', '人次', '七（二）3'),
  count('外事接待批次', '批次', '七（二）3'),
  count('外事接待人数', '人', '七（二）3'),
  amount('机关运行经费', ['本年数', '上年数', '原因说明'], '十（一）'),
  amount('政府采购支出总额', ['本年数', '原因说明'], '十（二）', '主要用途（“主要用于…”）'),
  amount('政府采购货物支出', ['本年数'], '十（二）'),
  amount('政府采购工程支出', ['本年数'], '十（二）'),
  amount('政府采购服务支出', ['本年数'], '十（二）'),
  amount('授予中小企业合同金额', ['本年数'], '十（二）'),
  amount('授予小微企业合同金额', ['本年数'], '十（二）'),
  count('车辆总数', '辆', '十（三）'),
  count('主要领导干部用车', '辆', '十（三）'),
  count('机要通信用车', '辆', '十（三）'),
  count('应急保障用车', '辆', '十（三）'),
  count('执法执勤用车', '辆', '十（三）'),
  count('特种专业技术用车', '辆', '十（三）'),
  count('其他用车', '辆', '十（三）', '其他用车是什么车（“其他用车主要是…”）'),
  count('单价50万元以上通用设备', '台（套）', '十（三）'),
  count('单价100万元以上专用设备', '台（套）', '十（三）'),
  count('事前绩效评估项目数', '个', '十（四）', '评估的项目名称（“组织对…等N个项目”）'),
  count('绩效目标项目数', '个', '十（四）'),
  count('绩效监控项目数', '个', '十（四）'),
  count('绩效自评项目数', '个', '十（四）'),
  count('绩效公开项目数', '个', '十（四）', '段末的附件说明句'),
  // 上海市模板 (shanghai9): 五（三）的预决算差异原因，十、预算绩效管理情况，十一（二）（三）
  ...only(
    ['shanghai9'],
    [
      amount('一般公共预算财政拨款支出预决算差异', ['原因说明'], '上海 五（三）'),
      amount('“三公”经费预决算差异', ['原因说明'], '上海 七（一）'),
      { label: '因公出国（境）开支内容', kind: 'text', columns: ['本年数'], usedBy: '上海 七（二）1' },
      { label: '公务用车购置用途', kind: 'text', columns: ['本年数'], usedBy: '上海 七（二）2' },
      { label: '公务用车运行维护用途', kind: 'text', columns: ['本年数'], usedBy: '上海 七（二）2' },
      { label: '预算绩效管理制度', kind: 'text', columns: ['本年数'], usedBy: '上海 十' },
      amount('绩效目标涉及预算金额', ['本年数'], '上海 十'),
      count('绩效跟踪评价项目数', '个', '上海 十'),
      amount('绩效跟踪评价涉及预算金额', ['本年数'], '上海 十'),
      amount('绩效自评涉及预算金额', ['本年数'], '上海 十'),
      { label: '绩效自评平均得分', unit: '分', kind: 'amount', columns: ['本年数'], usedBy: '上海 十' },
      count('绩效评级为优的项目数', '个', '上海 十'),
      count('绩效评级为良的项目数', '个', '上海 十'),
      count('绩效评级为合格的项目数', '个', '上海 十'),
      count('绩效评级为不合格的项目数', '个', '上海 十'),
      count('绩效自评发现问题数', '个', '上海 十'),
      count('绩效自评问题已整改数', '个', '上海 十'),
      count('绩效自评问题正在整改数', '个', '上海 十'),
      amount('面向中小企业预留项目预算金额', ['本年数'], '上海 十一（二）'),
      amount('面向小微企业预留项目预算金额', ['本年数'], '上海 十一（二）'),
      amount('中小企业预留项目中小企业成交金额', ['本年数'], '上海 十一（二）'),
      amount('小微企业预留项目小微企业成交金额', ['本年数'], '上海 十一（二）'),
      amount('其他项目中小企业成交金额', ['本年数'], '上海 十一（二）'),
      count('部级领导干部用车', '辆', '上海 十一（三）'),
      count('离退休干部用车', '辆', '上海 十一（三）'),
      count('单价100万元（含）以上设备', '台（套）', '上海 十一（三）'),
    ],
  ),
];

/** Other spellings of a label seen in practice (normalised key → canonical label). */
export const SUPPLEMENT_LABEL_ALIASES: Record<string, string> = {
  三公经费合计: '“三公”经费',
  三公经费支出: '“三公”经费',
  '因公出国（境）经费': '因公出国（境）费',
  '因公出国（境）费用': '因公出国（境）费',
  公务用车购置及运行费: '公务用车购置及运行维护费',
  机关运行经费支出: '机关运行经费',
  年度: '决算年度',
  部门名称: '单位名称',
  单位简称: '单位名称',
};

/** Header texts (normalised, unit brackets dropped) that mean each column. */
export const SUPPLEMENT_HEADERS: Record<'项目' | '科目编码' | SupplementColumn, string[]> = {
  项目: ['项目', '项目名称', '名称'],
  科目编码: ['科目编码', '功能分类科目编码', '编码'],
  本年数: ['本年数', '本年', '本年决算数', '决算数'],
  上年数: ['上年数', '上年', '上年决算数'],
  预算数: ['预算数', '调整预算数', '预算'],
  原因说明: ['原因说明', '原因', '说明', '备注'],
  /** A per-科目 row's 主要用途 (Shanghai 五（三）: “主要用于：…”); not in a generated sheet. */
  主要用途: ['主要用途', '用途'],
};

export function supplementRowDef(label: string): SupplementRowDef | undefined {
  return SUPPLEMENT_ROWS.find((r) => r.label === label);
}

/** The label as a generated sheet prints it: 机关运行经费（万元）. */
export function labelWithUnit(def: SupplementRowDef): string {
  return def.unit ? `${def.label}（${def.unit}）` : def.label;
}
