import { TEMPLATES } from '../templates';
import type { Template } from '../templates';

// Document-wide choices for the 第二部分 text. Defaults follow domain.md §4.1 recommendations;
// where the two seeds differ, style 'A' words like seed000 (资阳市, 2023) and 'B' like seed002 (安岳县, 2021).

export type ShareMode = 'independent' | 'largestRemainder' | 'plugLargest';

export interface NarrativeSettings {
  /** Decimals of every percentage (§4.1.2). */
  percentDecimals: 0 | 1 | 2;
  /** 97.0% (true, seed002) or 97% (false, seed000). */
  keepTrailingZeros: boolean;
  /** How the shares of one list are made to add to 100% (§4.1.3). */
  shareMode: ShareMode;
  /** Verb of a decrease percentage: “减少X万元，下降p%” or “…，减少p%” (§4.1.4). */
  decreaseVerb: '下降' | '减少';
  /**
   * Wording: 'A' (seed000) — “收、支总计均为…”, chart captions （图1…）…（图7…）, “主要变动原因：”;
   * 'B' (seed002) — “（其中包含上年结转…）”, no captions, “主要变动原因是”, “本部门”.
   */
  style: 'A' | 'B';
  /** 五（三） lists T06 rows at 项 level (S5, seed000) or 款 level (seed002). */
  detailLevel: '项' | '款';
  /** Leave zero items out of the lists of 二, 三, 五（二） (both seeds do). */
  omitZeroItems: boolean;
  /**
   * 类 names in 五（二）/五（三）: 'official' “一般公共服务支出（类）” (domain §4.2 recommendation), or
   * 'seed' as both seeds print them: “一般公共服务（类）支出…”, “社会保障和就业（类）支出…”.
   */
  classNames: 'official' | 'seed';
  /** The template this workbook follows (src/core/templates id); absent: detected from the tables and the text. */
  template?: string;
}

export const DEFAULT_SETTINGS: NarrativeSettings = {
  percentDecimals: 1,
  keepTrailingZeros: true,
  shareMode: 'largestRemainder',
  decreaseVerb: '下降',
  style: 'A',
  detailLevel: '项',
  omitZeroItems: true,
  classNames: 'official',
};

/** Defaults overlaid with the given values; invalid values fall back to the default. */
export function resolveSettings(partial: Partial<NarrativeSettings> = {}): NarrativeSettings {
  const pick = <K extends keyof NarrativeSettings>(key: K, allowed: readonly NarrativeSettings[K][]): NarrativeSettings[K] => {
    const v = partial[key];
    return v !== undefined && allowed.includes(v) ? v : DEFAULT_SETTINGS[key];
  };
  return {
    percentDecimals: pick('percentDecimals', [0, 1, 2]),
    keepTrailingZeros: pick('keepTrailingZeros', [true, false]),
    shareMode: pick('shareMode', ['independent', 'largestRemainder', 'plugLargest']),
    decreaseVerb: pick('decreaseVerb', ['下降', '减少']),
    style: pick('style', ['A', 'B']),
    detailLevel: pick('detailLevel', ['项', '款']),
    omitZeroItems: pick('omitZeroItems', [true, false]),
    classNames: pick('classNames', ['official', 'seed']),
    ...(partial.template && TEMPLATES.some((t) => t.id === partial.template) ? { template: partial.template } : {}),
  };
}

/**
 * A template's own number formats and share/completion choices beneath the workbook's remembered
 * settings: a Shanghai workbook without settings writes two decimals and no 100% adjustment.
 */
export function settingsForTemplate(template: Template, partial: Partial<NarrativeSettings> = {}): NarrativeSettings {
  return resolveSettings({ ...template.narrative.settings, ...partial });
}

/** The settings that reproduce each seed's wording as closely as the rules allow. */
export const SEED_STYLE_A: Partial<NarrativeSettings> = {
  style: 'A',
  keepTrailingZeros: false,
  shareMode: 'plugLargest',
  decreaseVerb: '减少',
  detailLevel: '项',
  classNames: 'seed',
};
export const SEED_STYLE_B: Partial<NarrativeSettings> = {
  style: 'B',
  keepTrailingZeros: true,
  shareMode: 'largestRemainder',
  decreaseVerb: '下降',
  detailLevel: '款',
  classNames: 'seed',
};
