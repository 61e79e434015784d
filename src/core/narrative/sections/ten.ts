// 十、其他重要事项的情况说明: （一）机关运行经费 （二）政府采购 （三）国有资产 （四）预算绩效管理.
// All inputs come from the 补充信息 sheet (they are not in the 14 附表).
import type { NarrativeContext, TextValue } from '../context';
import { changeOf } from '../change';
import type { Value } from '../paragraph';
import type { Paragraph, Section } from '../types';
import { ParagraphBuilder, section, stripLead, writeChangeOrPlaceholder, writeReason, writeSingleShare, writeText } from './common';
import { tenFromForms } from './ten-forms';

function writeUnit(p: ParagraphBuilder, unit: TextValue): void {
  if (unit.ok) p.add(unit.text);
  else p.placeholder(unit.placeholder, unit.cells);
}

/** （一）“{Y}年，机关运行经费支出{X}万元，比{Y-1}年{change}，主要原因是{reason}。” */
export function sectionTenOne(ctx: NarrativeContext): Section {
  const fromForms = tenFromForms(ctx, '十（一）');
  if (fromForms) return fromForms;
  const cur = ctx.suppValue('机关运行经费', '本年数');
  const prev = ctx.suppValue('机关运行经费', '上年数');
  const change = changeOf(cur, prev);
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年，`);
  if (ctx.style === 'A') p.add('机关运行经费支出');
  else {
    writeUnit(p, ctx.unitName());
    p.add('运行经费支出');
  }
  p.amount(cur).add('万元，');
  if (change?.kind === 'flat') {
    p.add(`与${ctx.prevYearText}年持平。`);
  } else {
    p.add(`比${ctx.prevYearText}年`);
    writeChangeOrPlaceholder(p, ctx, change, cur, prev);
    p.add(ctx.style === 'A' ? '，' : '。');
    const because = change ? `机关运行经费较上年${change.kind === 'increase' ? '增加' : '减少'}` : '机关运行经费较上年有变动时';
    writeReason(p, '主要原因是', ctx.reason('机关运行经费', true, because));
  }
  return section(ctx, '十（一）', [p.build()]);
}

/** （二）政府采购: total, its three kinds, 主要用于…, 中小企业 / 小微企业 shares of the total. */
export function sectionTenTwo(ctx: NarrativeContext): Section {
  const fromForms = tenFromForms(ctx, '十（二）');
  if (fromForms) return fromForms;
  const total = ctx.suppValue('政府采购支出总额', '本年数');
  const p = ctx.paragraph();
  p.add(`${ctx.yearText}年，`);
  writeUnit(p, ctx.unitName());
  p.add('政府采购支出总额').amount(total).add('万元，其中：');
  (['政府采购货物支出', '政府采购工程支出', '政府采购服务支出'] as const).forEach((label, i) => {
    if (i > 0) p.add('、');
    p.add(label).amount(ctx.suppValue(label, '本年数')).add('万元');
  });
  p.add('。');
  const use = ctx.note('政府采购支出总额');
  if (use) {
    p.add('主要用于');
    writeText(p, stripLead(use, '主要用于'));
    p.add('。');
  }
  const sme = ctx.suppValue('授予中小企业合同金额', '本年数');
  const micro = ctx.suppValue('授予小微企业合同金额', '本年数');
  // a 0/0 share (no procurement) prints as 0%, like both seeds
  p.add('授予中小企业合同金额').amount(sme).add('万元，占政府采购支出总额的');
  writeSingleShare(p, ctx, sme, total);
  p.add('，其中：授予小微企业合同金额').amount(micro).add('万元，占政府采购支出总额的');
  writeSingleShare(p, ctx, micro, total);
  p.add('。');
  return section(ctx, '十（二）', [p.build()]);
}

/**
 * （三）车辆 by category and large equipment. Style A (seed000) lists four categories and adds
 * 执法执勤用车 / 特种专业技术用车 only when they are non-zero; style B (seed002) lists all six.
 */
export function sectionTenThree(ctx: NarrativeContext): Section {
  const fromForms = tenFromForms(ctx, '十（三）');
  if (fromForms) return fromForms;
  const p = ctx.paragraph();
  p.add(`截至${ctx.yearText}年12月31日，`);
  writeUnit(p, ctx.unitName());
  p.add('共有车辆').count(ctx.suppValue('车辆总数', '本年数')).add('辆，其中：');
  const categories = ['主要领导干部用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '其他用车'];
  const optionalInA = new Set(['执法执勤用车', '特种专业技术用车']);
  const shown = categories.filter((c) => {
    if (ctx.style === 'B' || !optionalInA.has(c)) return true;
    const v = ctx.row(c)?.本年数;
    return v !== undefined && !v.value.isZero();
  });
  shown.forEach((c, i) => {
    if (i > 0) p.add('、');
    p.add(c).count(ctx.suppValue(c, '本年数')).add('辆');
  });
  p.add('。');
  const other = ctx.note('其他用车');
  if (other) {
    p.add('其中：其他用车主要是');
    writeText(p, stripLead(other, '其他用车主要是'));
    p.add('。');
  }
  const general = ctx.suppValue('单价50万元以上通用设备', '本年数');
  const special = ctx.suppValue('单价100万元以上专用设备', '本年数');
  const paragraphs: Paragraph[] = [];
  if (ctx.style === 'A') {
    p.add('单价50万元以上通用设备').count(general).add('台，单价100万元以上专用设备（不含车辆）').count(special).add('台（套）。');
    paragraphs.push(p.build());
  } else {
    const q = ctx.paragraph();
    q.add('单价50万元以上通用设备').count(general).add('台（套），单价100万元以上专用设备').count(special).add('台（套）。');
    paragraphs.push(p.build(), q.build());
  }
  return section(ctx, '十（三）', paragraphs);
}

function isZero(v: Value): boolean {
  return v.ok && v.value.isZero();
}

/** （四）预算绩效管理: counts of 事前评估 / 绩效目标 / 绩效监控 / 自评 / 公开 projects. */
export function sectionTenFour(ctx: NarrativeContext): Section {
  const fromForms = tenFromForms(ctx, '十（四）');
  if (fromForms) return fromForms;
  const p = ctx.paragraph();
  p.add(`根据预算绩效管理要求，${ctx.style === 'A' ? '本单位' : '本部门'}在${ctx.yearText}年度预算编制阶段，`);
  const prior = ctx.suppValue('事前绩效评估项目数', '本年数');
  if (isZero(prior)) {
    p.add('无达到事前绩效评估条件项目，因此未组织开展项目事前绩效评估；组织对');
  } else {
    p.add('组织对');
    const names = ctx.note('事前绩效评估项目数');
    if (names) {
      writeText(p, names);
      p.add('等');
    }
    p.count(prior).add('个项目开展了预算事前绩效评估，对');
  }
  p.count(ctx.suppValue('绩效目标项目数', '本年数'))
    .add('个项目编制了绩效目标，预算执行过程中，选取')
    .count(ctx.suppValue('绩效监控项目数', '本年数'))
    .add('个项目开展绩效监控，年终执行完毕后，对')
    .count(ctx.suppValue('绩效自评项目数', '本年数'))
    .add('个项目开展了绩效目标完成情况自评');
  const published = ctx.suppValue('绩效公开项目数', '本年数');
  if (!isZero(published)) p.add('，选取').count(published).add('个项目进行决算公开');
  p.add('。');
  const closing = ctx.note('绩效公开项目数');
  if (closing) {
    writeText(p, closing);
    p.add('。');
  }
  return section(ctx, '十（四）', [p.build()]);
}
