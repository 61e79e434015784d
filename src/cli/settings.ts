// The narrative settings the task pane remembered in this workbook (very hidden _juesuan_settings sheet).
import type { Grid } from '../core/grid';
import { cellAt } from '../core/grid';
import type { NarrativeSettings } from '../core/narrative';
import { parseSettings, SETTINGS_SHEET } from '../hosts/host';
import { findTemplate, TEMPLATES } from '../core/templates';
import { UsageError } from './errors';

export function settingsFromGrids(grids: Grid[]): Partial<NarrativeSettings> | undefined {
  const sheet = grids.find((g) => g.sheet === SETTINGS_SHEET);
  return sheet ? parseSettings(cellAt(sheet, 0, 0)) : undefined;
}

/** --template wins over the template remembered in the workbook; an unknown id is a usage error. */
export function templateOption(cli: string | undefined, remembered: Partial<NarrativeSettings> | undefined): string | undefined {
  if (cli !== undefined) {
    const t = findTemplate(cli);
    if (!t) throw new UsageError(`未知的模板“${cli}”。可用的模板：${TEMPLATES.map((x) => `${x.id}（${x.name}）`).join('、')}。`);
    return t.id;
  }
  return remembered?.template && findTemplate(remembered.template) ? remembered.template : undefined;
}
