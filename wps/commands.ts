// The ribbon's 检查 / 生成说明 buttons hand their action to the task pane through the add-in's
// PluginStorage (shared by every page of one WPS add-in): the ribbon page leaves a command, the
// pane picks it up, clears it and runs the action through the action runner (src/app/runner).
// Nothing else crosses between the pages.
import type { ActionId } from '../src/app/runner';
import type { WpsApplication } from '../src/hosts/wps/api';

export const COMMAND_KEY = 'juesuan.command';
export const PANE_KEY = 'juesuan.taskpane';

/** The runner actions the ribbon can ask for. */
export type PaneAction = Extract<ActionId, 'check' | 'narrate'>;

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
