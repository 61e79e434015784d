// X24: a “三公” item in the 基本支出 table's economic classification cannot exceed the same item
// in the “三公” table (T10 covers 基本支出 and 项目支出 of the same 一般公共预算财政拨款).
import type { Rule } from './types';

/** T10 决算数 column ↔ 部门预算支出经济分类 款 of T08 (政府收支分类科目: 30212, 30217, 30231, 31013). */
export const SAN_GONG_ECONOMIC: readonly [string, string, string][] = [
  ['因公出国（境）费', '30212', '因公出国（境）费用'],
  ['公务接待费', '30217', '公务接待费'],
  ['公务用车运行费', '30231', '公务用车运行维护费'],
  ['公务用车购置费', '31013', '公务用车购置'],
];

export const SAN_GONG_ECONOMIC_RULES: Rule[] = SAN_GONG_ECONOMIC.map(([item, code, name]): Rule => ({
  id: 'X24',
  severity: 'warning',
  tolerance: 'copy',
  compare: 'le',
  description: `基本支出决算表${code} ${name} ≤ “三公”经费支出决算表决算数${item}`,
  note: '基本支出中的“三公”支出不应超过“三公”经费支出决算表的同项决算数，请核对两表',
  left: [`T08[${code}].金额`],
  right: [`T10[决算数].${item}`],
}));
