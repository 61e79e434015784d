// narrate in the Shanghai template's sentence forms, compared with the real document (中共上海市普陀区委
// 社会工作部 2024) sentence by sentence for 五（三）, 十 and 十一（一）…（三）: the tables transcribed as
// printed plus a 补充信息 sheet holding what the text states (test/helpers/shanghai-supplement.ts).
import { checkWorkbook } from '../../../src/core/engine';
import type { Grid } from '../../../src/core/grid';
import { narrate } from '../../../src/core/narrative';
import type { NarrativeResult, SectionId } from '../../../src/core/narrative';
import { FORM_SLOTS, slotsOf } from '../../../src/core/narrative/form';
import { TEMPLATES } from '../../../src/core/templates';
import {
  SAN_GONG_FIGURES,
  SHANGHAI_SAN_GONG_ROWS,
  SHANGHAI_FIXTURE as fixture,
  SHANGHAI_SUPPLEMENT_ROWS,
  shanghaiSupplementGrid,
  shanghaiTables as tables,
  shanghaiWithSanGong as withSanGong,
} from '../../helpers/shanghai-supplement';

const squash = (s: string) => s.replace(/\s+/g, '');

function narrateWith(grids: Grid[]): NarrativeResult {
  const r = checkWorkbook(grids);
  return narrate(r.model, r.supplement, {}, r.template);
}

/** The document's paragraphs under a heading, up to the next heading of `until`. */
function documentSection(from: string, until: RegExp): string[] {
  const lines = (fixture.text ?? '').split('\n').map(squash);
  const start = lines.indexOf(squash(from));
  expect(start).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (until.test(l)) break;
    if (l !== '') out.push(l);
  }
  return out;
}

const sentencesOf = (paragraphs: string[]) => paragraphs.flatMap((p) => squash(p).match(/[^。]+。?/g) ?? []);
/** The reason the accountant writes is theirs: compared up to “主要原因：” / “主要原因是”. */
const maskReason = (s: string) => s.replace(/(主要原因[：是]).*?(。|$)/, '$1…$2');

/** The hand-found errors of the document (expected.json), corrected before comparing. */
const DOCUMENT_ERRORS: [SectionId, string, string][] = [
  // TXT-CHANGE: a growth rate over a prior year of 0 does not exist
  ['十（一）', '增加10.23万元，增长100.00%。', '增加10.23万元。'],
  // TXT-DIRECTION: 决算 307.82 against 年初预算 0 is 大于, not 小于
  ['五（三）', '决算数小于预算数的主要原因：人员经费', '决算数大于预算数的主要原因：人员经费'],
];

const COMPARED: [SectionId, string, RegExp][] = [
  ['五（三）', '（三）一般公共预算财政拨款支出决算具体情况', /^六、/],
  ['十（四）', '十、预算绩效管理情况', /^十一、/],
  ['十（一）', '（一）机关运行经费支出情况', /^（二）/],
  ['十（二）', '（二）政府采购支出情况', /^（三）/],
  ['十（三）', '（三）国有资产占有使用情况说明', /^第四部分/],
];

