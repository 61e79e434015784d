// The ribbon of the WPS add-in (ribbon.xml): a 决算助手 tab whose buttons open the task pane
// (taskpane.html of this folder, in a WPS task pane made by CreateTaskPane). 检查 and 生成说明
// also leave their action for the pane to run (./commands). WPS calls these functions by the
// names ribbon.xml gives them, on the window of the add-in's entry page (index.html).
import { HostError } from '../src/hosts/host';
import { wpsApplication } from '../src/hosts/wps/app';
import type { WpsApplication, WpsTaskPane } from '../src/hosts/wps/api';
import { PANE_KEY, postCommand } from './commands';
import type { PaneAction } from './commands';

interface RibbonControl {
  Id: string;
}

interface WpsGlobal {
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: string | number): WpsTaskPane | null | undefined;
}

const host = window as unknown as Window & { wps?: WpsGlobal };

const TITLE = '决算助手';

function app(): WpsApplication {
  const a = wpsApplication(host);
  if (!a) throw new HostError('决算助手只能在 WPS 表格中使用。');
  return a;
}

/** This page's folder: the task pane page sits beside it (http(s): or file: alike). */
export function baseUrl(href: string = host.location.href): string {
  return href.replace(/[?#].*$/, '').replace(/[^/]*$/, '');
}

function createPane(a: WpsApplication): WpsTaskPane {
  const url = `${baseUrl()}taskpane.html`;
  if (a.CreateTaskPane) return a.CreateTaskPane(url, TITLE);
  if (host.wps?.CreateTaskPane) return host.wps.CreateTaskPane(url, TITLE);
  throw new HostError('这个版本的 WPS 不能打开任务窗格。请升级 WPS Office。');
}

function existingPane(a: WpsApplication): WpsTaskPane | undefined {
  const id = a.PluginStorage?.getItem(PANE_KEY);
  if (id === null || id === undefined || id === '') return undefined;
  try {
    return (a.GetTaskPane?.(id as string) ?? host.wps?.GetTaskPane?.(id as string)) || undefined;
  } catch {
    return undefined; // closed with its window
  }
}

/** Shows the task pane (made once, then shown and hidden). */
export function showPane(toggle = false): WpsTaskPane {
  const a = app();
  let pane = existingPane(a);
  if (!pane) {
    pane = createPane(a);
    a.PluginStorage?.setItem(PANE_KEY, pane.ID);
    pane.Visible = true;
    return pane;
  }
  pane.Visible = toggle ? !pane.Visible : true;
  return pane;
}

const ACTIONS: Record<string, PaneAction | undefined> = { juesuanCheck: 'check', juesuanNarrate: 'narrate' };

function onAddinLoad(ribbonUI: unknown): boolean {
  try {
    const a = app() as WpsApplication & { ribbonUI?: unknown };
    if (typeof a.ribbonUI !== 'object') a.ribbonUI = ribbonUI;
  } catch {
    // not in WPS: nothing to remember
  }
  return true;
}

function onAction(control: RibbonControl): boolean {
  try {
    const action = ACTIONS[control.Id];
    if (action) {
      postCommand(app(), action);
      showPane();
    } else if (control.Id === 'juesuanPane') showPane(true);
  } catch (e) {
    host.alert(e instanceof HostError ? e.message : '打开决算助手时出错。请重新启动 WPS 表格后再试。');
  }
  return true;
}

const IMAGES: Record<string, string> = {
  juesuanPane: 'images/icon-32.png',
  juesuanCheck: 'images/icon-32.png',
  juesuanNarrate: 'images/icon-32.png',
};

function getImage(control: RibbonControl): string {
  return IMAGES[control.Id] ?? 'images/icon-32.png';
}

function onGetEnabled(): boolean {
  return true;
}

Object.assign(host, { OnAddinLoad: onAddinLoad, OnAction: onAction, GetImage: getImage, OnGetEnabled: onGetEnabled });
