import { readWorkbook } from '../../../src/core/read';
import type { Grid } from '../../../src/core/grid';
import type { TableId } from '../../../src/core/model';
import { PROFILES, TABLES } from '../../../src/core/tables';
import { cellOf, grid, messages, table, wan } from './helpers';

const N = null;

/**
 * A minimal readable sheet for any classified table id (title, unit, header, 合计 row): the
 * amount columns its table has (a column of another table would be an unread-column warning).
 */
function classifiedSheet(sheet: string, title: string, unitCell: string | null = '单位：万元'): Grid {
  const def = Object.values(TABLES).find((t) => title.includes(t.title) && t.kind === 'classified');
  const columns = ['合计', '本年收入合计', '本年支出合计', '年初结转和结余'].filter((k) => def?.columns.some((c) => c.key === k));
  return grid(sheet, [[N, title], [unitCell], ['科目编码', '科目名称', ...columns], ['合计', N, ...columns.map(() => 1)]]);
}

function t01(sheet: string): Grid {
  return grid(sheet, [['收入支出决算总表'], ['单位：万元'], ['项目', '金额', '项目', '金额'], ['本年收入合计', 1, '本年支出合计', 1]]);
}

function t04(sheet: string): Grid {
  return grid(sheet, [
    ['财政拨款收入支出决算总表'],
    ['单位：万元'],
    ['项目', '金额', '项目', '合计', '一般公共预算财政拨款'],
    ['本年收入合计', 1, '本年支出合计', 1, 1],
  ]);
}

function economic(sheet: string, title: string): Grid {
  return grid(sheet, [[title], ['单位：万元'], ['科目编码', '科目名称', '决算数'], ['301', '工资福利支出', 1]]);
}

function sanGong(sheet: string, title: string): Grid {
  return grid(sheet, [[title], ['单位：万元'], ['预算数', '决算数'], ['合计', '合计'], [2, 1]]);
}

function narrativeSheet(): Grid {
  return grid('部门决算情况说明', [
    ['第二部分 2023年度部门决算情况说明'],
    ['一、收入支出决算总体情况说明'],
    ['2023年度收、支总计均为1915.96万元。详见附表1收入支出决算总表。'],
  ]);
}

/** The MoF nine tables, shuffled and with sheet names that say nothing. */
function mofWorkbook(): Grid[] {
  return [
    sanGong('Sheet7', '一般公共预算财政拨款“三公”经费支出决算表'),
    narrativeSheet(),
    classifiedSheet('Sheet3', '（公开03表）部门支出决算表'),
    t04('Sheet4'),
    economic('Sheet6', '一般公共预算财政拨款基本支出决算表'),
    classifiedSheet('Sheet2', '附表2 收入决算表'),
    classifiedSheet('Sheet5', '一般公共预算财政拨款支出决算表'),
    t01('Sheet1'),
    grid('补充信息', [['补充信息'], ['项目', '本年数'], ['决算年度', 2023]]),
  ];
}

