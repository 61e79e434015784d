// One small case per finding kind, on paragraphs alone (no cells) against the seeds' figures.
import { readSupplement } from '../../../src/core/supplement';
import { TXT_RULES } from '../../../src/core/textcheck';
import { supplementGrid } from '../narrative/helpers';
import { check, classified, fixed, model, sanGong, seed000Model, seed000Supplement, seed002Model, seed002Supplement } from './helpers';

const m0 = seed000Model();
const s0 = seed000Supplement();
const m2 = seed002Model();
const s2 = seed002Supplement();

const rules = (fs: { rule: string; severity: string }[]) => fs.map((f) => `${f.rule}|${f.severity}`);

test('every rule id is documented', () => {
  expect(Object.keys(TXT_RULES)).toEqual([
    'TXT-AMOUNT',
    'TXT-COUNT',
    'TXT-SHARE',
    'TXT-CHANGE',
    'TXT-DIRECTION',
    'TXT-RATE',
    'TXT-SUM',
    'TXT-TEMPLATE',
    'TXT-PLACEHOLDER',
    'TXT-UNIT',
    'TXT-PCTFMT',
    'TXT-SAME',
    'TXT-CARS',
    'TXT-VERB',
    'TXT-PUNCT',
    'TXT-HEADING',
  ]);
});

describe('TXT-AMOUNT / TXT-COUNT', () => {
  test('a stale total (last year’s figure) is an error naming the table cell', () => {
    const [f, ...rest] = check(['2023年度收、支总计均为1981.19万元。'], m0);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      rule: 'TXT-AMOUNT',
      severity: 'error',
      expected: '1915.96',
      actual: '1981.19',
      difference: '65.23',
      cells: [{ sheet: 'T01', address: 'C17' }],
    });
    expect(f.message).toBe(
      '第二部分 一“收、支总计均为1981.19万元”与附表不符：收入支出决算总表“总计”为1915.96万元，文中写1981.19万元，相差65.23万元。',
    );
  });

  test('items of 五（三）, 六 and 八 are compared with their rows', () => {
    const found = check(
      [
        '（三）一般公共预算财政拨款支出决算具体情况',
        '3．一般公共服务（类）人大事务（款）人大会议（项）：支出决算为124.2万元，完成预算的100%，主要原因是严格按预算执行。',
        '六、一般公共预算财政拨款基本支出决算情况说明',
        '公用经费399.59万元，主要包括：办公费11.22万元、其他交通费117.01万元、其他商品和服务支出135.83万元。',
        '八、政府性基金预算支出决算情况说明',
        '2021年政府性基金预算财政拨款支出23.5万元。',
      ],
      m0,
      s0,
    );
    expect(found.map((f) => f.message.split('与附表不符')[0])).toEqual([
      '第二部分 五（三）第3项“支出决算为124.2万元”',
      '第二部分 六“其他交通费117.01万元”',
      '第二部分 八“政府性基金预算财政拨款支出23.5万元”',
    ]);
    // 其他交通费 is matched to the T08 row 30239 其他交通费用
    expect(found[1].message).toContain('一般公共预算财政拨款基本支出决算表“30239 其他交通费用”为117.10万元');
    expect(found[1].cells).toEqual([{ sheet: 'T08', address: 'C37' }]);
  });

  test('a wrong count of vehicles or projects', () => {
    const found = check(['截至2021年12月31日，安岳县人大常委会办公室共有车辆3辆，其中：主要领导干部用车0辆、其他用车2辆。'], m2, s2);
    expect(rules(found)).toEqual(['TXT-COUNT|error']);
    expect(found[0].message).toContain('“共有车辆3辆”与补充信息不符：补充信息“车辆总数·本年数”为2，文中写3。');
  });

  test('a vehicle category under another name (“离退休干部服务用车”) is checked against its 补充信息 row', () => {
    const cars = readSupplement(
      supplementGrid([
        ['决算年度', null, 2021],
        ['车辆总数', null, 2],
        ['离退休干部用车', null, 1],
        ['其他用车', null, 1],
      ]),
    );
    expect(check(['截至2021年12月31日，共有车辆2辆，其中：离退休干部服务用车1辆、其他用车1辆。'], m2, cars)).toEqual([]);
    const found = check(['截至2021年12月31日，共有车辆2辆，其中：离退休干部服务用车2辆、其他用车1辆。'], m2, cars);
    expect(found.map((f) => f.message)).toEqual([
      '第二部分 十（三）“离退休干部服务用车2辆”与补充信息不符：补充信息“离退休干部用车·本年数”为1，文中写2。',
    ]);
  });

  test('“三公” amounts are T10 + T12', () => {
    const m = model(
      sanGong('T10', { 预算数: ['10', '0', '0', '0', '0', '10'], 决算数: ['8', '0', '0', '0', '0', '8'] }),
      sanGong('T12', { 预算数: ['2', '0', '2', '2', '0', '0'], 决算数: ['2', '0', '2', '2', '0', '0'] }),
    );
    expect(check(['2023年“三公”经费财政拨款支出决算为10万元，完成预算83.3%，决算数小于预算数的主要原因是节约。'], m)).toEqual([]);
    expect(rules(check(['2023年“三公”经费财政拨款支出决算为8万元。'], m))).toEqual(['TXT-AMOUNT|error']);
  });
});

