// seed002 (安岳县人大常委会办公室, 2021): its own published 第二部分 text, PDF spaces, half-width
// punctuation and page breaks included, against its figures.
import * as fs from 'fs';
import * as path from 'path';
import { checkText as checkAll, paragraphsFromGrid } from '../../../src/core/textcheck';
import { narrate, narrativeLines, SEED_STYLE_B } from '../../../src/core/narrative';
import { expectFindings, seed002Model, seed002Supplement, seedGrid, seedText } from './helpers';
import { againstTables } from './helpers';
import * as helpers from './helpers';
// the mistakes against the tables; the text against itself is asserted at the end of this file
const checkText = (...a: Parameters<typeof checkAll>) => againstTables(checkAll(...a));
const check = (...a: Parameters<typeof helpers.check>) => againstTables(helpers.check(...a));
const checkFile = (...a: Parameters<typeof helpers.checkFile>) => againstTables(helpers.checkFile(...a));

const EXPECTED = [
  // 二 “948.06” is a transposition of the table's 948.60 (920.54 + 28.06)
  'TXT-AMOUNT|error|第二部分 二（第9行）“本年收入合计948.06万元”与附表不符：收入支出决算总表“本年收入合计”为948.60万元，文中写948.06万元，相差0.54万元。',
  // 五（一） 97.4% divides by 财政拨款收支总计 958.85 instead of 本年支出合计 986.91
  'TXT-SHARE|error|第二部分 五（一）（第23行）“占本年支出合计的97.4%”与附表不符：一般公共预算财政拨款支出决算表“合计”933.55万元 ÷ 收入支出决算总表“本年支出合计”986.91万元 = 94.593%，应为94.6%（文中的97.4%相当于以财政拨款收入支出决算总表“总计”958.85万元为分母）。',
  // 七 1 and 2: the template's alternatives were never resolved
  'TXT-TEMPLATE|error|第二部分 七（二）·因公出国（境）费（第61行）“增加/减少0万元，增长/下降0.0%”是未删除的模板选项，应按实际情况只保留一种写法，应为“与2020年持平”。',
  'TXT-TEMPLATE|error|第二部分 七（二）·公务用车购置及运行维护费（第65行）“增加/减少0万元，增长/下降0.0%”是未删除的模板选项，应按实际情况只保留一种写法，应为“与2020年持平”。',
  // 五（二） 3.9% (exact 3.955%) lowered so the four shares add to 100%
  'TXT-SHARE|warning|第二部分 五（二）（第29行）“住房保障支出（类）36.92万元，占3.9%”是为使各类支出占比合计为100%而调整的',
  // 五（三） lead “决算数为 933.55，” without 万元
  'TXT-UNIT|warning|第二部分 五（三）（第33行）“一般公共预算支出决算数为933.55”缺少单位，应写“一般公共预算支出决算数为933.55万元”。',
  // 七 1 and 2 “完成预算 0.0%” with a budget of 0
  'TXT-RATE|info|第二部分 七（二）·因公出国（境）费（第61行）“完成预算0.0%”',
  'TXT-RATE|info|第二部分 七（二）·公务用车购置及运行维护费（第63行）“完成预算0.0%”',
];

