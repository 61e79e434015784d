// The rule ids of the text check (interfaces.md §3: textcheck findings start with TXT).
export const TXT_RULES = {
  'TXT-AMOUNT': '金额与附表或补充信息不符（过期或抄错的数字）',
  'TXT-COUNT': '个数（辆、人、批次、项目数）与补充信息不符',
  'TXT-SHARE': '占比与附表算出的不符；为凑足100%而调整一个显示单位的为提示',
  'TXT-CHANGE': '增减额或增减百分比与本年、上年数算出的不符，或缺少百分比',
  'TXT-DIRECTION': '方向词与数字矛盾（实际减少却写“增加”，“决算数小于预算数”但决算更大，增减为0却写“增加0万元”）',
  'TXT-RATE': '完成预算百分比与决算数÷预算数不符，或预算为0时仍写完成率',
  'TXT-SUM': '所列各项之和与所述合计不符（提示）；合计的增减与各项增减矛盾',
  'TXT-TEMPLATE': '未删除的模板选项或占位符（增加/减少、增长/下降、XX、待填、【请填写…】）',
  'TXT-PLACEHOLDER': '生成说明时留下的【请填写…】标记：补充信息仍缺时归入“待补充”（NEED），已补齐时提示重新生成',
  'TXT-UNIT': '金额缺少单位“万元”或单位不是万元',
  'TXT-PCTFMT': '同一文档中百分数格式不统一（98%与97.0%、两位小数）',
  'TXT-SAME': '同一数字在文中两处写法不一致，而附表和补充信息都没有这一数字（两处都列出，不说哪处“应为”）',
  'TXT-CARS': '一处写公务用车保有量0辆，另一处又写有车辆（提示）',
  'TXT-VERB': '减少的百分比“减少”“下降”混用（提示）',
  'TXT-PUNCT': '段落末尾缺少句号（提示）',
  'TXT-HEADING': '标题缺少序号或序号不对',
} as const;

export type TxtRule = keyof typeof TXT_RULES;
