// The 14 附表 as data: titles, what kind of layout each has, canonical column keys with the
// header texts that mean them, and the fixed rows of T01/T04. Reader, rules, generator and
// narrative all read this one catalog (domain.md §1–§2).
import type { TableId } from './model';
import { TEMPLATES } from './templates';

export type TableKind =
  /** T01, T04: two-sided fixed-row tables matched by 项目 label. */
  | 'fixed'
  /** rows by 功能分类/经济分类 code with a 合计 row (T02 T03 T05 T06 T07 T11 T13 T14). */
  | 'classified'
  /** T08/T09: several 科目编码|科目名称|金额 groups side by side. */
  | 'economicGroups'
  /** T10/T12: one data row under a two-level header 预算数/决算数 × items. */
  | 'sanGong';

export interface ColumnDef {
  key: string;
  /** Normalised header texts (see normalizeLabel) that mean this column; the key itself always counts. */
  aliases: string[];
}

export interface TableDef {
  id: TableId;
  title: string;
  /** Other titles seen for the same table (other years, provinces). */
  titleAliases: string[];
  kind: TableKind;
  /** Classification of the code rows: 2xx 功能分类 or 3xx 经济分类. */
  classification?: 'functional' | 'economic';
  columns: ColumnDef[];
  /** Columns only some template prints (其中：教育收费): read when present, never written by the generators. */
  templateColumns?: ColumnDef[];
}

/** Every column the reader knows for a table: the catalog's, then the templates' own. */
export function readableColumns(def: TableDef): ColumnDef[] {
  let columns = readable.get(def);
  if (!columns) readable.set(def, (columns = [...def.columns, ...(def.templateColumns ?? [])]));
  return columns;
}

/** Each definition's readable columns, listed once (definitions never change). */
const readable = new WeakMap<TableDef, ColumnDef[]>();

const col = (key: string, ...aliases: string[]): ColumnDef => ({ key, aliases });

const CATALOG: Record<TableId, TableDef> = {
  T01: {
    id: 'T01',
    title: '收入支出决算总表',
    titleAliases: ['部门收入支出决算总表'],
    kind: 'fixed',
    columns: [col('金额', '决算数', '本年数')],
  },
  T02: {
    id: 'T02',
    title: '收入决算表',
    titleAliases: ['部门收入决算表'],
    kind: 'classified',
    classification: 'functional',
    columns: [
      col('本年收入合计', '合计', '本年收入'),
      col('财政拨款收入', '财政拨款'),
      col('上级补助收入'),
      col('事业收入'),
      col('经营收入'),
      col('附属单位上缴收入'),
      col('其他收入'),
    ],
  },
  T03: {
    id: 'T03',
    title: '支出决算表',
    titleAliases: ['部门支出决算表'],
    kind: 'classified',
    classification: 'functional',
    columns: [
      col('本年支出合计', '合计', '本年支出'),
      col('基本支出'),
      col('项目支出'),
      col('上缴上级支出'),
      col('经营支出'),
      col('对附属单位补助支出'),
    ],
  },
  T04: {
    id: 'T04',
    title: '财政拨款收入支出决算总表',
    titleAliases: [],
    kind: 'fixed',
    columns: [
      col('金额', '决算数'),
      col('合计', '小计'),
      col('一般公共预算财政拨款', '一般公共预算'),
      col('政府性基金预算财政拨款', '政府性基金预算'),
      col('国有资本经营预算财政拨款', '国有资本经营预算'),
    ],
  },
  T05: {
    id: 'T05',
    title: '财政拨款支出决算明细表',
    titleAliases: [],
    kind: 'classified',
    classification: 'economic',
    columns: [
      col('合计', '本年支出合计', '小计', '本年支出'),
      col('基本支出', '基本支出合计'),
      col('人员经费', '人员经费合计'),
      col('公用经费', '公用经费合计'),
      col('项目支出', '项目支出合计'),
    ],
  },
  T06: {
    id: 'T06',
    title: '一般公共预算财政拨款支出决算表',
    titleAliases: [],
    kind: 'classified',
    classification: 'functional',
    columns: [col('合计', '小计', '本年支出合计', '本年支出'), col('基本支出'), col('项目支出')],
  },
  T07: {
    id: 'T07',
    title: '一般公共预算财政拨款支出决算明细表',
    titleAliases: [],
    kind: 'classified',
    classification: 'economic',
    columns: [
      col('合计', '本年支出合计', '小计', '本年支出'),
      col('基本支出', '基本支出合计'),
      col('人员经费', '人员经费合计'),
      col('公用经费', '公用经费合计'),
      col('项目支出', '项目支出合计'),
    ],
  },
  T08: {
    id: 'T08',
    title: '一般公共预算财政拨款基本支出决算表',
    titleAliases: ['一般公共预算财政拨款基本支出决算明细表'],
    kind: 'economicGroups',
    classification: 'economic',
    columns: [col('金额', '决算数', '本年支出', '金额')],
  },
  T09: {
    id: 'T09',
    title: '一般公共预算财政拨款项目支出决算表',
    titleAliases: ['一般公共预算财政拨款项目支出决算明细表'],
    kind: 'economicGroups',
    classification: 'economic',
    columns: [col('金额', '决算数', '本年支出', '金额')],
  },
  T10: {
    id: 'T10',
    title: '一般公共预算财政拨款“三公”经费支出决算表',
    titleAliases: ['财政拨款“三公”经费支出决算表'],
    kind: 'sanGong',
    columns: SAN_GONG_COLUMNS(),
  },
  T11: {
    id: 'T11',
    title: '政府性基金预算财政拨款收入支出决算表',
    titleAliases: [],
    kind: 'classified',
    classification: 'functional',
    columns: [
      col('年初结转和结余'),
      col('本年收入'),
      col('本年支出', '本年支出小计', '本年支出合计'),
      col('基本支出'),
      col('项目支出'),
      col('年末结转和结余'),
    ],
  },
  T12: {
    id: 'T12',
    title: '政府性基金预算财政拨款“三公”经费支出决算表',
    titleAliases: [],
    kind: 'sanGong',
    columns: SAN_GONG_COLUMNS(),
  },
  T13: {
    id: 'T13',
    title: '国有资本经营预算财政拨款收入支出决算表',
    titleAliases: [],
    kind: 'classified',
    classification: 'functional',
    columns: [
      col('年初结转和结余'),
      col('本年收入'),
      col('本年支出', '本年支出小计', '本年支出合计'),
      col('基本支出'),
      col('项目支出'),
      col('年末结转和结余'),
    ],
  },
  T14: {
    id: 'T14',
    title: '国有资本经营预算财政拨款支出决算表',
    titleAliases: [],
    kind: 'classified',
    classification: 'functional',
    columns: [col('合计', '小计', '本年支出合计', '本年支出'), col('基本支出'), col('项目支出')],
  },
};

