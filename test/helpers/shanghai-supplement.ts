// A 补充信息 sheet for the Shanghai fixture (普陀区委社会工作部 2024) holding what its 情况说明
// states and its tables do not: year, name, prior-year figures (a new unit: 0), reasons, each
// 项级科目's 年初预算 (0: “年初预算为 0 万元”) and 主要用途, 十's 绩效 figures, 十一's 机关运行经费,
// 政府采购 and assets. Every value is copied from test/fixtures/real/shanghai-putuo-shegongbu-2024/text.txt.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Grid } from '../../src/core/grid';
import { readGridsFromFile } from '../../src/hosts/file/node';
import type { RealFixture } from './real-fixture';
import { loadRealFixture, writeRealFixture } from './real-fixture';

const NEW_UNIT = '单位于2024年成立';
const STAFF = '单位2024年新成立，人员变动，按实际支出';

type Row = [
  label: string,
  code: string,
  本年数: string | number | null,
  上年数: number | null,
  预算数: number | null,
  原因说明: string,
  主要用途: string,
];

export const SHANGHAI_SUPPLEMENT_ROWS: Row[] = [
  ['决算年度', '', 2024, null, null, '', ''],
  ['单位名称', '', '中共上海市普陀区委社会工作部', null, null, '', ''],
  ['收支总计', '', null, 0, null, NEW_UNIT, ''],
  ['财政拨款收支总计', '', null, 0, null, NEW_UNIT, ''],
  ['一般公共预算财政拨款支出', '', null, 0, 0, NEW_UNIT, ''],
  ['一般公共预算财政拨款支出预决算差异', '', null, null, null, '人员经费支出数小于预算数', ''],
  ['行政运行', '2013901', null, null, 0, '人员变动引起实际支出低于预算', '行政单位人员支出、公用支出'],
  ['事业运行', '2013950', null, null, 0, STAFF, '事业单位人员支出'],
  ['其他社会工作事务支出', '2013999', null, null, 0, '决算数与全年预算数持平', '新建部门开办费、基层政权和社区建设项目支出'],
  ['机关事业单位基本养老保险缴费支出', '2080505', null, null, 0, STAFF, '机关事业单位基本养老保险支出'],
  ['机关事业单位职业年金缴费支出', '2080506', null, null, 0, STAFF, '机关事业单位职业年金支出'],
  ['行政单位医疗', '2101101', null, null, 0, STAFF, '行政单位医疗保险支出'],
  ['事业单位医疗', '2101102', null, null, 0, STAFF, '事业单位医疗保险支出'],
  ['住房公积金', '2210201', null, null, 0, STAFF, '事业单位医疗保险支出'],
  ['购房补贴', '2210203', null, null, 0, '决算数与全年预算数持平', '行政单位购房补贴支出'],
  [
    '预算绩效管理制度',
    '',
    '严格贯彻落实《上海市预算绩效管理实施办法》和本区“预算绩效管理实施办法”，完善内控制度，做好绩效管理工作',
    null,
    null,
    '',
    '',
  ],
  ['绩效目标项目数', '', 1, null, null, '', ''],
  ['绩效目标涉及预算金额', '', 175.52, null, null, '', ''],
  ['绩效跟踪评价项目数', '', 1, null, null, '', ''],
  ['绩效跟踪评价涉及预算金额', '', 175.52, null, null, '', ''],
  ['绩效自评项目数', '', 1, null, null, '', ''],
  ['绩效自评涉及预算金额', '', 175.52, null, null, '', ''],
  ['绩效自评平均得分', '', 100, null, null, '', ''],
  ['绩效评级为优的项目数', '', 1, null, null, '', ''],
  ['绩效评级为良的项目数', '', 0, null, null, '', ''],
  ['绩效评级为合格的项目数', '', 0, null, null, '', ''],
  ['绩效评级为不合格的项目数', '', 0, null, null, '', ''],
  ['绩效自评发现问题数', '', 0, null, null, '', ''],
  ['机关运行经费', '', 10.23, 0, null, NEW_UNIT, ''],
  ['政府采购支出总额', '', 21.07, null, null, '', ''],
  ['政府采购货物支出', '', 21.07, null, null, '', ''],
  ['政府采购工程支出', '', 0, null, null, '', ''],
  ['政府采购服务支出', '', 0, null, null, '', ''],
  ['面向中小企业预留项目预算金额', '', 21.07, null, null, '', ''],
  ['面向小微企业预留项目预算金额', '', 21.07, null, null, '', ''],
  ['中小企业预留项目中小企业成交金额', '', 21.07, null, null, '', ''],
  ['小微企业预留项目小微企业成交金额', '', 21.07, null, null, '', ''],
  ['其他项目中小企业成交金额', '', 21.07, null, null, '', ''],
  ['车辆总数', '', 0, null, null, '', ''],
  ['部级领导干部用车', '', 0, null, null, '', ''],
  ['主要领导干部用车', '', 0, null, null, '', ''],
  ['机要通信用车', '', 0, null, null, '', ''],
  ['应急保障用车', '', 0, null, null, '', ''],
  ['执法执勤用车', '', 0, null, null, '', ''],
  ['特种专业技术用车', '', 0, null, null, '', ''],
  ['离退休干部用车', '', 0, null, null, '', ''],
  ['其他用车', '', 0, null, null, '', ''],
  ['单价100万元（含）以上设备', '', 0, null, null, '', ''],
];

