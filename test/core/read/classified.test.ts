import { readWorkbook } from '../../../src/core/read';
import { cellOf, grid, messages, rowKeys, table, wan } from './helpers';

const N = null;

/** MoF-style 收入决算表: title on row 2 with 公开02表 beside it, 项目 over 编码(类|款|项) + 名称. */
function t02Sheet() {
  return grid(
    '表2',
    [
      [],
      ['收入决算表', N, N, N, N, N, N, N, N, N, '公开02表'],
      ['部门：某某县人民代表大会常务委员会办公室', N, N, N, N, N, N, N, N, N, '金额单位：万元'],
      ['项目', N, N, N, '本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入'],
      ['功能分类科目编码', N, N, '科目名称'],
      ['类', '款', '项'],
      ['栏次', N, N, N, 1, 2, 3, 4, 5, 6, 7],
      ['合计', N, N, N, 1050.5, 1000, 0, 50.5, '-', '', 0],
      ['201', N, N, '一般公共服务支出', 900, 900, 0, 0, 0, 0, 0],
      ['20101', N, N, '人大事务', 900, 900, 0, 0, 0, 0, 0],
      ['2010101', N, N, '行政运行', '1,234.56', ' 12.3 ', '—', '－', '/', N, '１２.３'],
      [208, N, N, '社会保障和就业支出', 150.5, 100, 0, 50.5, 0, 0, 0],
      [],
      ['注：本表反映部门本年度取得的各项收入情况。'],
    ],
    ['A2:J2', 'A4:D4', 'E4:E6', 'F4:F6', 'G4:G6', 'H4:H6', 'I4:I6', 'J4:J6', 'K4:K6', 'A5:C5', 'D5:D6', 'A7:D7', 'A8:D8', 'A14:K14'],
  );
}