describe('narrate, Shanghai template: 五（三）、十、十一 against the published document', () => {
  let grids: Grid[];
  let result: NarrativeResult;
  beforeAll(async () => {
    grids = [...(await tables()), shanghaiSupplementGrid()];
    result = narrateWith(grids);
  });

  it.each(COMPARED)('%s reproduces the document sentence by sentence', (id, heading, until) => {
    const written = sentencesOf(result.sections.find((s) => s.id === id)?.paragraphs.map((p) => p.text) ?? []);
    const printed = documentSection(heading, until).map((p) =>
      DOCUMENT_ERRORS.reduce((text, [section, wrong, right]) => (section === id ? text.replace(wrong, right) : text), p),
    );
    const doc = sentencesOf(printed);
    expect(written).toHaveLength(doc.length);
    written.forEach((w, i) => {
      // 五（三）: the document states 全年预算 where the template says 年初预算 (its own wording: its
      // budgets, rates and comparisons are against 全年预算); such a sentence is compared on its
      // 支出决算 figure, and ours must be the template's (a comparison right after it too)
      const againstFullYear = /全年预算/.test(doc[i]) || (/^决算数/.test(doc[i]) && /全年预算/.test(doc[i - 1] ?? ''));
      if (id === '五（三）' && againstFullYear) {
        expect(w).toMatch(/^(?:年初预算为|一般公共预算财政拨款支出年初预算为|决算数[大小]于预算数的主要原因：|决算数与预算数持平。)/);
        expect(w.match(/支出决算为([\d.]+)万元/)?.[1] ?? '').toBe(doc[i].match(/支出决算为([\d.]+)万元/)?.[1] ?? '');
        return;
      }
      expect(maskReason(w)).toBe(maskReason(doc[i]));
    });
  });

  it('asks for nothing in those sections when the 补充信息 holds every figure', () => {
    const needs = result.findings.filter((f) => f.rule === 'NEED');
    expect(needs.map((f) => f.message).filter((m) => /五（三）|十（/.test(m))).toEqual([]);
  });

  it('writes the template’s 五（三） words: 年初预算, 完成年初预算的, 决算数小于预算数的主要原因：, 持平', () => {
    const budgets = SHANGHAI_SUPPLEMENT_ROWS.map((r) => (r[1] === '2013901' ? ([...r.slice(0, 4), 52, ...r.slice(5)] as typeof r) : r));
    budgets.forEach((r, i) => {
      if (r[0] === '一般公共预算财政拨款支出') budgets[i] = [r[0], r[1], r[2], r[3], 321.02, r[5], r[6]];
      if (r[1] === '2013999') budgets[i] = [r[0], r[1], r[2], r[3], 202.24, r[5], r[6]];
    });
    const text = narrateWith([...grids.slice(0, -1), shanghaiSupplementGrid(budgets)])
      .sections.find((s) => s.id === '五（三）')!
      .paragraphs.map((p) => p.text);
    expect(text[0]).toBe(
      '一般公共预算财政拨款支出年初预算为321.02万元，支出决算为307.82万元，完成年初预算的95.89%。决算数小于预算数的主要原因：人员经费支出数小于预算数。其中：',
    );
    expect(text[1]).toBe(
      '1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：行政单位人员支出、公用支出。年初预算为52.00万元，支出决算为51.32万元。决算数小于预算数的主要原因：人员变动引起实际支出低于预算。',
    );
    expect(text[3]).toBe(
      '3、一般公共服务支出（类）社会工作事务（款）其他社会工作事务支出（项）。主要用于：新建部门开办费、基层政权和社区建设项目支出。年初预算为202.24万元，支出决算为202.24万元。决算数与预算数持平。',
    );
  });

  it('never invents: without a 补充信息 sheet every figure of 十、十一 is asked for', async () => {
    const bare = narrateWith(await tables());
    const ten = bare.sections.find((s) => s.id === '十（四）')!.paragraphs[0].text;
    expect(ten).toContain(
      '编报绩效目标的【请填写决算年度】年度项目【请填写绩效目标项目数】个，涉及预算金额【请填写绩效目标涉及预算金额】万元',
    );
    expect(ten).toContain('本部门建立了如下预算绩效管理制度：【请填写预算绩效管理制度】');
    const three = bare.sections.find((s) => s.id === '十（三）')!.paragraphs[0].text;
    expect(three).toContain('离退休干部用车【请填写离退休干部用车】辆');
    const item = bare.sections.find((s) => s.id === '五（三）')!.paragraphs[1].text;
    expect(item).toBe(
      '1、一般公共服务支出（类）社会工作事务（款）行政运行（项）。主要用于：【请填写主要用途】。年初预算为【请填写预算数】万元，支出决算为51.32万元。',
    );
    const needs = bare.findings.filter((f) => f.rule === 'NEED').map((f) => f.message);
    expect(needs).toContainEqual(expect.stringContaining('“绩效跟踪评价项目数”的本年数'));
    expect(needs).toContainEqual(
      expect.stringContaining('科目2013901“一般公共服务支出（类）社会工作事务（款）行政运行（项）”的年初预算数'),
    );
    expect(needs).toContainEqual(expect.stringContaining('科目2013901“一般公共服务支出（类）社会工作事务（款）行政运行（项）”的主要用途'));
    expect(needs).toContainEqual(expect.stringContaining('“面向中小企业预留项目预算金额”的本年数'));
  });

  it('writes the none form of 十一（一） and the 整改 clause only when problems were found', () => {
    const rows = SHANGHAI_SUPPLEMENT_ROWS.map((r): typeof r => {
      if (r[0] === '机关运行经费') return [r[0], r[1], 0, 0, null, '', ''];
      if (r[0] === '绩效自评发现问题数') return [r[0], r[1], 3, null, null, '', ''];
      return r;
    });
    rows.push(['绩效自评问题已整改数', '', 2, null, null, '', ''], ['绩效自评问题正在整改数', '', 1, null, null, '', '']);
    const n = narrateWith([...grids.slice(0, -1), shanghaiSupplementGrid(rows)]);
    expect(n.sections.find((s) => s.id === '十（一）')!.paragraphs[0].text).toBe(
      '中共上海市普陀区委社会工作部2024年度无机关运行经费支出。',
    );
    expect(n.sections.find((s) => s.id === '十（四）')!.paragraphs[0].text).toContain(
      '绩效自评中共发现问题3个，已经完成整改的2个，正在整改的1个）。',
    );
  });
});