describe('TXT-SHARE', () => {
  test('a share off by more than half a display unit is an error; the hint names the denominator used', () => {
    const found = check(['2021年一般公共预算财政拨款支出933.55万元，占本年支出合计的97.4%。'], m2);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'TXT-SHARE', severity: 'error', expected: '94.6%', actual: '97.4%' });
  });

  test('a two-item list moved off plain rounding although plain rounding adds to 100: both errors', () => {
    const found = check(['2021年本年支出合计986.91万元，其中：基本支出600.51万元，占60.9%；项目支出386.4万元，占39.1%。'], m2);
    expect(rules(found)).toEqual(['TXT-SHARE|error', 'TXT-SHARE|error']);
  });

  test('a list adjusted to 100% by one unit: warning only for the moved share', () => {
    const found = check(
      [
        '2021年一般公共预算财政拨款支出933.55万元，主要用于以下方面：一般公共服务（类）支出831.52万元，占89.0%；' +
          '社会保障和就业（类）支出41.93万元，占4.5%；卫生健康支出（类）23.18万元，占2.5%；住房保障支出（类）36.92万元，占4.0%。',
      ],
      m2,
    );
    expect(rules(found)).toEqual(['TXT-SHARE|warning']);
    expect(found[0].message).toContain('“一般公共服务（类）支出831.52万元，占89.0%”是为使各类支出占比合计为100%而调整的');
  });

  test('a 0 ÷ 0 share printed as 0% is accepted', () => {
    expect(
      check(
        [
          '2023年，机关政府采购支出总额0万元，其中：政府采购货物支出0万元、政府采购工程支出0万元、政府采购服务支出0万元。' +
            '授予中小企业合同金额0万元，占政府采购支出总额的0%，其中：授予小微企业合同金额0万元，占政府采购支出总额的0%。',
        ],
        m0,
        s0,
      ),
    ).toEqual([]);
  });
});

describe('TXT-CHANGE', () => {
  const one = (s: string) => [`2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各${s}。`];

  test('wrong amount or percentage against the 补充信息 prior year', () => {
    expect(rules(check(one('减少65.32万元，减少3.3%'), m0, s0))).toEqual(['TXT-CHANGE|error']);
    const pct = check(one('减少65.23万元，减少3.5%'), m0, s0);
    expect(rules(pct)).toEqual(['TXT-CHANGE|error']);
    expect(pct[0].message).toContain('应为“减少65.23万元，减少3.3%”');
    expect(check(one('减少65.23万元，减少3.3%'), m0, s0)).toEqual([]);
  });

  test('without a prior year the text is checked against itself', () => {
    expect(rules(check(one('减少65.23万元，减少3.5%'), m0))).toEqual(['TXT-CHANGE|error']);
    expect(check(one('减少65.23万元，减少3.3%'), m0)).toEqual([]);
  });

  test('a missing percentage is a warning', () => {
    const found = check(one('减少65.23万元'), m0, s0);
    expect(rules(found)).toEqual(['TXT-CHANGE|warning']);
    expect(found[0].message).toContain('应为“减少65.23万元，下降3.3%”');
  });
});