describe('readWorkbook', () => {
  it('recognises shuffled, renamed sheets by title and detects the MoF profile', () => {
    const model = readWorkbook(mofWorkbook());
    expect(model.profile).toBe('mof9');
    expect(Object.keys(model.tables).sort()).toEqual(['T01', 'T02', 'T03', 'T04', 'T06', 'T08', 'T10']);
    expect(table(model, 'T03').sheet).toBe('Sheet3');
    expect(table(model, 'T06').sheet).toBe('Sheet5');
    expect(table(model, 'T02').title).toBe('收入决算表');
    // T11 and T14 are optional in the MoF set: info, not warning.
    expect(model.findings).toEqual([
      { rule: 'READ', severity: 'info', message: '未找到附表：政府性基金预算财政拨款收入支出决算表', cells: [] },
      { rule: 'READ', severity: 'info', message: '未找到附表：国有资本经营预算财政拨款支出决算表', cells: [] },
    ]);
  });

  it('reports missing required tables of the MoF set as warnings', () => {
    const grids = mofWorkbook().filter((g) => g.sheet !== 'Sheet4' && g.sheet !== 'Sheet6');
    const model = readWorkbook(grids);
    expect(model.findings.filter((f) => f.severity === 'warning').map((f) => f.message)).toEqual([
      '未找到附表：财政拨款收入支出决算总表',
      '未找到附表：一般公共预算财政拨款基本支出决算表',
    ]);
  });

  it('detects the Sichuan profile from a Sichuan-only table and lists what is missing', () => {
    const grids = [...mofWorkbook(), classifiedSheet('明细', '一般公共预算财政拨款支出决算明细表')];
    const model = readWorkbook(grids);
    expect(model.profile).toBe('sichuan14');
    expect(table(model, 'T07').sheet).toBe('明细');
    const missing = model.findings.map((f) => `${f.severity} ${f.message}`);
    expect(missing).toEqual([
      'warning 未找到附表：财政拨款支出决算明细表',
      'warning 未找到附表：一般公共预算财政拨款项目支出决算表',
      'info 未找到附表：政府性基金预算财政拨款收入支出决算表',
      'info 未找到附表：政府性基金预算财政拨款“三公”经费支出决算表',
      'info 未找到附表：国有资本经营预算财政拨款收入支出决算表',
      'info 未找到附表：国有资本经营预算财政拨款支出决算表',
    ]);
  });

  it('uses the profile it is given', () => {
    const model = readWorkbook([t01('a')], { profile: 'sichuan14' });
    expect(model.profile).toBe('sichuan14');
    expect(model.findings).toHaveLength(PROFILES.sichuan14.tables.length - 1);
  });

  it('prefers the longest title and recognises every catalog title and alias', () => {
    const ids = Object.keys(TABLES) as TableId[];
    for (const id of ids) {
      for (const title of [TABLES[id].title, ...TABLES[id].titleAliases]) {
        const g = grid('x', [[], [`某某局2023年度${title}`, N, '公开99表']]);
        expect([id, readWorkbook([g]).findings.some((f) => f.message.includes(`（${TABLES[id].title}）`))]).toEqual([id, true]);
      }
    }
  });

  it('reads 百元 and warns when a sheet names no unit (then 万元)', () => {
    const hundred = classifiedSheet('百元表', '收入决算表', '部门：某某局　　金额单位:百元');
    hundred.cells[3][2] = 95884.76; // the 合计 column, read as 本年收入合计
    const noUnit = classifiedSheet('无单位', '支出决算表', '部门：某某局');
    const model = readWorkbook([hundred, noUnit]);
    const t02 = table(model, 'T02');
    expect(t02.unit).toBe('百元');
    expect(t02.rows[0].cells['本年收入合计'].value.toFixed()).toBe('958.8476');
    expect(wan(t02, '合计', '本年收入合计')).toBe('958.85');
    expect(table(model, 'T03').unit).toBe('万元');
    expect(model.findings).toContainEqual({
      rule: 'READ',
      severity: 'warning',
      message: '表“无单位”（支出决算表）未注明金额单位，按万元读取',
      cells: [{ sheet: '无单位', address: 'B1' }],
    });
  });

  it('reads the unit from a cell after “金额单位：”', () => {
    const g = classifiedSheet('T2', '收入决算表', N);
    g.cells[1] = ['部门：某某局', N, '金额单位：', '元'];
    expect(table(readWorkbook([g]), 'T02').unit).toBe('元');
  });

  it('does not read 编制单位：元… as a unit', () => {
    const g = classifiedSheet('T2', '收入决算表', '编制单位：元宝山区财政局');
    const model = readWorkbook([g]);
    expect(table(model, 'T02').unit).toBe('万元');
    expect(messages(model)).toContain('表“T2”（收入决算表）未注明金额单位，按万元读取');
  });

  it('skips a table whose header cannot be located, with a warning naming the sheet', () => {
    const g = grid('坏表', [['收入决算表'], ['单位：万元'], ['甲', '乙'], ['1', '2']]);
    const model = readWorkbook([g]);
    expect(model.tables.T02).toBeUndefined();
    expect(model.findings[0]).toEqual({
      rule: 'READ',
      severity: 'warning',
      message: '表“坏表”（收入决算表）未找到可识别的表头或金额列，已跳过该表',
      cells: [{ sheet: '坏表', address: 'A1' }],
    });
    expect(messages(model)).not.toContain('未找到附表：收入决算表');
  });

  it('reads the first of two sheets with the same table and reports the second', () => {
    const model = readWorkbook([t01('甲'), t01('乙')]);
    expect(table(model, 'T01').sheet).toBe('甲');
    expect(cellOf(table(model, 'T01'), '收:本年收入合计', '金额')).toBe('甲!B4');
    expect(messages(model)).toContain('表“乙”与表“甲”都是收入支出决算总表，只读取表“甲”');
  });

  it('ignores a contents sheet listing several titles', () => {
    const contents = grid('目录', [['目录'], ['1.收入支出决算总表'], ['2.收入决算表'], ['3.支出决算表']]);
    const model = readWorkbook([contents, t01('表1')]);
    expect(table(model, 'T01').sheet).toBe('表1');
    expect(model.tables.T02).toBeUndefined();
    expect(messages(model)).toContain('未找到附表：收入决算表');
  });

  it('reads a later sheet with the same title when the first cannot be read', () => {
    const broken = grid('草稿', [['收入支出决算总表'], ['单位：万元'], ['甲', '乙']]);
    const model = readWorkbook([broken, t01('正式')]);
    expect(table(model, 'T01').sheet).toBe('正式');
    expect(messages(model)).toContain('表“草稿”（收入支出决算总表）未找到可识别的表头或金额列，已跳过该表');
  });

  it('never throws on odd input', () => {
    const odd: Grid[] = [
      grid('空', []),
      grid('只有标题', [['收入支出决算总表']]),
      grid('只有表头', [['支出决算表'], ['单位：万元'], ['科目编码', '科目名称', '本年支出合计'], ['注：本表为空表。']]),
      grid('三公空', [['一般公共预算财政拨款“三公”经费支出决算表'], ['预算数', '决算数'], ['合计', '合计']]),
      {
        sheet: '稀疏',
        // eslint-disable-next-line no-sparse-arrays -- a missing row (a hole), as a host may hand it over
        cells: [[], , ['一般公共预算财政拨款基本支出决算表'], [undefined as never, '科目编码']],
        merges: [{ top: 0, left: 0, bottom: 999, right: 999 }],
      } as Grid,
    ];
    const model = readWorkbook(odd);
    expect(table(model, 'T03').rows).toEqual([]);
    expect(table(model, 'T03').notes).toEqual(['注：本表为空表。']);
    expect(model.findings.length).toBeGreaterThan(0);
  });
});