describe('narrate, Shanghai template: 七 with figures', () => {
  it('writes 七（一）（二） in the template’s words from the “三公” table and the 补充信息', async () => {
    const grids = await tables(withSanGong(SAN_GONG_FIGURES));
    const rows = SHANGHAI_SUPPLEMENT_ROWS.concat(SHANGHAI_SAN_GONG_ROWS);
    const n = narrateWith([...grids, shanghaiSupplementGrid(rows)]);
    const lines = (id: SectionId) => n.sections.find((s) => s.id === id)!.paragraphs.map((p) => p.text);
    expect(lines('七（一）')).toEqual([
      '“三公”经费财政拨款支出年初预算为20.00万元，支出决算为15.50万元，完成预算的77.50%，其中：因公出国（境）费决算为0万元，完成预算的0.00%；' +
        '公务用车购置及运行维护费支出决算为11.00万元，完成预算的110.00%；公务接待费支出决算为4.50万元，完成预算的90.00%。' +
        '2024年度“三公”经费支出决算数小于预算数的主要原因：厉行节约，压减公务接待。',
      '2024年度“三公”经费财政拨款支出决算数比2023年度增加3.50万元，增长29.17%，其中：因公出国（境）费支出决算持平；' +
        '公务用车购置及运行维护费支出决算增加3.00万元，增长37.50%；公务接待费支出决算增加0.50万元，增长12.50%。' +
        '公务用车购置及运行维护费支出增加的主要原因是更新到期公务用车1辆。公务接待费支出增加的主要原因是承接市级检查增多。',
    ]);
    expect(lines('七（二）')).toEqual([
      '“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0万元，占0.00%；公务用车购置及运行维护费支出决算11.00万元，占70.97%；公务接待费支出决算4.50万元，占29.03%。具体情况如下：',
      '1、因公出国（境）费支出0万元。全年安排因公出国（境）团组0个、累计0人次。开支内容包括：无。',
      '2、公务用车购置及运行维护费支出11.00万元。其中：',
      '公务用车购置支出为6.00万元。主要用于更新1辆到期公务用车，购置公务用车1辆。',
      '公务用车运行维护支出5.00万元。主要用于车辆燃料、维修和保险。2024年，中共上海市普陀区委社会工作部所属各预算单位开支财政拨款的公务用车保有量为2辆。',
      '3、公务接待费支出4.50万元。其中：',
      '国内公务接待支出4.50万元（含外宾接待支出0.50万元）。主要用于上级部门检查指导工作，共接待10批次、60人次，其中：接待外宾1批次、5人次。',
    ]);
    expect(n.findings.filter((f) => f.rule === 'NEED' && /七/.test(f.message))).toEqual([]);
  });

  it('asks for a rewrite, never a rate, when an item had no budget', async () => {
    const grids = await tables(withSanGong(['0', '1.2', '0', '0', '0', '1.2', '0', '0', '0', '1.2', '0', '0']));
    const n = narrateWith([...grids, shanghaiSupplementGrid()]);
    const first = n.sections.find((s) => s.id === '七（一）')!.paragraphs[0].text;
    expect(first).toContain('支出决算为1.20万元，完成预算的【预算数为0，无法计算完成比例】');
    expect(n.findings.filter((f) => f.rule === 'NEED').map((f) => f.message)).toContainEqual(
      expect.stringContaining('“三公”经费预算数为0，无法计算“完成预算的”比例'),
    );
  });
});

describe('template sentence forms', () => {
  it.each(TEMPLATES.map((t) => [t.id, t] as const))('%s names only the slots each form has', (_id, t) => {
    for (const [id, form] of Object.entries(t.narrative.forms?.sentences ?? {})) {
      const allowed: readonly string[] = FORM_SLOTS[id as keyof typeof FORM_SLOTS];
      expect(allowed).toBeDefined();
      expect(slotsOf(form as string).filter((s) => !allowed.includes(s))).toEqual([]);
    }
  });
});