describe('TXT-DIRECTION', () => {
  test('增加 when it fell', () => {
    const found = check(['2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各增加65.23万元，增长3.3%。'], m0, s0);
    expect(rules(found)).toEqual(['TXT-DIRECTION|error']);
    expect(found[0].message).toContain('实际减少65.23万元');
  });

  test('增加 … 下降 in one clause', () => {
    expect(rules(check(['2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各增加65.23万元，下降3.3%。'], m0))).toEqual([
      'TXT-DIRECTION|error',
    ]);
  });

  test('持平 when it changed', () => {
    expect(rules(check(['2023年，机关运行经费支出382.72万元，与2022年持平。'], m0, s0))).toEqual(['TXT-DIRECTION|error']);
  });

  test('“决算数大于调整预算数” when it was less', () => {
    const found = check(
      [
        '（三）一般公共预算财政拨款支出决算具体情况',
        '1．一般公共服务（类）人大事务（款）行政运行（项）：支出决算为1166.96万元，完成预算99.9%，决算数大于调整预算数的主要原因是结转。',
      ],
      m0,
      s0,
    );
    expect(rules(found)).toEqual(['TXT-DIRECTION|error']);
    // without the budget, the printed rate decides
    expect(
      rules(check(['2023年“三公”经费财政拨款支出决算为4.17万元，完成预算85.5%，决算数大于预算数的主要原因是接待增加。'], model())),
    ).toEqual(['TXT-DIRECTION|error']);
  });

  test('“增加0万元，增长0.0%” for no change is a warning', () => {
    const found = check(['2023年，机关运行经费支出382.72万元，比2022年增加0万元，增长0.0%。'], model());
    expect(rules(found)).toEqual(['TXT-DIRECTION|warning']);
    expect(found[0].message).toContain('应写“与2022年持平”');
  });
});

describe('TXT-RATE', () => {
  test('a wrong completion rate', () => {
    const found = check(['2023年一般公共预算支出决算数为1843.18万元，完成预算98.6%。其中：'], m0, s0);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'TXT-RATE', severity: 'error', expected: '99.6%', actual: '98.6%' });
  });

  const close = () =>
    model(sanGong('T10', { 预算数: ['417.2', '0', '0', '0', '0', '417.2'], 决算数: ['417.17', '0', '0', '0', '0', '417.17'] }));

  test('100% while the amounts differ', () => {
    const found = check(['2023年“三公”经费财政拨款支出决算为417.17万元，完成预算100.0%。'], close());
    expect(rules(found)).toEqual(['TXT-RATE|warning']);
    expect(found[0].message).toContain('建议写99.99%');
    // 4.17 of 4.18 is 99.76%: “100.0%” is simply wrong
    const m = model(sanGong('T10', { 预算数: ['4.18', '0', '0', '0', '0', '4.18'], 决算数: ['4.17', '0', '0', '0', '0', '4.17'] }));
    expect(rules(check(['2023年“三公”经费财政拨款支出决算为4.17万元，完成预算100.0%。'], m))).toEqual(['TXT-RATE|error']);
  });

  test('a rate with a budget of 0 and nothing spent is a note', () => {
    const m = model(sanGong('T10', { 预算数: ['0', '0', '0', '0', '0', '0'], 决算数: ['0', '0', '0', '0', '0', '0'] }));
    expect(rules(check(['2023年“三公”经费财政拨款支出决算为0万元，完成预算0%。'], m))).toEqual(['TXT-RATE|info']);
  });
});

