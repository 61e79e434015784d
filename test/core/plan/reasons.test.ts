import { carryTypedReasons } from '../../../src/core/plan/reasons';

const generated = '2024年度收、支总计均为1894.06万元。与2023年相比，收、支总计各减少64.31万元，下降3.3%。主要变动原因：【请填写原因】。';

describe('carryTypedReasons', () => {
  test('a reason typed over the placeholder is carried into the regenerated paragraph', () => {
    const typed = generated.replace('【请填写原因】', '项目支出减少');
    const r = carryTypedReasons([generated], ['一、收入支出决算总体情况说明', typed]);
    expect(r.lines).toEqual([typed]);
    expect(r.absorbed).toEqual([typed]);
  });

  test('also when the numbers changed since the reason was typed', () => {
    const typed = generated
      .replace('1894.06', '1800.00')
      .replace('64.31', '158.37')
      .replace('3.3%', '8.1%')
      .replace('【请填写原因】', '项目支出减少');
    const r = carryTypedReasons([generated], [typed]);
    expect(r.lines).toEqual([generated.replace('【请填写原因】', '项目支出减少')]);
    expect(r.absorbed).toEqual([typed]);
  });

  test('an untouched placeholder, a different sentence, or a line without a reason slot are left alone', () => {
    expect(carryTypedReasons([generated], [generated])).toEqual({ lines: [generated], absorbed: [] });
    const other = '2024年本年收入合计1872.11万元，其中：一般公共预算财政拨款收入1784.27万元，占95.3%。';
    expect(carryTypedReasons([generated, other], [other, '会计自己写的一段话。'])).toEqual({ lines: [generated, other], absorbed: [] });
  });

  test('each typed paragraph feeds one generated paragraph', () => {
    const twin = generated;
    const typed = generated.replace('【请填写原因】', '原因甲');
    const r = carryTypedReasons([generated, twin], [typed]);
    expect(r.lines).toEqual([typed, twin]);
  });
});
