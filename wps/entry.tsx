// The task pane page of the WPS add-in (taskpane.html): the same React app as the Excel task
// pane and the standalone page, with the WPS host injected. WPS gives the page
// window.Application (also wps.EtApplication()); without it the page says where to use it.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../taskpane/app/App';
import { Notice } from '../taskpane/excel/Notice';
import { WpsHost, wpsApplication } from '../src/hosts/wps/host';
import type { WpsApplication } from '../src/hosts/wps/api';
import { ACTION_BUTTONS, takeCommand } from './commands';

const root = createRoot(document.getElementById('root') as HTMLElement);

function render(node: React.ReactNode) {
  root.render(<React.StrictMode>{node}</React.StrictMode>);
}

/** Presses the pane's button for a command the ribbon left (once it is enabled). */
function watchCommands(app: WpsApplication): void {
  let pending: string | undefined;
  const tick = () => {
    if (!pending) {
      const action = takeCommand(app);
      if (action) pending = ACTION_BUTTONS[action];
    }
    if (!pending) return;
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === pending);
    if (button && !button.disabled) {
      pending = undefined;
      button.click();
    }
  };
  window.setInterval(tick, 300);
  tick();
}

function start(): void {
  const app = wpsApplication(window);
  if (!app) {
    render(<Notice text="没有检测到 WPS 表格。请在 WPS 表格“决算助手”选项卡中打开本页；不装加载项时，可使用浏览器版（standalone.html）。" />);
    return;
  }
  const host = new WpsHost(app);
  render(<App host={host} subtitle="WPS 表格" />);
  watchCommands(app);
}

start();
