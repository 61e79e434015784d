// The ribbon's 检查 / 生成说明 buttons hand their action to the task pane through the add-in's
// PluginStorage (shared by every page of one WPS add-in): the ribbon page leaves a command, the
// pane picks it up, clears it and presses its own button. Nothing else crosses between the pages.
import type { WpsApplication } from '../src/hosts/wps/api';

export const COMMAND_KEY = 'juesuan.command';
export const PANE_KEY = 'juesuan.taskpane';

export type PaneAction = 'check' | 'narrate';

/** The task pane button each command presses. */
export const ACTION_BUTTONS: Record<PaneAction, string> = { check: '检查', narrate: '生成说明' };

export function postCommand(app: WpsApplication, action: PaneAction): void {
  app.PluginStorage?.setItem(COMMAND_KEY, JSON.stringify({ action, at: Date.now() }));
}

/** The pending command (and clears it); undefined when there is none. */
export function takeCommand(app: WpsApplication): PaneAction | undefined {
  const storage = app.PluginStorage;
  if (!storage) return undefined;
  const raw = storage.getItem(COMMAND_KEY);
  if (typeof raw !== 'string' || raw === '') return undefined;
  storage.setItem(COMMAND_KEY, '');
  try {
    const { action } = JSON.parse(raw) as { action?: unknown };
    return action === 'check' || action === 'narrate' ? action : undefined;
  } catch {
    return undefined;
  }
}
