// The narrative settings the task pane remembered in this workbook (very hidden _juesuan_settings sheet).
import type { Grid } from '../core/grid';
import { cellAt } from '../core/grid';
import type { NarrativeSettings } from '../core/narrative';
import { parseSettings, SETTINGS_SHEET } from '../hosts/host';

export function settingsFromGrids(grids: Grid[]): Partial<NarrativeSettings> | undefined {
  const sheet = grids.find((g) => g.sheet === SETTINGS_SHEET);
  return sheet ? parseSettings(cellAt(sheet, 0, 0)) : undefined;
}