describe('seed002 published text', () => {
  const model = seed002Model();
  const supplement = seed002Supplement();

  test('flags exactly its mistakes (with the 补充信息 sheet)', () => {
    expectFindings(checkFile(seedText('seed002'), model, supplement), EXPECTED);
  });

  test('with its 第三部分 名词解释 (examples/seed-text/seed002-part3.txt): the old name of 210 as well', () => {
    // A real error of the document: 名词解释 11 prints “医疗卫生与计划生育（类）”, the name 210 had until
    // 2018; in 2021 it is 卫生健康支出 — the document's own 五（三） writes “卫生健康（类）”.
    const part3 = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'seed-text', 'seed002-part3.txt'), 'utf8');
    const part2 = seedText('seed002');
    const codeName = `CODE-NAME|warning|说明文字第${part2.split(/\r?\n/).length + 23}行“11.医疗卫生与计划生育（类）：指反映政府在医疗卫生与”中的“医疗卫生与计划生育（类）”是功能分类210类的旧称，2019年起为“卫生健康支出”`;
    expectFindings(checkFile(`${part2}\n${part3}`, model, supplement), [...EXPECTED.slice(0, 4), codeName, ...EXPECTED.slice(4)]);
  });

  test('finds the same mistakes without the 补充信息 sheet', () => {
    const found = checkFile(seedText('seed002'), model);
    expect(found.map((f) => `${f.rule}|${f.severity}`)).toEqual(EXPECTED.map((e) => e.split('|').slice(0, 2).join('|')));
    expect(found[2].message).toContain('增减额为0时应写“与2020年持平”');
  });

  test('as a sheet: the stale amount points at its paragraph and the T01 cell', () => {
    const found = checkText(paragraphsFromGrid(seedGrid('seed002')), model, supplement);
    expect(found).toHaveLength(EXPECTED.length);
    expect(found[0]).toMatchObject({
      rule: 'TXT-AMOUNT',
      cells: [
        { sheet: '部门决算情况说明', address: 'A9' },
        { sheet: 'T01', address: 'C14' },
      ],
      expected: '948.60',
      actual: '948.06',
      difference: '0.54',
      tolerance: '0.00',
    });
    const unit = found.find((f) => f.rule === 'TXT-UNIT')!;
    expect(unit.cells).toEqual([{ sheet: '部门决算情况说明', address: 'A33' }]);
  });

  test('lines broken at a PDF page end are read as one paragraph (六, 五（一）, 十（四）)', () => {
    // “基本工资 111.5 万元、” (line 45) / “津贴补贴 …” (line 47): one paragraph, reported at its first line;
    // read apart, the 人员经费 list would hold only 基本工资 and not add up (a TXT-SUM in the exact set above)
    const broken = seedText('seed002').replace('津贴补贴 73.18 万元', '津贴补贴 73.19 万元');
    const found = checkFile(broken, model, supplement);
    const amount = found.find((f) => f.rule === 'TXT-AMOUNT' && f.message.includes('津贴补贴'));
    expect(amount?.message).toContain('第二部分 六（第45行）“津贴补贴73.19万元”与附表不符');
  });

  test('juesuan’s own narrative of the same figures raises only the adjusted share', () => {
    const text = narrativeLines(narrate(model, supplement, SEED_STYLE_B));
    expect(check(text, model, supplement).map((f) => `${f.rule}|${f.severity}`)).toEqual(['TXT-SHARE|warning']);
  });
});

describe('seed002 (PDF spacing) with one more mistake each: exactly one more finding', () => {
  const model = seed002Model();
  const supplement = seed002Supplement();
  test.each([
    ['基本支出 600.51 万元,占 60.8%', '基本支出 600.51 万元,占 61.8%', 'TXT-SHARE|error'],
    ['各减少 111.45 万元,下降 10.4%', '各减少 111.45 万元,增长 10.4%', 'TXT-DIRECTION|error'],
    ['增长 12.0%', '增长 13.0%', 'TXT-CHANGE|error'],
    ['1260 人次', '1206 人次', 'TXT-COUNT|error'],
    ['政府性基金预算拨款支出 25.3 万元', '政府性基金预算拨款支出 23.5 万元', 'TXT-AMOUNT|error'],
    ['完成预算 50.8%，决算数小于预算数', '完成预算 50.8%，决算数大于预算数', 'TXT-DIRECTION|error'],
    ['其中包含上年结转 38.31 万元', '其中包含上年结转 38.13 万元', 'TXT-AMOUNT|error'],
    ['共有车辆2辆', '共有车辆3辆', 'TXT-COUNT|error'],
  ])('%s → %s', (from, to, rule) => {
    const text = seedText('seed002');
    expect(text.includes(from)).toBe(true);
    const base = checkFile(text, model, supplement).map((f) => `${f.rule}|${f.severity}|${f.message}`);
    const found = checkFile(text.replace(from, to), model, supplement).map((f) => `${f.rule}|${f.severity}|${f.message}`);
    expect(found.filter((f) => !base.includes(f)).map((f) => f.split('|').slice(0, 2).join('|'))).toEqual([rule]);
    expect(found).toHaveLength(base.length + 1);
  });
});

describe('seed002 published text against itself', () => {
  test('公务用车 0 in 七 but 2 vehicles in 十（三）, 减少 and 下降 mixed, one paragraph without its 。', () => {
    const found = checkAll(paragraphsFromGrid(seedGrid('seed002')), seed002Model(), seed002Supplement());
    expect(
      found
        .filter((f) => helpers.SELF_RULES.includes(f.rule))
        .map((f) => f.rule)
        .sort(),
    ).toEqual(['TXT-CARS', 'TXT-PUNCT', 'TXT-VERB']);
  });
});