describe('TXT-SUM', () => {
  test('a “主要包括” list that leaves out an item is a warning', () => {
    const found = check(
      [
        '六、一般公共预算财政拨款基本支出决算情况说明',
        '公用经费78.81万元，主要包括：办公费9.03万元、电费2.01万元、邮电费9.05万元、差旅费11.91万元、公务接待费7.85万元、工会经费10.42万元、其他交通费23.22万元。',
      ],
      m2,
    );
    expect(rules(found)).toEqual(['TXT-SUM|warning']);
    expect(found[0].message).toContain('各项合计73.49万元，相差5.32万元');
  });

  test('parts that do not add up to a 补充信息 total (政府采购)', () => {
    const m = model();
    expect(
      rules(
        check(['2021年，本单位政府采购支出总额7.81万元，其中：政府采购货物支出7万元、政府采购工程支出0万元、政府采购服务支出0万元。'], m),
      ),
    ).toEqual(['TXT-SUM|warning']);
  });

  test('rounding differences within tol(n) pass (seed000 人员经费 items add to 1100.04)', () => {
    expect(
      check(
        [
          '六、一般公共预算财政拨款基本支出决算情况说明',
          '2023年一般公共预算财政拨款基本支出1499.61万元，其中：',
          '人员经费1100.03万元，主要包括：基本工资244.89万元、津贴补贴145.43万元、奖金304.37万元、绩效工资7.87万元、机关事业单位基本养老保险缴费100.29万元、职业年金缴费15.95万元、职工基本医疗保险缴费53.62万元、公务员医疗补助缴费11.64万元、其他社会保障缴费1.04万元、住房公积金85.27万元、医疗费4.75万元、生活补助122.54万元、医疗费补助2.3万元、奖励金0.08万元。',
          '公用经费399.59万元。',
        ],
        m0,
      ),
    ).toEqual([]);
  });

  test('a total already reported as wrong is not summed again', () => {
    const found = check(
      ['2021年本年收入合计948.06万元，其中：一般公共预算财政拨款收入920.54万元，占97.0%；其他收入28.06万元，占3.0%。'],
      m2,
    );
    expect(rules(found)).toEqual(['TXT-AMOUNT|error']);
  });
});

describe('TXT-TEMPLATE', () => {
  test('leftover alternatives and placeholders', () => {
    const found = check(
      ['2023年，机关运行经费支出XX万元，比2022年增长/下降5%，主要原因是【请填写原因】。', '其中：国内公务接待待填批次。'],
      model(),
    );
    // juesuan's own 【请填写…】 is TXT-PLACEHOLDER (待补充 while its input is missing, see engine.ts)
    expect(found.map((f) => f.message.split(/是未|是生成/)[0]).sort()).toEqual(
      ['第二部分 七（二）“待填”', '第二部分 十（一）“XX”', '第二部分 十（一）“【请填写原因】”', '第二部分 十（一）“增长/下降5%”'].sort(),
    );
    expect(found.every((f) => f.rule === (f.message.includes('【') ? 'TXT-PLACEHOLDER' : 'TXT-TEMPLATE') && f.severity === 'error')).toBe(
      true,
    );
  });
});

describe('TXT-UNIT', () => {
  test('an amount without 万元, an amount in 元, a rate without %', () => {
    const found = check(
      [
        '2023年政府性基金预算财政拨款支出0，无结转。',
        '2023年国有资本经营预算财政拨款支出1200元。',
        '2023年“三公”经费财政拨款支出决算为4.17万元，完成预算115.5，主要原因是接待增加。',
      ],
      model(),
    );
    expect(found.map((f) => `${f.rule}|${f.message}`).sort()).toEqual([
      'TXT-UNIT|第二部分 七（一）“完成预算115.5”缺少百分号，应写“完成预算115.5%”。',
      'TXT-UNIT|第二部分 九“国有资本经营预算财政拨款支出1200元”的单位是元，说明中的金额应以万元为单位。',
      'TXT-UNIT|第二部分 八“政府性基金预算财政拨款支出0”缺少单位，应写“政府性基金预算财政拨款支出0万元”。',
    ]);
  });

  test('years, dates, counts, item numbers and titles are not amounts', () => {
    expect(check(['截至2021年12月31日，共有车辆2辆。1．《2021年度整体支出绩效自评报告》（图1：…）对2个项目开展了自评。'], model())).toEqual(
      [],
    );
  });
});

