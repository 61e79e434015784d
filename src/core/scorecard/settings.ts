// Default ScoreSettings (domain.md §5.1, §5.4, §5.6). Every constant the checker uses lives here or
// in the rule lists; callers override any field with a Partial<ScoreSettings>.
import { DEPARTMENT_RULES, PROJECT_RULES } from './rules';
import type { ScoreSettings } from './types';

export const DEFAULT_SCORE_SETTINGS: ScoreSettings = {
  stepMode: 'linear',
  rateDecimals: 2,
  scoreDecimals: 2,
  scoreTolerance: '0',
  totalPoints: '100',
  bands: [
    { grade: '优', min: '90' },
    { grade: '良', min: '80' },
    { grade: '中', min: '60' },
    { grade: '差', min: '0' },
  ],
  gradeAliases: { 优秀: '优', 良好: '良', 中等: '中', 合格: '中', 较差: '差', 不合格: '差' },
  sanGongBasis: '决算数',
  sanGongIncludeT12: true,
  bareAmountYuanFrom: '10000',
  // A share of a whole: at most 100%. Not 控制率/变动率/增长率 (not in the list), nor 预算完成率
  // (against the 年初预算, which spending after an adjustment may exceed).
  boundedRates: ['完成率', '执行率', '覆盖率', '参与率', '参会率', '合格率', '达标率', '知晓率', '满意度', '满意率', '办结率', '受理率'],
  unboundedRates: ['预算完成率'],
  departmentRules: DEPARTMENT_RULES,
  projectRules: PROJECT_RULES,
};

export function resolveSettings(partial?: Partial<ScoreSettings>): ScoreSettings {
  return { ...DEFAULT_SCORE_SETTINGS, ...(partial ?? {}) };
}
