// Round trip in the Shanghai template's wording: what narrate writes for 五（三）, 七, 十 and
// 十一（一）…（三） is read back by the text check — no finding on a consistent workbook, every figure
// checked (no 未能核对), and a changed figure flagged in its section.
import { checkWorkbook } from '../../../src/core/engine';
import type { Finding } from '../../../src/core/finding';
import type { Grid } from '../../../src/core/grid';
import { narrate, narrativeLines } from '../../../src/core/narrative';
import { paragraphsFromText } from '../../../src/core/textcheck';
import {
  SHANGHAI_FIXTURE as fixture,
  SHANGHAI_SAN_GONG_ROWS,
  SHANGHAI_SUPPLEMENT_ROWS,
  shanghaiSupplementGrid,
  shanghaiTables as tables,
  shanghaiWithSanGong as withSanGong,
} from '../../helpers/shanghai-supplement';

/** Findings on the text (the tables' leftover template instructions are the tables' own, TXT-TEMPLATE on a cell). */
const textFindings = (findings: Finding[]) => findings.filter((f) => f.rule.startsWith('TXT-') && !/^表“/.test(f.message));

describe.each([
  ['the published tables (七 无)', () => tables(fixture), SHANGHAI_SUPPLEMENT_ROWS],
  ['“三公” figures (七 with data)', () => tables(withSanGong()), SHANGHAI_SUPPLEMENT_ROWS.concat(SHANGHAI_SAN_GONG_ROWS)],
] as const)('Shanghai round trip: %s', (_name, load, rows) => {
  let grids: Grid[];
  let text: string;
  const check = (t: string) => checkWorkbook(grids, { narrative: paragraphsFromText(t) });
  beforeAll(async () => {
    grids = [...(await load()), shanghaiSupplementGrid([...rows])];
    const r = checkWorkbook(grids);
    text = ['第三部分 部门决算情况说明', ...narrativeLines(narrate(r.model, r.supplement, {}, r.template))].join('\n');
  });

  it('narrate → check --text: no finding on the text, every figure read', () => {
    expect(textFindings(check(text).findings)).toEqual([]);
  });

  it.each([
    ['五（三）', '年初预算为0万元，支出决算为51.32万元', '年初预算为0万元，支出决算为51.23万元'],
    ['五（三）', '年初预算为0万元，支出决算为11.31万元', '年初预算为5.00万元，支出决算为11.31万元'],
    ['十', '绩效跟踪评价的2024年度项目1个，涉及预算金额175.52万元', '绩效跟踪评价的2024年度项目1个，涉及预算金额175.25万元'],
    ['十', '绩效评级为“良”的项目0个', '绩效评级为“良”的项目2个'],
    ['十', '平均得分100.00分', '平均得分98.00分'],
    ['十一（一）', '机关运行经费支出10.23万元', '机关运行经费支出10.32万元'],
    ['十一（二）', '货物采购金额21.07万元', '货物采购金额20.07万元'],
    [
      '十一（二）',
      '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额21.07万元',
      '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额12.07万元',
    ],
    ['十一（三）', '离退休干部用车0辆', '离退休干部用车1辆'],
    ['十一（三）', '（不含车辆）0台（套）', '（不含车辆）3台（套）'],
  ])('flags a changed figure in %s: “%s” → “%s”', (section, from, to) => {
    expect(text).toContain(from);
    const flagged = textFindings(check(text.replace(from, to)).findings).filter((f) => f.severity !== 'info');
    expect(flagged.length).toBeGreaterThan(0);
    expect(flagged.map((f) => f.message).join('\n')).toContain(`第三部分 ${section}`);
  });
});

describe('Shanghai round trip: 七 with data, changed figures', () => {
  let grids: Grid[];
  let text: string;
  beforeAll(async () => {
    grids = [...(await tables(withSanGong())), shanghaiSupplementGrid(SHANGHAI_SUPPLEMENT_ROWS.concat(SHANGHAI_SAN_GONG_ROWS))];
    const r = checkWorkbook(grids);
    text = ['第三部分 部门决算情况说明', ...narrativeLines(narrate(r.model, r.supplement, {}, r.template))].join('\n');
  });

  it.each([
    ['七（一）', '支出决算为15.50万元，完成预算的77.50%', '支出决算为15.50万元，完成预算的75.50%'],
    ['七（一）', '公务接待费支出决算为4.50万元', '公务接待费支出决算为5.40万元'],
    ['七（一）', '公务用车购置及运行维护费支出决算增加3.00万元，增长37.50%', '公务用车购置及运行维护费支出决算增加3.00万元，增长35.70%'],
    ['七（二）', '公务用车购置及运行维护费支出决算11.00万元，占70.97%', '公务用车购置及运行维护费支出决算11.00万元，占79.07%'],
    ['七（二）', '公务用车运行维护支出5.00万元', '公务用车运行维护支出5.50万元'],
    ['七（二）', '公务用车保有量为2辆', '公务用车保有量为3辆'],
  ])('flags a changed figure in %s: “%s” → “%s”', (section, from, to) => {
    expect(text).toContain(from);
    const findings = checkWorkbook(grids, { narrative: paragraphsFromText(text.replace(from, to)) }).findings;
    const flagged = textFindings(findings).filter((f) => f.severity !== 'info');
    expect(flagged.map((f) => f.message).join('\n')).toContain(`第三部分 ${section}`);
  });
});
