// seed000 (资阳市人大常委会, 2023): its own published 第二部分 text against its figures.
import { checkText as checkAll, paragraphsFromGrid } from '../../../src/core/textcheck';
import { narrate, narrativeLines, SEED_STYLE_A } from '../../../src/core/narrative';
import { expectFindings, seed000Model, seed000Supplement, seedGrid, seedText } from './helpers';
import { againstTables } from './helpers';
import * as helpers from './helpers';
// the mistakes against the tables; the text against itself is asserted at the end of this file
const checkText = (...a: Parameters<typeof checkAll>) => againstTables(checkAll(...a));
const check = (...a: Parameters<typeof helpers.check>) => againstTables(helpers.check(...a));
const checkFile = (...a: Parameters<typeof helpers.checkFile>) => againstTables(helpers.checkFile(...a));

/** The mistakes of the published text (domain.md §4.1–§4.3), in the checker's order. */
const EXPECTED = [
  // 十（一） “增长1.66%”: 6.28 ÷ 376.44 = 1.668%, truncated instead of rounded
  'TXT-CHANGE|error|第二部分 十（一）（第104行）“增加6.28万元，增长1.66%”增减百分比不符：6.28 ÷ 上年376.44万元 = 1.668%，应为“增加6.28万元，增长1.67%”。',
  // 五（一） 99.6% divides by 财政拨款收支总计 instead of 本年支出合计
  'TXT-SHARE|error|第二部分 五（一）（第26行）“占本年支出合计的99.6%”与附表不符：一般公共预算财政拨款支出决算表“合计”1843.18万元 ÷ 收入支出决算总表“本年支出合计”1883.70万元 = 97.849%，应为97.8%（文中的99.6%相当于以财政拨款收入支出决算总表“总计”1850.52万元为分母）。',
  // 七（一） the total rose by 3.47 while its items add to a fall of 19.63 (公务用车 −23.1)
  'TXT-SUM|error|第二部分 七（一）（第77行）“增加3.47万元，增长495.7%”与各项的增减矛盾：因公出国（境）费持平，公务用车购置及运行维护费减少23.10万元，公务接待费增加3.47万元，合计应为减少19.63万元',
  // 七 2 “减少23.1万元” without its percentage
  'TXT-CHANGE|warning|第二部分 七（二）·公务用车购置及运行维护费（第85行）“减少23.1万元”缺少增减百分比',
  // 七 1 “增加0万元，增长0.0%” for an unchanged 0
  'TXT-DIRECTION|warning|第二部分 七（二）·因公出国（境）费（第83行）“增加0万元，增长0.0%”',
  // 九 heading printed without “九、”
  'TXT-HEADING|warning|第二部分 九（第98行）标题“国有资本经营预算支出决算情况说明”缺少序号，应为“九、国有资本经营预算支出决算情况说明”。',
  // mixed percent formats: 98% / 80.5% style, but 0.0%, 100.0% and 1.66% too
  'TXT-PCTFMT|warning|第二部分 七（二）（第83行）的百分数格式与全文不一致：全文多数写作一位小数、省略末尾的0（如“3.3%”“98%”“2%”），此处“0.0%”应写作“0%”。',
  'TXT-PCTFMT|warning|第二部分 五（三）（第57行）的百分数格式与全文不一致：全文多数写作一位小数、省略末尾的0（如“3.3%”“98%”“2%”），此处“100.0%”应写作“100%”。',
  'TXT-PCTFMT|warning|第二部分 十（一）（第104行）的百分数格式与全文不一致：全文多数写作一位小数、省略末尾的0（如“3.3%”“98%”“2%”），此处“1.66%”应写作“1.7%”。',
  // 五（二） 85.3% (exact 85.223%) absorbed the residual to make 100%
  'TXT-SHARE|warning|第二部分 五（二）（第31行）“一般公共服务（类）支出1570.82万元，占85.3%”是为使各类支出占比合计为100%而调整的',
  // 七 1 and 2 “完成预算0%” with a budget of 0: 0 ÷ 0
  'TXT-RATE|info|第二部分 七（二）·因公出国（境）费（第83行）“完成预算0%”：因公出国（境）费预算数和决算数均为0',
  'TXT-RATE|info|第二部分 七（二）·公务用车购置及运行维护费（第85行）“完成预算0%”',
];

