// NarrativeSettings: defaults, validation, and the effect of each setting on the text.
import { DEFAULT_SETTINGS, narrate, narrativeLines, resolveSettings, SEED_STYLE_A } from '../../../src/core/narrative';
import { texts } from './helpers';
import { seed000Model, seed000Supplement } from './seed000';
import { seed002Model, seed002Supplement } from './seed002';

describe('defaults and validation', () => {
  test('defaults per domain §4.1: 1 decimal, keep zeros, largest remainder, 下降, style A, 项 level, omit zeros', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      percentDecimals: 1,
      keepTrailingZeros: true,
      shareMode: 'largestRemainder',
      decreaseVerb: '下降',
      style: 'A',
      detailLevel: '项',
      omitZeroItems: true,
      classNames: 'official',
    });
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
  });

  test('given values override, invalid ones fall back to the default', () => {
    expect(resolveSettings({ percentDecimals: 2, style: 'B' })).toMatchObject({
      percentDecimals: 2,
      style: 'B',
      shareMode: 'largestRemainder',
    });
    expect(resolveSettings({ percentDecimals: 3 as never, shareMode: 'x' as never })).toMatchObject({
      percentDecimals: 1,
      shareMode: 'largestRemainder',
    });
  });
});

describe('default settings on seed000', () => {
  const r = narrate(seed000Model(), seed000Supplement());
  test('official 类 names, one decimal with zeros, 下降, largest remainder', () => {
    expect(texts(r, '二')[0]).toContain('占98.0%；其他收入37.38万元，占2.0%。');
    expect(texts(r, '一')[0]).toContain('各减少65.23万元，下降3.3%。');
    expect(texts(r, '五（二）')[0]).toBe(
      '2023年一般公共预算财政拨款支出1843.18万元，主要用于以下方面：一般公共服务支出（类）1570.82万元，占85.2%；社会保障和就业支出（类）121.83万元，占6.6%；卫生健康支出（类）65.26万元，占3.6%；住房保障支出（类）85.27万元，占4.6%。',
    );
    expect(texts(r, '五（三）')[1]).toMatch(/^1．一般公共服务支出（类）人大事务（款）行政运行（项）：/);
    expect(texts(r, '五（三）')[2]).toContain('完成预算100.0%，主要原因是严格按预算执行。');
  });
});