describe('TXT-PCTFMT', () => {
  test('one format per document: “97.0%” beside “98%”', () => {
    const found = check(
      [
        '2023年本年收入合计1875.94万元，其中：一般公共预算财政拨款收入1838.56万元，占98%；其他收入37.38万元，占2%。',
        '2023年本年支出合计1883.7万元，其中：基本支出1516.29万元，占80.5%；项目支出367.41万元，占19.5%。',
        '2023年一般公共预算财政拨款支出1843.18万元，占本年支出合计的97.8%。',
        '（三）一般公共预算财政拨款支出决算具体情况',
        '2．一般公共服务（类）人大事务（款）一般行政管理事务（项）：支出决算为28.45万元，完成预算的100.0%，主要原因是严格按预算执行。',
      ],
      m0,
      s0,
    );
    expect(rules(found)).toEqual(['TXT-PCTFMT|warning']);
    expect(found[0].message).toBe(
      '第二部分 五（三）的百分数格式与全文不一致：全文多数写作一位小数、省略末尾的0（如“98%”“2%”“80.5%”），此处“100.0%”应写作“100%”。',
    );
  });

  test('a rate printed with more decimals to avoid a misleading 100% is not a format change', () => {
    const m = model(sanGong('T10', { 预算数: ['417.2', '0', '0', '0', '0', '417.2'], 决算数: ['417.17', '0', '0', '0', '0', '417.17'] }));
    expect(
      check(
        [
          '2023年“三公”经费财政拨款支出决算中，公务接待费支出决算417.17万元，占100.0%。',
          '2023年“三公”经费财政拨款支出决算为417.17万元，完成预算99.99%。',
        ],
        m,
      ),
    ).toEqual([]);
  });
});

describe('TXT-HEADING', () => {
  test('missing or wrong ordinal', () => {
    const found = check(['国有资本经营预算支出决算情况说明', '八、其他重要事项的情况说明', '(二) 政府采购支出情况'], model());
    expect(found.map((f) => f.message)).toEqual([
      '第二部分 九标题“国有资本经营预算支出决算情况说明”缺少序号，应为“九、国有资本经营预算支出决算情况说明”。',
      '第二部分 十（一）标题“八、其他重要事项的情况说明”的序号应为“十、”。',
    ]);
  });
});

describe('robustness', () => {
  test('no tables, no supplement: internal checks only, never a crash', () => {
    expect(
      check(['2023年度收、支总计均为1915.96万元。与2022年相比，收、支总计各减少65.23万元，减少3.3%。', '随便写的一段话。', ''], model()),
    ).toEqual([]);
  });

  test('a class printed in the text but absent from T06 is 0 there', () => {
    const m = model(
      classified(
        'T06',
        ['合计', '基本支出', '项目支出'],
        [
          ['合计', '合计', '100', '100', '0'],
          ['201', '一般公共服务支出', '100', '100', '0'],
        ],
      ),
      fixed('T01', { '支:本年支出合计': '100' }),
    );
    const found = check(
      ['2023年一般公共预算财政拨款支出100万元，主要用于以下方面：一般公共服务（类）支出90万元，占90%；教育支出（类）10万元，占10%。'],
      m,
    );
    expect(found.map((f) => f.message.split('与附表不符')[0])).toEqual([
      '第二部分 五（二）“一般公共服务（类）支出90万元”',
      '第二部分 五（二）“教育支出（类）10万元”',
      '第二部分 五（二）“教育支出（类）10万元，占10%”',
      '第二部分 五（二）“一般公共服务（类）支出90万元，占90%”',
    ]);
    expect(found[1].message).toContain('一般公共预算财政拨款支出决算表（无205类）为0.00万元');
  });
});
