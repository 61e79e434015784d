// TXT-UNIT: an amount printed without 万元 (seed002: “支出决算数为 933.55，完成预算…”) or in
// another unit. A number counts as an amount when it has decimals or follows an amount word.
import type { Finding } from '../../finding';
import { cellsOf, finding, place } from '../message';
import type { Para } from '../types';

const NUMBER = /(?<![\d.])\d+(?:\.\d+)?(?![\d.])/g;
const OK_AFTER =
  /^(?:万元|亿元|万(?=人|份|册|次|户|平方米|亩|字)|%|‰|亩|公顷|千瓦|年|月|日|号|辆|人次|人|次|批次|批|个|台|套|项|家|届|名|户|条|件|份|天|期|部|篇|所|座|处|岁|小时|倍|季度|周|级|类|款|平方米|米|公里|千米|吨|册|本|张|页|间|栋|宗|场|轮|课时|学时|分)/;
const PERCENT_WORD = /(?:占[^，。；\d]*?的?|完成(?:调整)?预算(?:数)?的?|增长|下降)$/;
const AMOUNT_WORD = /(?:为|支出|合计|总计|收入|结转|经费|金额|增加|减少|决算|预算|总额)$/;

export function checkUnits(paras: Para[]): Finding[] {
  const out: Finding[] = [];
  for (const p of paras) {
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(p.text); m; m = NUMBER.exec(p.text)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = p.text.slice(0, start);
      const after = p.text.slice(end);
      if (OK_AFTER.test(after) || isItemNumber(before, after) || insideTitle(before) || /[图第]$/.test(before)) continue;
      const context = `${before.slice(-16).replace(/^.*[，。；：、年]/, '')}${m[0]}`;
      if (/^元/.test(after) && AMOUNT_WORD.test(before)) {
        out.push(finding('TXT-UNIT', 'warning', `${place(p)}“${context}元”的单位是元，说明中的金额应以万元为单位。`, cellsOf([p])));
      } else if (PERCENT_WORD.test(before)) {
        out.push(finding('TXT-UNIT', 'warning', `${place(p)}“${context}”缺少百分号，应写“${context}%”。`, cellsOf([p])));
      } else if (m[0].includes('.') || AMOUNT_WORD.test(before)) {
        out.push(finding('TXT-UNIT', 'warning', `${place(p)}“${context}”缺少单位，应写“${context}万元”。`, cellsOf([p])));
      }
    }
  }
  return out;
}

/** “1．…”, “2. …”, “（1）”: the number of a list item. */
function isItemNumber(before: string, after: string): boolean {
  return (before === '' && /^[．.、）]/.test(after)) || (/（$/.test(before) && /^）/.test(after));
}

/** Inside 《…》. */
function insideTitle(before: string): boolean {
  return before.lastIndexOf('《') > before.lastIndexOf('》');
}