describe('seed000 published text', () => {
  const model = seed000Model();
  const supplement = seed000Supplement();

  test('flags exactly its mistakes (with the 补充信息 sheet)', () => {
    expectFindings(checkFile(seedText('seed000'), model, supplement), EXPECTED);
  });

  test('finds the same mistakes without the 补充信息 sheet (prior years inferred from the text)', () => {
    const found = checkFile(seedText('seed000'), model);
    expect(found.map((f) => `${f.rule}|${f.severity}`)).toEqual(EXPECTED.map((e) => e.split('|').slice(0, 2).join('|')));
    expect(found[0].message).toContain('按本年382.72万元与增减额6.28万元推算上年为376.44万元');
  });

  test('as a 部门决算情况说明 sheet: findings point at the paragraph cell, then the table cells', () => {
    const found = checkText(paragraphsFromGrid(seedGrid('seed000')), model, supplement);
    expect(found).toHaveLength(EXPECTED.length);
    const share = found.find((f) => f.rule === 'TXT-SHARE' && f.severity === 'error')!;
    expect(share.cells).toEqual([
      { sheet: '部门决算情况说明', address: 'A26' },
      { sheet: 'T06', address: 'C6' },
      { sheet: 'T01', address: 'C18' },
    ]);
    expect(share.message.startsWith('第二部分 五（一）“占本年支出合计的99.6%”与附表不符')).toBe(true);
    expect(share).toMatchObject({ expected: '97.8%', actual: '99.6%' });
    const change = found.find((f) => f.rule === 'TXT-CHANGE' && f.severity === 'error')!;
    expect(change.cells[0]).toEqual({ sheet: '部门决算情况说明', address: 'A104' });
    expect(change.cells.slice(1).map((c) => c.sheet)).toEqual(['补充信息', '补充信息']);
    const heading = found.find((f) => f.rule === 'TXT-HEADING')!;
    expect(heading.cells).toEqual([{ sheet: '部门决算情况说明', address: 'A98' }]);
    const sum = found.find((f) => f.rule === 'TXT-SUM')!;
    expect(sum.cells.slice(0, 4)).toEqual(['A77', 'A83', 'A85', 'A90'].map((address) => ({ sheet: '部门决算情况说明', address })));
  });

  test('the corrected sentences pass', () => {
    const fixed = seedText('seed000')
      .replace('占本年支出合计的99.6%', '占本年支出合计的97.8%')
      .replace('增长1.66%', '增长1.7%')
      .replace('因公出国（境）支出决算比2022年增加0万元，增长0.0%。', '因公出国（境）支出决算与2022年持平。')
      .replace('较2022年减少23.1万元，', '较2022年减少23.1万元，下降100%，')
      .replace(/完成预算的100\.0%/g, '完成预算的100%')
      .replace('\n国有资本经营预算支出决算情况说明', '\n九、国有资本经营预算支出决算情况说明');
    const found = checkFile(fixed, model, supplement);
    expect(found.map((f) => f.rule)).toEqual(['TXT-SUM', 'TXT-SHARE', 'TXT-RATE', 'TXT-RATE']);
  });

  test('juesuan’s own narrative of the same figures raises only what the data themselves contain', () => {
    const text = narrativeLines(narrate(model, supplement, SEED_STYLE_A));
    const found = check(text, model, supplement);
    // the 补充信息 prior years contradict each other (“三公” 0.7 but its items 0 + 23.1 + 0.7),
    // and the seed's own plug of the largest share is reproduced (and reported) by style A
    expect(found.map((f) => `${f.rule}|${f.severity}`)).toEqual(['TXT-SUM|error', 'TXT-SHARE|warning']);
  });
});

describe('seed000 with one more mistake each: exactly one more finding', () => {
  const model = seed000Model();
  const supplement = seed000Supplement();
  test.each([
    ['本年收入合计1875.94万元', '本年收入合计1857.94万元', 'TXT-AMOUNT|error'],
    ['基本支出1516.29万元，占80.5%', '基本支出1516.29万元，占85.5%', 'TXT-SHARE|error'],
    ['各减少89.6万元，减少4.6%', '各增加89.6万元，减少4.6%', 'TXT-DIRECTION|error'],
    ['各减少89.6万元，减少4.6%', '各减少98.6万元，减少4.6%', 'TXT-CHANGE|error'],
    ['完成预算的91.1%', '完成预算的92.1%', 'TXT-RATE|error'],
    ['决算数小于调整预算数的主要原因是机构撤并', '决算数大于调整预算数的主要原因是机构撤并', 'TXT-DIRECTION|error'],
    ['奖金304.37万元', '奖金340.37万元', 'TXT-AMOUNT|error'],
    // leaving out 0.08 would be within the rounding tolerance of 14 items; 2.3 is not
    ['、医疗费补助2.3万元', '', 'TXT-SUM|warning'],
    ['292人次', '229人次', 'TXT-COUNT|error'],
    ['对9个项目开展了', '对8个项目开展了', 'TXT-COUNT|error'],
    ['政府采购货物支出0万元', '政府采购货物支出3万元', 'TXT-AMOUNT|error'],
    ['2023年政府性基金预算财政拨款支出0万元', '2023年政府性基金预算财政拨款支出0.5万元', 'TXT-AMOUNT|error'],
    ['主要领导干部用车0辆', '主要领导干部用车1辆', 'TXT-COUNT|error'],
    ['公务接待费支出决算4.17万元，占100%', '公务接待费支出决算4.17万元，占90%', 'TXT-SHARE|error'],
    ['支出决算为142.2万元', '支出决算为142.2', 'TXT-UNIT|warning'],
    ['一是压缩了项目经费收支', '一是压缩了XX万元项目经费收支', 'TXT-TEMPLATE|error'],
    ['\n八、政府性基金', '\n七、政府性基金', 'TXT-HEADING|warning'],
  ])('%s → %s', (from, to, rule) => {
    const text = seedText('seed000');
    expect(text.includes(from)).toBe(true);
    const base = checkFile(text, model, supplement).map((f) => `${f.rule}|${f.severity}|${f.message}`);
    const found = checkFile(text.replace(from, to), model, supplement).map((f) => `${f.rule}|${f.severity}|${f.message}`);
    const extra = found.filter((f) => !base.includes(f));
    expect(extra.map((f) => f.split('|').slice(0, 2).join('|'))).toEqual([rule]);
    expect(found).toHaveLength(base.length + 1);
  });
});
