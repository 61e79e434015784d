// The recognisers: normalisation, number patterns, headings, lead-word cues, paragraph joining.
import { cueSection } from '../../../src/core/textcheck/cues';
import { matchHeading } from '../../../src/core/textcheck/headings';
import { normalizeText } from '../../../src/core/textcheck/normalize';
import { buildParagraphs } from '../../../src/core/textcheck/paragraphs';
import { beforeReason, findAmount, findChanges, findComparative, findPct } from '../../../src/core/textcheck/patterns';

describe('normalizeText', () => {
  test('drops PDF spaces and unifies punctuation', () => {
    expect(
      normalizeText(
        '2021 年度收、支总计 986.91 万元(其中包含上年结转 38.31 万元)。与 2020 年相比,收、支总计各减少 125.97 万元,减少 11.3%,',
      ),
    ).toBe('2021年度收、支总计986.91万元（其中包含上年结转38.31万元）。与2020年相比，收、支总计各减少125.97万元，减少11.3%，');
  });

  test('full-width digits and percent, thousands separators, quotes', () => {
    expect(normalizeText('支出１,８４３．１８万元，占９７．８％；“三公”经费')).toBe('支出1843.18万元，占97.8%；三公经费');
    expect(normalizeText('合计1,234.56万元,其中:')).toBe('合计1234.56万元，其中：');
    expect(normalizeText('2021,2022年')).toBe('2021，2022年');
  });
});

describe('number patterns', () => {
  test('amounts with and without 万元', () => {
    expect(findAmount('支出决算数为933.55，完成预算100.0%', '支出决算数为')).toMatchObject({
      number: '933.55',
      hasUnit: false,
      token: '支出决算数为933.55',
    });
    expect(findAmount('各减少65.23万元', '减少')).toMatchObject({ number: '65.23', hasUnit: true });
    expect(findAmount('收、支总计各减少65.23万元', '收、?支总计(?:均为)?')).toBeUndefined();
  });

  test('percentages keep their printed decimals', () => {
    expect(findPct('占本年支出合计的97.0%', /占本年支出合计的?/)?.pct).toMatchObject({ decimals: 1, text: '97.0%' });
    expect(findPct('完成预算的100%', '完成预算的')?.pct).toMatchObject({ decimals: 0, text: '100%' });
  });

  test('增减 clauses', () => {
    const one = (t: string) => findChanges(t)[0]?.clause;
    expect(one('与2022年相比，收、支总计各减少65.23万元，减少3.3%。')).toMatchObject({
      token: '减少65.23万元，减少3.3%',
      amountWord: '减少',
      pctWord: '减少',
      prevYear: '2022',
    });
    expect(one('较上年增加3.47万元，增长495.7%')).toMatchObject({ amountWord: '增加', pctWord: '增长', prevYear: '上' });
    expect(one('比2020年增加/减少0万元，增长/下降0.0%')).toMatchObject({ amountWord: 'alt', pctWord: 'alt', prevYear: '2020' });
    expect(one('较2022年减少23.1万元，主要原因是')).toMatchObject({ amountWord: '减少', token: '减少23.1万元' });
    expect(one('较2022年减少23.1万元，主要原因是').pct).toBeUndefined();
    expect(one('比上年下降3.9%')).toMatchObject({ pctWord: '下降', token: '下降3.9%' });
    expect(one('比上年下降3.9%').amountWord).toBeUndefined();
    expect(one('与2022年持平')).toMatchObject({ flat: true });
    // a count is not a change of money
    expect(findChanges('人员增加2人')).toEqual([]);
  });

  test('comparatives and the reason cut', () => {
    expect(findComparative('决算数小于调整预算数的主要原因是')).toMatchObject({ word: '小于' });
    expect(findComparative('决算数大于预算数')).toMatchObject({ word: '大于' });
    expect(findComparative('决算数与调整预算数持平')).toMatchObject({ word: '等于' });
    expect(beforeReason('增加6.28万元，增长1.66%，主要原因是会议增加3万元')).toBe('增加6.28万元，增长1.66%，');
  });
});

describe('headings', () => {
  test.each([
    ['一、收入支出决算总体情况说明', '一', '一、'],
    ['五、一般公共预算财政拨款支出决算情况说明', '五（一）', '五、'],
    ['（一）一般公共预算财政拨款支出决算总体情况', '五（一）', '（一）'],
    ['(三) 一般公共预算财政拨款支出决算具体情况', '五（三）', '（三）'],
    ['七、财政拨款“三公”经费支出决算情况说明', '七（一）', '七、'],
    ['七、“三公”经费财政拨款支出决算情况说明', '七（一）', '七、'],
    ['（二）“三公”经费财政拨款支出决算具体情况说明', '七（二）', '（二）'],
    ['国有资本经营预算支出决算情况说明', '九', ''],
    ['十、其他重要事项的情况说明', '十（一）', '十、'],
    ['（四）预算绩效管理情况。', '十（四）', '（四）'],
  ])('%s', (text, section, printed) => {
    expect(matchHeading(normalizeText(text))).toMatchObject({ def: { section }, printed });
  });

  test('a sentence is not a heading', () => {
    expect(matchHeading(normalizeText('2023年政府性基金预算财政拨款支出0万元。'))).toBeUndefined();
  });
});

