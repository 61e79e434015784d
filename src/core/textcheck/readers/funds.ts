// 八、政府性基金预算 and 九、国有资本经营预算: one amount each.
import { findAmount } from '../patterns';
import type { Reader } from '../reader';
import type { Para } from '../types';

function readFund(paras: Para[], r: Reader, fund: '政府性基金' | '国有资本经营'): void {
  const fact = r.facts.fundSpending(fund);
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, `${fund}预算(?:财政)?拨款支出(?:决算)?(?:数)?(?:为)?`);
    if (found) r.amount(p, found, `${fund}预算财政拨款支出`, fact);
  }
}

export const readEight = (paras: Para[], r: Reader) => readFund(paras, r, '政府性基金');
export const readNine = (paras: Para[], r: Reader) => readFund(paras, r, '国有资本经营');
