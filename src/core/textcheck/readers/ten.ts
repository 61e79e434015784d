// 十、其他重要事项: （一）机关运行经费 and its change; （二）政府采购 amounts and shares;
// （三）vehicles by category and large equipment; （四）绩效 project counts. All from 补充信息.
import type { Found } from '../patterns';
import { dec, findAmount, findCount, findPct } from '../patterns';
import type { Reader } from '../reader';
import { operand } from '../reader';
import type { AmountClaim, CountClaim, Para } from '../types';
import { VEHICLE_ALIASES, VEHICLE_CATEGORIES } from '../../supplement/rows';

export function readTenOne(paras: Para[], r: Reader): void {
  const cur = r.facts.supp('机关运行经费', '本年数');
  for (const p of paras) {
    if (p.heading) continue;
    const found = findAmount(p.text, /运行经费支出(?:决算)?(?:为)?/);
    if (found) r.amount(p, found, '机关运行经费', cur);
    r.changes(
      p,
      p.text.slice(found?.end ?? 0),
      '机关运行经费',
      operand('机关运行经费', cur, found?.value),
      r.facts.supp('机关运行经费', '上年数'),
    );
  }
}

const PURCHASE_KINDS = ['政府采购货物支出', '政府采购工程支出', '政府采购服务支出'];

/** How each 补充信息 row is led in the text: the Sichuan words, then Shanghai's (“货物采购金额”). */
const PURCHASE_LEADS: Record<string, string> = {
  政府采购支出总额: '政府采购(?:支出总额|金额（以合同签订为准）)',
  政府采购货物支出: '(?:政府采购货物支出|货物采购金额)',
  政府采购工程支出: '(?:政府采购工程支出|工程采购金额)',
  政府采购服务支出: '(?:政府采购服务支出|服务采购金额)',
  面向中小企业预留项目预算金额: '面向中小企业预留政府采购项目预算金额',
  面向小微企业预留项目预算金额: '面向小微企业预留政府采购项目预算金额',
  中小企业预留项目中小企业成交金额: '在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额',
  小微企业预留项目小微企业成交金额: '在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额',
  其他项目中小企业成交金额: '在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额',
};

export function readTenTwo(paras: Para[], r: Reader): void {
  const totalFact = r.facts.supp('政府采购支出总额', '本年数');
  for (const p of paras) {
    if (p.heading) continue;
    const amount = (label: string) => {
      const found = findAmount(p.text, `${PURCHASE_LEADS[label] ?? label}(?:为)?`);
      return found ? { found, claim: r.amount(p, found, label, r.facts.supp(label, '本年数')) } : undefined;
    };
    const total = amount('政府采购支出总额')?.claim;
    const kinds = PURCHASE_KINDS.map((k) => amount(k)?.claim).filter((x): x is AmountClaim => x !== undefined);
    for (const label of Object.keys(PURCHASE_LEADS).slice(PURCHASE_KINDS.length + 1)) amount(label);
    r.sum('政府采购货物、工程、服务支出', total, kinds);
    const sme = amount('授予中小企业合同金额');
    const of = {
      政府采购支出总额: operand('政府采购支出总额', totalFact, total?.value),
      ...(sme ? { 授予中小企业合同金额: operand('授予中小企业合同金额', sme.claim.fact, sme.claim.value) } : {}),
    };
    for (const [label, part] of [
      ['授予中小企业合同金额', sme],
      ['授予小微企业合同金额', amount('授予小微企业合同金额')],
    ] as const) {
      if (!part) continue;
      // the share of 小微企业 may be of 中小企业 (“占授予中小企业合同金额的60.02%”)
      const share = findPct(p.text, /，?占(?:政府采购支出总额|授予中小企业合同金额)的?/, part.found.end);
      if (share && share.index <= part.found.end + 1) {
        const whole = share.token.includes('授予中小企业合同金额') ? of.授予中小企业合同金额 : of.政府采购支出总额;
        if (whole) r.share(p, share, operand(label, part.claim.fact, part.claim.value), whole);
      }
    }
  }
}

/** Each 车辆总数 category as the text may write it (its aliases first): the 补充信息 row it is checked against. */
const VEHICLE_LEADS = VEHICLE_CATEGORIES.map((label) => ({ label, lead: [...(VEHICLE_ALIASES[label] ?? []), label].join('|') }));