describe('classified tables', () => {
  it('reads 其它收入 as the 其他收入 column (其它 is printed for 其他 as often as not)', () => {
    const sheet = t02Sheet();
    sheet.cells[3][10] = '其它收入';
    const model = readWorkbook([sheet]);
    const t = table(model, 'T02');
    expect(t.columns).toContain('其他收入');
    expect(cellOf(t, '2010101', '其他收入')).toBe('表2!K11');
    expect(t.unreadColumns).toBeUndefined();
  });

  it('reads a T02 with merged multi-level header, full codes, numeric text and dashes', () => {
    const model = readWorkbook([t02Sheet()]);
    const t = table(model, 'T02');
    expect(t.title).toBe('收入决算表');
    expect(t.unit).toBe('万元');
    expect(t.columns).toEqual(['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']);
    expect(rowKeys(t)).toEqual(['合计', '201', '20101', '2010101', '208']);
    expect(t.rows.map((r) => r.level)).toEqual([undefined, 1, 2, 3, 1]);
    expect(t.rows[1].label).toBe('一般公共服务支出');
    expect(t.rows[1].code).toBe('201');

    expect(wan(t, '合计', '本年收入合计')).toBe('1050.50');
    expect(cellOf(t, '合计', '本年收入合计')).toBe('表2!E8');
    expect(wan(t, '合计', '经营收入')).toBe('0.00');
    expect(wan(t, '合计', '附属单位上缴收入')).toBe('0.00');
    expect(cellOf(t, '合计', '附属单位上缴收入')).toBe('表2!J8');

    expect(wan(t, '2010101', '本年收入合计')).toBe('1234.56');
    expect(wan(t, '2010101', '财政拨款收入')).toBe('12.30');
    expect(wan(t, '2010101', '上级补助收入')).toBe('0.00');
    expect(wan(t, '2010101', '事业收入')).toBe('0.00');
    expect(wan(t, '2010101', '经营收入')).toBe('0.00');
    expect(wan(t, '2010101', '其他收入')).toBe('12.30');
    expect(cellOf(t, '2010101', '其他收入')).toBe('表2!K11');
    expect(wan(t, '208', '事业收入')).toBe('50.50');

    expect(t.notes).toEqual(['注：本表反映部门本年度取得的各项收入情况。']);
    expect(model.findings.filter((f) => f.cells.length > 0)).toEqual([]);
  });

  it('reports error values and stray text with the cell, leaving the cell out', () => {
    const g = t02Sheet();
    g.cells[9][5] = { error: '#REF!' };
    g.cells[9][6] = '无';
    g.cells[9][7] = true;
    const model = readWorkbook([g]);
    const t = table(model, 'T02');
    expect(wan(t, '20101', '财政拨款收入')).toBeUndefined();
    expect(wan(t, '20101', '本年收入合计')).toBe('900.00');
    const cellFindings = model.findings.filter((f) => f.cells.length > 0);
    expect(cellFindings).toEqual([
      {
        rule: 'READ',
        severity: 'error',
        message: '表“表2”单元格F10的值“#REF!”是错误值，已忽略',
        cells: [{ sheet: '表2', address: 'F10' }],
      },
      { rule: 'READ', severity: 'warning', message: '表“表2”单元格G10的值“无”不是金额，已忽略', cells: [{ sheet: '表2', address: 'G10' }] },
      {
        rule: 'READ',
        severity: 'warning',
        message: '表“表2”单元格H10的值“TRUE”不是金额，已忽略',
        cells: [{ sheet: '表2', address: 'H10' }],
      },
    ]);
  });

  it('assembles split 类|款|项 codes (text or numbers) and converts 元 exactly', () => {
    const g = grid(
      '支出',
      [
        ['附表3', '支出决算表'],
        ['编制单位：某某局', N, N, N, N, '单位：元'],
        ['功能分类科目编码', N, N, '科目名称', '本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出'],
        ['类', '款', '项'],
        [N, N, N, '合计', 123456.78, 100000, 23456.78, 0, 0, 0],
        ['201', N, N, '一般公共服务支出', 123456.78, 100000, 23456.78, 0, 0, 0],
        ['201', '01', N, '人大事务', 123456.78, 100000, 23456.78, 0, 0, 0],
        [201, 1, 1, '行政运行', 100000, 100000, 0, 0, 0, 0],
        ['201', '01', '04', '人大会议', '23,456.785', 0, 23456.785, 0, 0, 0],
      ],
      ['A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4', 'H3:H4', 'I3:I4', 'J3:J4'],
    );
    const model = readWorkbook([g]);
    const t = table(model, 'T03');
    expect(t.unit).toBe('元');
    expect(rowKeys(t)).toEqual(['合计', '201', '20101', '2010101', '2010104']);
    expect(t.rows[3]).toMatchObject({ key: '2010101', code: '2010101', level: 3, label: '行政运行' });
    expect(t.rows[0].cells['本年支出合计'].value.toFixed()).toBe('12.345678');
    const meeting = t.rows[4].cells['本年支出合计'];
    expect(meeting.value.toFixed()).toBe('2.345679');
    expect(meeting.raw?.toFixed()).toBe('2.3456785');
    expect(meeting.cell).toEqual({ sheet: '支出', address: 'E9' });
  });

  it('carries the 类 (and 款) down when exports print them once', () => {
    const g = grid(
      '表',
      [
        ['支出决算表'],
        ['单位：万元'],
        ['科目编码', N, N, '科目名称', '本年支出合计', '基本支出', '项目支出'],
        ['类', '款', '项'],
        ['合计', N, N, N, 10, 10, 0],
        ['201', N, N, '一般公共服务支出', 10, 10, 0],
        [N, '01', N, '人大事务', 10, 10, 0],
        [N, N, '01', '行政运行', 10, 10, 0],
      ],
      ['A3:C3', 'A5:D5'],
    );
    const t = table(readWorkbook([g]), 'T03');
    expect(rowKeys(t)).toEqual(['合计', '201', '20101', '2010101']);
  });

  it('maps T06 本年支出/小计 to 合计 and T11 本年支出/小计 to 本年支出', () => {
    const t06 = grid(
      'S6',
      [
        ['一般公共预算财政拨款支出决算表'],
        ['公开05表'],
        ['部门：某某局', N, N, N, N, '金额单位：万元'],
        ['项目', N, N, N, '本年支出'],
        ['功能分类科目编码', N, N, '科目名称', '小计', '基本支出', '项目支出'],
        ['类', '款', '项'],
        ['栏次', N, N, N, 1, 2, 3],
        [N, N, N, '合计', 930.2, 900, 30.2],
        ['201', N, N, '一般公共服务支出', 930.2, 900, 30.2],
      ],
      ['A4:D4', 'E4:G4', 'A5:C5', 'D5:D6', 'E5:E6', 'F5:F6', 'G5:G6', 'A7:D7'],
    );
    // An export without merges repeats 本年支出 in each cell of its span.
    const t11 = grid('S11', [
      ['政府性基金预算财政拨款收入支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '本年支出', '本年支出', '年末结转和结余'],
      ['科目编码', '科目名称', '年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余'],
      ['合计', N, 1, 25.3, 25.3, 0, 25.3, 1],
      ['212', '城乡社区支出', 1, 25.3, 25.3, 0, 25.3, 1],
      ['21208', '国有土地使用权出让收入安排的支出', 1, 25.3, 25.3, 0, 25.3, 1],
      ['本表为空表的说明：无'],
    ]);
    const model = readWorkbook([t06, t11]);
    const s6 = table(model, 'T06');
    expect(s6.columns).toEqual(['合计', '基本支出', '项目支出']);
    expect(wan(s6, '合计', '合计')).toBe('930.20');
    expect(cellOf(s6, '201', '项目支出')).toBe('S6!G9');
    const s11 = table(model, 'T11');
    expect(s11.columns).toEqual(['年初结转和结余', '本年收入', '本年支出', '基本支出', '项目支出', '年末结转和结余']);
    expect(wan(s11, '21208', '本年支出')).toBe('25.30');
    expect(cellOf(s11, '21208', '本年支出')).toBe('S11!E7');
    expect(rowKeys(s11)).toEqual(['合计', '212', '21208']);
    expect(s11.notes).toEqual(['本表为空表的说明：无']);
  });

  it('maps T07 本年支出/基本支出/合计 to 基本支出 and reads economic codes to 款', () => {
    const g = grid(
      '明细',
      [
        ['一般公共预算财政拨款支出决算明细表'],
        ['金额单位：万元'],
        ['经济分类科目编码', '科目名称', '本年支出'],
        [N, N, '合计', '基本支出', N, N, '项目支出'],
        [N, N, N, '合计', '人员经费', '公用经费'],
        ['合  计', N, 1100, 1000, 800, 200, 100],
        ['301', '工资福利支出', 800, 800, 800, 0, 0],
        ['30101', '基本工资', 300, 300, 300, 0, 0],
        ['302', '商品和服务支出', 300, 200, 0, 200, 100],
      ],
      ['A3:A5', 'B3:B5', 'C3:G3', 'C4:C5', 'D4:F4', 'G4:G5'],
    );
    const t = table(readWorkbook([g]), 'T07');
    expect(t.columns).toEqual(['合计', '基本支出', '人员经费', '公用经费', '项目支出']);
    expect(rowKeys(t)).toEqual(['合计', '301', '30101', '302']);
    expect(t.rows[2].level).toBe(2);
    expect(wan(t, '302', '基本支出')).toBe('200.00');
    expect(wan(t, '合计', '合计')).toBe('1100.00');
  });

  it('reads T05 基本支出/小计 after a 合计 column as 基本支出', () => {
    const g = grid(
      '表5',
      [
        ['财政拨款支出决算明细表'],
        ['部门：某某局', N, N, N, N, '金额单位：万元'],
        ['项目', N, '合计', '基本支出', N, N, '项目支出'],
        ['科目编码', '科目名称', N, '小计', '人员经费', '公用经费'],
        ['栏次', N, '1', '2', '3', '4', '5'],
        [N, '合计', 1824.59, 1435.4, 1234.88, 200.52, 389.19],
        ['301', '工资福利支出', 1192.05, 1192.05, 1192.05],
      ],
      ['A3:B3', 'C3:C4', 'D3:F3', 'G3:G4', 'A5:B5'],
    );
    const t = table(readWorkbook([g]), 'T05');
    expect(t.columns).toEqual(['合计', '基本支出', '人员经费', '公用经费', '项目支出']);
    expect(wan(t, '合计', '基本支出')).toBe('1435.40');
    expect(cellOf(t, '301', '基本支出')).toBe('表5!D7');
    expect(wan(t, '301', '公用经费')).toBe('0.00');
  });

  it('ignores units and 其中： in header texts (T14, 元 in the header only)', () => {
    const g = grid(
      '国资',
      [
        ['国有资本经营预算财政拨款支出决算表'],
        ['科目编码', '科目名称', '本年支出（元）'],
        [N, N, '合计', '其中：基本支出', '其中：项目支出'],
        ['合计', N, 1000, 0, 1000],
        ['223', '国有资本经营预算支出', 1000, 0, 1000],
      ],
      ['A2:A3', 'B2:B3', 'C2:E2'],
    );
    const model = readWorkbook([g]);
    const t = table(model, 'T14');
    expect(t.unit).toBe('元');
    expect(t.columns).toEqual(['合计', '基本支出', '项目支出']);
    expect(wan(t, '223', '项目支出')).toBe('0.10');
  });

  it('warns about a row with money but no code, and skips it', () => {
    const g = grid('表3', [
      ['支出决算表'],
      ['单位：万元'],
      ['科目编码', '科目名称', '本年支出合计'],
      ['合计', N, 10],
      ['201', '一般公共服务支出', 10],
      [N, '其他', 5],
    ]);
    const model = readWorkbook([g]);
    expect(rowKeys(table(model, 'T03'))).toEqual(['合计', '201']);
    expect(messages(model)).toContain('表“表3”第6行“其他”没有可识别的科目编码或合计标签，已忽略');
  });
});