describe('each setting', () => {
  const base = (s = {}) => narrate(seed000Model(), seed000Supplement(), { ...SEED_STYLE_A, ...s });

  test('percentDecimals 0 and 2 (shares still add to 100)', () => {
    expect(texts(base({ percentDecimals: 0 }), '五（二）')[0]).toContain(
      '占85%；社会保障和就业（类）支出121.83万元，占7%；卫生健康支出（类）65.26万元，占3%；住房保障支出（类）85.27万元，占5%。',
    );
    expect(texts(base({ percentDecimals: 2 }), '五（二）')[0]).toContain(
      '占85.22%；社会保障和就业（类）支出121.83万元，占6.61%；卫生健康支出（类）65.26万元，占3.54%；住房保障支出（类）85.27万元，占4.63%。',
    );
  });

  test('keepTrailingZeros', () => {
    expect(texts(base({ keepTrailingZeros: true }), '二')[0]).toContain('占98.0%；其他收入37.38万元，占2.0%');
    expect(texts(base({ keepTrailingZeros: false }), '二')[0]).toContain('占98%；其他收入37.38万元，占2%');
  });

  test('shareMode independent leaves 99.9%', () => {
    expect(texts(base({ shareMode: 'independent' }), '五（二）')[0]).toContain(
      '占85.2%；社会保障和就业（类）支出121.83万元，占6.6%；卫生健康支出（类）65.26万元，占3.5%；',
    );
  });

  test('decreaseVerb', () => {
    expect(texts(base({ decreaseVerb: '下降' }), '四')[0]).toContain('各减少89.6万元，下降4.6%。');
    expect(texts(base({ decreaseVerb: '减少' }), '四')[0]).toContain('各减少89.6万元，减少4.6%。');
  });

  test('style: totals wording, captions, reason lead, 七 heading, 十（三）/（四） wording', () => {
    const a = base({ style: 'A' });
    const b = base({ style: 'B' });
    expect(texts(a, '一')).toHaveLength(2);
    expect(texts(b, '一')).toEqual([
      '2023年度收、支总计1915.96万元（其中包含上年结转40.02万元）。与2022年相比，收、支总计各减少65.23万元，减少3.3%，主要变动原因是一是压缩了项目经费收支；二是下属事业单位宣传培训中心撤并，人员分流经费对应划转。',
    ]);
    expect(texts(b, '四')[0]).toContain('2023年财政拨款收、支总计1850.52万元（其中上年结转11.96万元）。');
    expect(narrativeLines(a)).toContain('七、财政拨款“三公”经费支出决算情况说明');
    expect(narrativeLines(b)).toContain('七、“三公”经费财政拨款支出决算情况说明');
    expect(texts(b, '六')).toHaveLength(2);
    expect(texts(b, '六')[0]).toMatch(/^2023年一般公共预算财政拨款基本支出1499.61万元，其中：人员经费1100.03万元，主要包括：/);
    expect(texts(b, '五（三）')[1]).toMatch(/^1\.一般公共服务/);
    expect(texts(b, '八')[0]).toBe('2023年政府性基金预算拨款支出0万元。');
    expect(texts(b, '十（三）')).toEqual([
      '截至2023年12月31日，市人大常委会机关共有车辆0辆，其中：主要领导干部用车0辆、机要通信用车0辆、应急保障用车0辆、执法执勤用车【请填写执法执勤用车】辆、特种专业技术用车【请填写特种专业技术用车】辆、其他用车0辆。',
      '单价50万元以上通用设备0台（套），单价100万元以上专用设备0台（套）。',
    ]);
    expect(texts(b, '十（四）')[0]).toMatch(/^根据预算绩效管理要求，本部门在2023年度/);
    // style B 七（二）: zero items without a share
    expect(texts(b, '七（二）')[0]).toContain(
      '因公出国（境）费支出决算0万元；公务用车购置及运行维护费支出决算0万元；公务接待费支出决算4.17万元，占100%。',
    );
  });

  test('style A lists 执法执勤用车 / 特种专业技术用车 only when non-zero', () => {
    const sup = seed002Supplement();
    const a = narrate(seed002Model(), sup, { style: 'A' });
    expect(texts(a, '十（三）')[0]).toContain(
      '应急保障用车0辆、其他用车2辆。其中：其他用车主要是一般公务用车。单价50万元以上通用设备0台，',
    );
  });

  test('detailLevel 款 lists 款 rows', () => {
    const out = texts(narrate(seed000Model(), seed000Supplement(), { ...SEED_STYLE_A, detailLevel: '款' }), '五（三）');
    expect(out).toHaveLength(5);
    expect(out[1]).toMatch(/^1．一般公共服务（类）人大事务（款）：支出决算为1570.82万元，完成预算【请填写预算数】。$/);
  });

  test('omitZeroItems off lists every income and expenditure kind with 占0%', () => {
    const r = base({ omitZeroItems: false });
    expect(texts(r, '二')[0]).toBe(
      '2023年本年收入合计1875.94万元，其中：一般公共预算财政拨款收入1838.56万元，占98%；政府性基金预算财政拨款收入0万元，占0%；国有资本经营预算财政拨款收入0万元，占0%；上级补助收入0万元，占0%；事业收入0万元，占0%；经营收入0万元，占0%；附属单位上缴收入0万元，占0%；其他收入37.38万元，占2%。',
    );
    expect(texts(r, '三')[0]).toContain('对附属单位补助支出0万元，占0%。');
  });

  test('classNames', () => {
    expect(texts(base({ classNames: 'seed' }), '五（二）')[0]).toContain('一般公共服务（类）支出1570.82万元');
    expect(texts(base({ classNames: 'official' }), '五（二）')[0]).toContain('一般公共服务支出（类）1570.82万元');
  });
});