/**
 * The catalog with what the templates add: every title and alias a template prints for a table,
 * and the columns only a template prints (其中：教育收费). The reader recognises a sheet before it
 * knows the template, so it knows them all.
 */
export const TABLES: Record<TableId, TableDef> = Object.fromEntries(
  Object.values(CATALOG).map((def) => {
    const own = TEMPLATES.flatMap((t) => t.tables.filter((x) => x.id === def.id));
    const titles = own.flatMap((x) => [x.title, ...(x.aliases ?? [])]).filter((t) => t !== def.title);
    const columns = own.flatMap((x) => x.columns ?? []).filter((c) => !def.columns.some((d) => d.key === c.key));
    return [
      def.id,
      {
        ...def,
        titleAliases: [...new Set([...def.titleAliases, ...titles])],
        ...(columns.length > 0 ? { templateColumns: columns.filter((c, i) => columns.findIndex((d) => d.key === c.key) === i) } : {}),
      },
    ];
  }),
) as Record<TableId, TableDef>;

function SAN_GONG_COLUMNS(): ColumnDef[] {
  return [
    col('合计'),
    col('因公出国（境）费', '因公出国（境）费用', '因公出国费'),
    col('公务用车购置及运行费', '公务用车购置及运行维护费', '公务用车购置及运行费小计', '公务用车购置及运行维护费小计'),
    col('公务用车购置费'),
    col('公务用车运行费', '公务用车运行维护费'),
    col('公务接待费'),
  ];
}

/** Row keys of T10/T12 (the top header level). */
export const SAN_GONG_BLOCKS = ['预算数', '决算数'] as const;

export const TABLE_IDS = Object.keys(TABLES) as TableId[];

/** Which tables a template has (derived from src/core/templates, kept for existing callers). */
export interface Profile {
  id: string;
  name: string;
  tables: TableId[];
  /** Tables a unit may legitimately lack (missing → info, not warning). */
  optional: TableId[];
}

export const PROFILES: Record<string, Profile> = Object.fromEntries(
  TEMPLATES.map((t) => [
    t.id,
    {
      id: t.id,
      name: t.name,
      tables: t.tables.map((x) => x.id),
      optional: t.tables.filter((x) => x.optional).map((x) => x.id),
    },
  ]),
);

// ---- T01 / T04 fixed rows -------------------------------------------------------------

/** T01 收 side, in order. The key is "收:" + label. */
export const T01_INCOME_ITEMS = [
  '一般公共预算财政拨款收入',
  '政府性基金预算财政拨款收入',
  '国有资本经营预算财政拨款收入',
  '上级补助收入',
  '事业收入',
  '经营收入',
  '附属单位上缴收入',
  '其他收入',
] as const;

