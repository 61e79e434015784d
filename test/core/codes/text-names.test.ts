// CODE-NAME in the text: a 功能分类 类 written under its old name, naming the sentence.
import { checkText } from '../../../src/core/textcheck';
import { seed000Model, seed000Supplement } from '../textcheck/helpers';

const model = seed000Model();
const codeNames = (texts: string[], year?: number) =>
  checkText(
    texts.map((text, i) => ({ text, line: i + 1 })),
    model,
    undefined,
    undefined,
    year === undefined ? {} : { year },
  ).filter((f) => f.rule === 'CODE-NAME');

describe('CODE-NAME in the text', () => {
  test('the current 类 names pass', () => {
    expect(
      codeNames(
        [
          '文化旅游体育与传媒（类）支出12.00万元，占1.0%；卫生健康支出（类）65.26万元，占3.5%。',
          '卫生健康（类）行政事业单位医疗（款）：支出决算为65.26万元。',
        ],
        2023,
      ),
    ).toEqual([]);
  });

  test('“文化体育与传媒（类）支出” in a 2023 text is the old name of 207, with the sentence', () => {
    const found = codeNames(['一般公共服务（类）支出1570.82万元，占85.2%；文化体育与传媒（类）支出12.00万元，占1.0%。'], 2023);
    expect(found).toHaveLength(1);
    expect(found[0].severity).toBe('warning');
    expect(found[0].message).toBe(
      '说明文字第1行“文化体育与传媒（类）支出12.00万元，占1.0%。”中的“文化体育与传媒（类）”是功能分类207类的旧称，2019年起为“文化旅游体育与传媒支出”（来源：公开代码 MapToJson.java（检索库 id 10498550278）；旧称见西宁市总寨镇逸夫小学2016年度部门决算及公开代码（检索库 id 47322634295）；issue 15等4个来源）。',
    );
  });

  test('half-width brackets and spaces do not hide it; the year comes from the 补充信息 or the text', () => {
    const texts = ['2023 年度部门决算情况说明', '医疗卫生与计划生育支出 (类) 行政事业单位医疗 (款) 65.26 万元。'];
    expect(codeNames(texts).map((f) => f.message)).toEqual([expect.stringContaining('是功能分类210类的旧称，2019年起为“卫生健康支出”')]);
    const found = checkText([{ text: '医疗卫生与计划生育（类）65.26万元。' }], model, seed000Supplement()).filter(
      (f) => f.rule === 'CODE-NAME',
    );
    expect(found).toHaveLength(1);
  });

  test('a text of 2018 or of unknown year keeps the names of its time: nothing', () => {
    expect(codeNames(['医疗卫生与计划生育（类）支出65.26万元。'], 2018)).toEqual([]);
    expect(codeNames(['医疗卫生与计划生育（类）支出65.26万元。'])).toEqual([]);
  });
});