export function readTenThree(paras: Para[], r: Reader): void {
  for (const p of paras) {
    if (p.heading) continue;
    const count = (lead: string, counter: string, label: string): CountClaim | undefined => {
      const found = findCount(p.text, lead, counter);
      return found ? r.count(p, found, label, r.facts.supp(label, '本年数')) : undefined;
    };
    const total = count('共有车辆', '辆', '车辆总数');
    const kinds = VEHICLE_LEADS.map((v) => count(v.lead, '辆', v.label)).filter((x): x is CountClaim => x !== undefined);
    r.sum('各类车辆', total, kinds);
    count('单价50万元以上通用设备', '台', '单价50万元以上通用设备');
    count('单价100万元以上专用设备(?:（不含车辆）)?', '台', '单价100万元以上专用设备');
    count('单价100万元（含）以上设备（不含车辆）', '台', '单价100万元（含）以上设备');
  }
}

const PERFORMANCE: [RegExp, string][] = [
  [/(\d+)个项目开展了?(?:预算)?事前绩效评估/, '事前绩效评估项目数'],
  [/(\d+)个项目编制了?绩效目标/, '绩效目标项目数'],
  [/(\d+)个项目开展了?绩效监控/, '绩效监控项目数'],
  [/(\d+)个项目开展了?绩效(?:目标完成情况)?自评/, '绩效自评项目数'],
  [/(\d+)个项目进行了?(?:决算)?公开/, '绩效公开项目数'],
];

/** Shanghai's 十、预算绩效管理情况: “编报绩效目标的2024年度项目1个，涉及预算金额175.52万元；…”. */
const SHANGHAI_PERFORMANCE: [RegExp, string, string?][] = [
  [/编报绩效目标的\d{4}年度项目(\d+)个/, '绩效目标项目数', '绩效目标涉及预算金额'],
  [/绩效跟踪评价的\d{4}年度项目(\d+)个/, '绩效跟踪评价项目数', '绩效跟踪评价涉及预算金额'],
  [/绩效自评的\d{4}年度项目(\d+)个/, '绩效自评项目数', '绩效自评涉及预算金额'],
  [/平均得分(\d+(?:\.\d+)?)分/, '绩效自评平均得分'],
  [/绩效评级为优的项目(\d+)个/, '绩效评级为优的项目数'],
  [/绩效评级为良的项目(\d+)个/, '绩效评级为良的项目数'],
  [/绩效评级为合格的项目(\d+)个/, '绩效评级为合格的项目数'],
  [/绩效评级为不合格的项目(\d+)个/, '绩效评级为不合格的项目数'],
  [/共发现问题(\d+)个/, '绩效自评发现问题数'],
  [/已经完成整改的(\d+)个/, '绩效自评问题已整改数'],
  [/正在整改的(\d+)个/, '绩效自评问题正在整改数'],
];

function readShanghaiPerformance(p: Para, r: Reader): void {
  for (const [re, label, amountLabel] of SHANGHAI_PERFORMANCE) {
    const m = re.exec(p.text);
    if (!m) continue;
    r.count(p, found(m[0], m[1], m.index), label, r.facts.supp(label, '本年数'));
    if (!amountLabel) continue;
    const at = m.index + m[0].length;
    const money = /^，涉及预算金额(\d+(?:\.\d+)?)万元/.exec(p.text.slice(at));
    if (money) r.amount(p, found(money[0], money[1], at), amountLabel, r.facts.supp(amountLabel, '本年数'));
  }
}

export function readTenFour(paras: Para[], r: Reader): void {
  for (const p of paras) {
    if (p.heading) continue;
    readShanghaiPerformance(p, r);
    for (const [re, label] of PERFORMANCE) {
      const m = re.exec(p.text);
      if (m) r.count(p, found(m[0], m[1], m.index), label, r.facts.supp(label, '本年数'));
    }
    const none = /无达到事前绩效评估条件(?:的)?项目/.exec(p.text);
    if (none) r.count(p, found(none[0], '0', none.index), '事前绩效评估项目数', r.facts.supp('事前绩效评估项目数', '本年数'));
  }
}

function found(token: string, number: string, index: number): Found {
  return { value: dec(number), number, token, index, end: index + token.length, hasUnit: true };
}