export const T01_INCOME_SUMMARY = ['本年收入合计', '使用非财政拨款结余', '年初结转和结余', '总计'] as const;
export const T01_EXPENSE_SUMMARY = ['本年支出合计', '结余分配', '年末结转和结余', '总计'] as const;

/** T01 收 item → T02 column it equals (X02/X03). */
export const T01_INCOME_TO_T02: Record<string, string> = {
  上级补助收入: '上级补助收入',
  事业收入: '事业收入',
  经营收入: '经营收入',
  附属单位上缴收入: '附属单位上缴收入',
  其他收入: '其他收入',
};

export const T04_FUNDS = ['一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'] as const;
export const T04_INCOME_SUMMARY = ['本年收入合计', '年初财政拨款结转和结余', '总计'] as const;
export const T04_EXPENSE_SUMMARY = ['本年支出合计', '年末财政拨款结转和结余', '总计'] as const;

/**
 * Label aliases for fixed rows (normalised text → canonical label), the templates' own included. A
 * Map: a printed label such as “constructor” must find nothing, not an object's inherited member.
 */
export const FIXED_ROW_ALIASES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    ...Object.fromEntries(TEMPLATES.flatMap((t) => t.tables.flatMap((x) => Object.entries(x.rowAliases ?? {})))),
    收入总计: '总计',
    支出总计: '总计',
    收入合计: '本年收入合计',
    支出合计: '本年支出合计',
    年初结转结余: '年初结转和结余',
    年末结转结余: '年末结转和结余',
    年初财政拨款结转结余: '年初财政拨款结转和结余',
    年末财政拨款结转结余: '年末财政拨款结转和结余',
    一般公共预算财政拨款收入: '一般公共预算财政拨款收入',
    使用非财政拨款结余: '使用非财政拨款结余',
  }),
);

// ---- 功能分类 类 ----------------------------------------------------------------------

/** 支出功能分类 类 code → name as printed in T01/T04 支 rows. */
export const FUNCTION_CLASSES: Record<string, string> = {
  '201': '一般公共服务支出',
  '202': '外交支出',
  '203': '国防支出',
  '204': '公共安全支出',
  '205': '教育支出',
  '206': '科学技术支出',
  '207': '文化旅游体育与传媒支出',
  '208': '社会保障和就业支出',
  '209': '社会保险基金支出',
  '210': '卫生健康支出',
  '211': '节能环保支出',
  '212': '城乡社区支出',
  '213': '农林水支出',
  '214': '交通运输支出',
  '215': '资源勘探工业信息等支出',
  '216': '商业服务业等支出',
  '217': '金融支出',
  '219': '援助其他地区支出',
  '220': '自然资源海洋气象等支出',
  '221': '住房保障支出',
  '222': '粮油物资储备支出',
  '223': '国有资本经营预算支出',
  '224': '灾害防治及应急管理支出',
  '227': '预备费',
  '229': '其他支出',
  '230': '转移性支出',
  '231': '债务还本支出',
  '232': '债务付息支出',
  '233': '债务发行费用支出',
  '234': '抗疫特别国债安排的支出',
};

/** Older / variant names of 类 seen in published tables (normalised) → code. */
export const FUNCTION_CLASS_ALIASES: Record<string, string> = {
  医疗卫生与计划生育支出: '210',
  文化体育与传媒支出: '207',
  一般公共服务: '201',
  社会保障和就业: '208',
  卫生健康: '210',
  住房保障: '221',
};

/** T08: which 经济分类 类 belong to 人员经费 (the rest are 公用经费). */
export const PERSONNEL_CLASSES = ['301', '303'];

// ---- text normalisation ---------------------------------------------------------------

const ORDINAL = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．])/;

/**
 * Normalise a label or header for matching: drop whitespace, unify brackets and quotes,
 * drop a leading ordinal (一、 （一） 1.) and a trailing colon. (Units in brackets are the reader's job.)
 */
export function normalizeLabel(text: string): string {
  let s = normalizedLabels.get(text);
  if (s === undefined) {
    if (normalizedLabels.size >= MAX_REMEMBERED_LABELS) normalizedLabels.clear();
    normalizedLabels.set(text, (s = normalizeUncached(text)));
  }
  return s;
}

// The same labels and headers come back in every table and every workbook of a batch; a bounded
// memory keeps a long batch from holding every text it met.
const normalizedLabels = new Map<string, string>();
const MAX_REMEMBERED_LABELS = 20000;

function normalizeUncached(text: string): string {
  let s = text.replace(/[\s\u3000]+/g, '');
  s = s.replace(/\(/g, '（').replace(/\)/g, '）');
  s = s.replace(/["'“”‘’「」]/g, '');
  s = s.replace(ORDINAL, '');
  s = s.replace(/[:：]$/, '');
  return s;
}

/** Title text normalised for recognising a table: quotes and brackets dropped too. */
export function normalizeTitle(text: string): string {
  return normalizeLabel(text).replace(/[“”"'‘’（）()]/g, '');
}