describe('lead-word cues', () => {
  test.each([
    ['2023年度收、支总计均为1915.96万元。', '一'],
    ['2021年本年收入合计948.06万元，其中：', '二'],
    ['2023年本年支出合计1883.7万元，其中：基本支出1516.29万元', '三'],
    ['2021年财政拨款收、支总计958.85万元（其中上年结转38.31万元）。', '四'],
    ['2023年一般公共预算财政拨款支出1843.18万元，占本年支出合计的99.6%。', '五（一）'],
    ['2023年一般公共预算财政拨款支出1843.18万元，主要用于以下方面：', '五（二）'],
    ['2021年一般公共预算支出决算数为933.55，完成预算100.0%。', '五（三）'],
    ['2023年一般公共预算财政拨款基本支出1499.61万元，其中：', '六'],
    ['公用经费399.59万元，主要包括：', '六'],
    ['2023年三公经费财政拨款支出决算为4.17万元，完成预算115.5%', '七（一）'],
    ['2023年三公经费财政拨款支出决算中，因公出国（境）费支出决算0万元', '七（二）'],
    ['3．公务接待费支出4.17万元，完成预算115.5%。', '七（二）'],
    ['2021年政府性基金预算拨款支出25.3万元。', '八'],
    ['2023年国有资本经营预算财政拨款支出0万元。', '九'],
    ['2021年，安岳县人大常委会办公室运行经费支出78.81万元', '十（一）'],
    ['2023年，市人大常委会机关政府采购支出总额0万元', '十（二）'],
    ['截至2021年12月31日，安岳县人大常委会办公室共有车辆2辆', '十（三）'],
    ['根据预算绩效管理要求，本部门在2021年度预算编制阶段', '十（四）'],
  ])('%s', (text, section) => {
    expect(cueSection(normalizeText(text))).toBe(section);
  });

  test('no cue in a reason or caption', () => {
    expect(cueSection(normalizeText('（图1：收、支决算总计变动情况图）（柱状图）'))).toBeUndefined();
    expect(cueSection(normalizeText('主要原因是厉行节俭，压缩一般性开支。'))).toBeUndefined();
  });
});

describe('buildParagraphs', () => {
  test('joins a line that stops mid-sentence with the next, never across headings or numbered items', () => {
    const paras = buildParagraphs([
      { text: '六、一般公共预算财政拨款基本支出决算情况说明', line: 1 },
      { text: '人员经费 493.64 万元，主要包括：基本工资 111.5 万元、', line: 2 },
      { text: '津贴补贴 73.18 万元。', line: 4 },
      { text: '（一）机关运行经费支出情况', line: 5 },
      { text: '主要原因是应支未支', line: 6 },
      { text: '（二）政府采购支出情况', line: 7 },
      { text: '其中：', line: 8 },
      { text: '1．因公出国（境）经费支出0万元', line: 9 },
    ]);
    expect(paras.map((p) => [p.line, p.section, p.heading ?? false, p.text])).toEqual([
      [1, '六', true, '六、一般公共预算财政拨款基本支出决算情况说明'],
      [2, '六', false, '人员经费493.64万元，主要包括：基本工资111.5万元、津贴补贴73.18万元。'],
      [5, '十（一）', true, '（一）机关运行经费支出情况'],
      [6, '十（一）', false, '主要原因是应支未支'],
      [7, '十（二）', true, '（二）政府采购支出情况'],
      [8, '十（二）', false, '其中：'],
      [9, '七（二）', false, '1．因公出国（境）经费支出0万元'],
    ]);
  });

  test('text under another part (第三部分 名词解释) is left out', () => {
    const paras = buildParagraphs([
      { text: '第二部分 2023年度部门决算情况说明' },
      { text: '2023年政府性基金预算财政拨款支出0万元。' },
      { text: '第三部分 名词解释' },
      { text: '1．财政拨款收入：指…增加/减少XX万元' },
    ]);
    expect(paras.map((p) => p.text)).toEqual(['第二部分2023年度部门决算情况说明', '2023年政府性基金预算财政拨款支出0万元。']);
  });
});
