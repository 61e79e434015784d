// Reading numbers out of 自评依据及说明: exact formulas (SC-6), the rate a rule needs (SC-7), amounts (SC-8).
import { Decimal } from '../../../src/core/money';
import { findFormulas, PROJECT_RULES, DEPARTMENT_RULES, resolveSettings } from '../../../src/core/scorecard';
import { readEvidence, rateFor, ratioAmounts, sanGongChange, staffCounts } from '../../../src/core/scorecard/evidence';
import { fmt } from '../../../src/core/scorecard/text';

const s = resolveSettings();
const val = (v: { kind: string; value?: Decimal }) => (v.kind === 'value' && v.value ? fmt(v.value, 6) : v.kind);
const rule = (name: string, list = DEPARTMENT_RULES) => list.find((r) => r.indicator === name)!;

describe('findFormulas', () => {
  test('“（382.73/383.39）×100%=99.82%” — exact value, rate, written result', () => {
    const [f] = findFormulas('（382.73/383.39）×100%=99.82%');
    expect(f.text).toBe('（382.73/383.39）×100%=99.82%');
    expect(f.ratePercent && val(f.ratePercent)).toBe('99.827852');
    expect([f.written?.numeral, f.written?.percent]).toEqual(['99.82', true]);
  });

  test('“(225000-225000)/225000×100%=100%” after a label with a year in it', () => {
    const fs = findFormulas('会计账目、2021年度决算(225000-225000)/225000×100%=100%');
    expect(fs).toHaveLength(1);
    expect(fs[0].text).toBe('(225000-225000)/225000×100%=100%');
    expect(val(fs[0].ratePercent!)).toBe('0');
  });

  test('labels before operands and units are allowed', () => {
    const [f] = findFormulas('重点项目支出337.57万元/项目总支出337.57万元*100%=100%');
    expect(val(f.ratePercent!)).toBe('100');
    const a = ratioAmounts(f, s);
    expect([a.num?.wan.toString(), a.den?.wan.toString(), a.num?.unitGuessed]).toEqual(['337.57', '337.57', false]);
    const [g] = findFormulas('结转结余总额0.67万元/支出预算数1772.93×100%=0.04%');
    expect(ratioAmounts(g, s).den?.wan.toString()).toBe('1772.93'); // the unit of the other side
  });

  test('“…控制率=(225000/225000)×100%=100%)” is one formula; a “=100%” after words is not', () => {
    const fs = findFormulas('会计账目、2021年决算(三公经费控制率=(225000/225000)×100%=100%)');
    expect(fs.map((f) => f.text)).toEqual(['(225000/225000)×100%=100%']);
    expect(findFormulas('(在职人员控制率=100%,实际在职人员与编制人数相等)')).toEqual([]);
  });

  test('results without %, and “×100” without %', () => {
    const [a] = findFormulas('预决算报表(65-65)/65×100%=0');
    expect(val(a.value)).toBe('0');
    const [b] = findFormulas('382.73/383.39×100=99.83');
    expect(val(b.ratePercent!)).toBe('99.827852');
    const [c] = findFormulas('0.67/1772.93=0.04%');
    expect(val(c.ratePercent!)).toBe('0.037791');
  });

  test('amount arithmetic and signs', () => {
    const [f] = findFormulas('（0.67-7.62）/7.62×100%=-91.21%');
    expect(val(f.ratePercent!)).toBe('-91.207349');
    expect(f.written?.value.toString()).toBe('-91.21');
    const [g] = findFormulas('1434.69+337.57=1772.26');
    expect(val(g.value)).toBe('1772.26');
    expect(g.ratePercent).toBeUndefined();
  });

  test('0/0 and x/0', () => {
    expect(findFormulas('(0/0)×100%=100%')[0].value.kind).toBe('zeroOverZero');
    expect(findFormulas('(5/0)×100%=100%')[0].value.kind).toBe('divByZero');
  });
});

describe('rateFor', () => {
  const rateOf = (name: string, text: string, list = DEPARTMENT_RULES) => {
    const r = rateFor(rule(name, list), readEvidence(text), s);
    return r && (r.input.kind === 'rate' ? fmt(r.input.rate, 4) : r.input.kind);
  };

  test('在职人员 counts', () => {
    expect(staffCounts('在职人员48人，编制52人')).toEqual({ onDuty: new Decimal(48), quota: new Decimal(52) });
    expect(staffCounts('在职人数48人，编制数52人，在职人员控制率小于1。')).toEqual({ onDuty: new Decimal(48), quota: new Decimal(52) });
    expect(rateOf('在职人员控制率', '在职人数48人，编制数52人')).toBe('92.3077');
    expect(rateOf('在职人员控制率', '(在职人员控制率=100%,实际在职人员与编制人数相等)')).toBe('100');
  });

  test('满意率95%, stated rates, a bare ratio, keywords, bounds', () => {
    expect(rateOf('社会公众或服务对象满意度', '问卷调查满意率95%', PROJECT_RULES)).toBe('95');
    expect(rateOf('固定资产利用率', '固定资产利用率为100%。')).toBe('100');
    expect(rateOf('资金到位率', '102.34/102.34)×100%。(达到目标值)', PROJECT_RULES)).toBe('100');
    expect(rateOf('预算调整率', '本年度预算无调整。')).toBe('0');
    expect(rateOf('实际完成率', '2023年计划工作全部完成。')).toBe('100');
    expect(rateOf('结转结余变动率', '本年度结转结余变动率低于15%。')).toBe('below');
    expect(rateOf('结转结余率', '会计账目、2021年决算')).toBeUndefined();
    expect(rateOf('质量达标率', '全面按指标要求100%达标')).toBe('100');
  });

  test('“三公”经费: this year and the change from last year', () => {
    const sg = sanGongChange('2023年“三公”经费总额4.17万元，比2022年减少19.64万元。', s);
    expect(sg?.current.wan.toString()).toBe('4.17');
    expect(sg?.changePercent.kind === 'rate' && fmt(sg.changePercent.rate, 2)).toBe('-82.49');
    expect(rateOf('三公经费变动率', '“三公”经费支出11.42万元，比上年增长10%')).toBe('10');
    expect(rateOf('三公经费变动率', '会计账目、2021年度决算(225000-225000)/225000×100%=100%')).toBe('0');
  });
});
