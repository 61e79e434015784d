// 整改通知: one document per unit with error findings — the unit, then each error with its
// table(s), cells, both sides, the difference and what to do. Pure data (a DocModel).
import type { Finding } from '../finding';
import type { Block, DocModel, DocTable } from './types';

export interface NoticeInput {
  unit: string | null;
  year: number | null;
  /** The workbook's path as the batch names it. */
  file: string;
  findings: Finding[];
  /** “2026年12月7日”. */
  date: string;
  /** Who sends it (the 主管部门); a placeholder when not given. */
  sender?: string;
}

/** What to do, by rule family (the rule id's prefix): data, so a province can word its own. */
export const REMEDY: { prefix: RegExp; text: string }[] = [
  { prefix: /^ALL-/, text: '请核对两张表的同一项目，按正确数改正后两表一致' },
  { prefix: /^X\d/, text: '请核对两张表对应单元格的数据，以财务账为准改正，使表间数据一致' },
  { prefix: /^T\d{2}-/, text: '请核对本表合计与明细，改正填错的单元格或合计公式' },
  { prefix: /^TXT-/, text: '请按附表数据改正情况说明中的文字和数字' },
  { prefix: /^(SC|CT)-/, text: '请按绩效自评表的填报要求核对并改正' },
  { prefix: /^READ/, text: '请按公开模板补齐或改正该表，再重新报送' },
];
const DEFAULT_REMEDY = '请核对并改正后重新报送';

export function remedyFor(rule: string): string {
  return REMEDY.find((r) => r.prefix.test(rule))?.text ?? DEFAULT_REMEDY;
}

/** Both sides of an identity message (“A ≠ B，相差…” / “A > B，相差…”), when it has that form. */
export function sidesOf(message: string): { left: string; right: string } | undefined {
  const m = /^(.*?) (?:≠|>) (.*?)，相差/.exec(message);
  return m ? { left: m[1], right: m[2] } : undefined;
}

function tablesOf(f: Finding): string {
  const sheets = [...new Set(f.cells.map((c) => c.sheet))];
  return sheets.join('、') || '—';
}

function cellsOf(f: Finding): string {
  return f.cells.map((c) => `${c.sheet}!${c.address}`).join('，') || '—';
}

export function noticeModel(input: NoticeInput): DocModel {
  const unit = input.unit ?? '【单位名称】';
  const year = input.year !== null ? String(input.year) : '【年度】';
  const errors = input.findings.filter((f) => f.severity === 'error');
  const title = `关于${unit}${year}年度部门决算公开报表的整改通知`;
  const rows = errors.map((f, i) => {
    const sides = sidesOf(f.message);
    return [
      String(i + 1),
      `${tablesOf(f)}\n${cellsOf(f)}`,
      sides?.left ?? f.message,
      sides?.right ?? (f.expected !== undefined ? `应为${f.expected}万元` : '—'),
      f.difference ?? '—',
      remedyFor(f.rule),
    ];
  });
  const table: DocTable = {
    title: '问题清单',
    caption: [],
    unitLine: '金额单位：万元',
    header: [['序号', '所在表及单元格', '一方', '另一方', '差额', '整改要求']],
    body: rows,
    notes: ['注：“一方”“另一方”为应当相等（或前者不大于后者）的两组数，差额超出允许误差即为错误。'],
    numericColumns: [4],
    sheet: '',
    merges: [],
  };
  const blocks: Block[] = [
    { kind: 'paragraph', text: `${unit}：`, flush: true },
    {
      kind: 'paragraph',
      text: `经审核，你单位报送的${year}年度部门决算公开报表（文件“${input.file}”）有以下${errors.length}处错误，须改正后方可公开。请逐项核对，于收到本通知后5个工作日内改正并重新报送。`,
    },
    { kind: 'table', table },
    { kind: 'paragraph', text: '改正时请注意：同一数据在多张表中出现的，应同时改正；改正后请重新运行审核，确认无错误后再报送。' },
    { kind: 'paragraph', text: input.sender ?? '【主管部门名称】', flush: true, align: 'right' },
    { kind: 'paragraph', text: input.date, flush: true, align: 'right' },
  ];
  return { unit, year, title, parts: [{ id: 'narrative', heading: title, blocks }], missing: [] };
}