/** The sheet as a Grid (title, header, rows); `edit` may change rows first. */
export function shanghaiSupplementGrid(rows: Row[] = SHANGHAI_SUPPLEMENT_ROWS): Grid {
  const blank = (v: string | number | null) => (v === '' ? null : v);
  return {
    sheet: '补充信息',
    merges: [],
    cells: [['补充信息'], ['项目', '科目编码', '本年数', '上年数', '预算数', '原因说明', '主要用途'], ...rows.map((r) => r.map(blank))],
  };
}

/** The Shanghai fixture: its tables as printed, its text. */
export const SHANGHAI_FIXTURE = loadRealFixture('shanghai-putuo-shegongbu-2024');

/** The fixture's tables written as a real .xlsx and read back. */
export async function shanghaiTables(real: RealFixture = SHANGHAI_FIXTURE): Promise<Grid[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shanghai-'));
  return (await readGridsFromFile((await writeRealFixture(real, dir)).xlsx)).grids;
}

/** A “三公” row of figures used by the tests (预算数, 决算数 of 合计, 出国, 公车 小计 / 购置 / 运行, 接待). */
export const SAN_GONG_FIGURES = ['20', '15.5', '5', '0', '10', '11', '6', '6', '4', '5', '5', '4.5'];

/** The fixture with figures in its “三公” table, its empty-table note gone. */
export function shanghaiWithSanGong(row: string[] = SAN_GONG_FIGURES): RealFixture {
  const copy = JSON.parse(JSON.stringify(SHANGHAI_FIXTURE.tables)) as RealFixture['tables'];
  const sheet = copy.sheets.find((x) => x.name.includes('三公'))!;
  sheet.rows[6] = row;
  sheet.rows = sheet.rows.slice(0, 8);
  return { ...SHANGHAI_FIXTURE, tables: copy };
}

/** 补充信息 rows for 七（一）（二） with figures: the “三公” 上年数, reasons, counts and uses. */
export const SHANGHAI_SAN_GONG_ROWS: Row[] = [
  ['“三公”经费', '', null, 12, null, '', ''],
  ['“三公”经费预决算差异', '', null, null, null, '厉行节约，压减公务接待', ''],
  ['因公出国（境）费', '', null, 0, null, '', ''],
  ['公务用车购置及运行维护费', '', null, 8, null, '更新到期公务用车1辆', ''],
  ['公务接待费', '', null, 4, null, '承接市级检查增多', ''],
  ['因公出国（境）团组数', '', 0, null, null, '', ''],
  ['因公出国（境）人数', '', 0, null, null, '', ''],
  ['因公出国（境）开支内容', '', '无', null, null, '', ''],
  ['公务用车购置数', '', 1, null, null, '', ''],
  ['公务用车购置用途', '', '更新1辆到期公务用车', null, null, '', ''],
  ['公务用车运行维护用途', '', '车辆燃料、维修和保险', null, null, '', ''],
  ['公务用车保有量', '', 2, null, null, '', ''],
  ['国内公务接待费', '', 4, null, null, '上级部门检查指导工作', ''],
  ['外事接待费', '', 0.5, null, null, '', ''],
  ['国内公务接待批次', '', 10, null, null, '', ''],
  ['国内公务接待人次', '', 60, null, null, '', ''],
  ['外事接待批次', '', 1, null, null, '', ''],
  ['外事接待人数', '', 5, null, null, '', ''],
];
