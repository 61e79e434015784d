// The Excel task pane page: waits for Office, builds the Excel host, renders the app.
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '../app/App';
import { ExcelHost } from '../../src/hosts/excel/host';
import { MINIMUM_EXCEL_API } from '../../src/hosts/excel/support';
import { userMessage } from '../app/errors';
import { Notice } from './Notice';

const root = createRoot(document.getElementById('root') as HTMLElement);

function render(node: React.ReactNode) {
  root.render(<React.StrictMode>{node}</React.StrictMode>);
}

async function start(): Promise<void> {
  if (typeof Office === 'undefined') {
    render(
      <Notice text="没有加载 Office。请在 Excel 的“决算助手”按钮中打开本页；不装加载项时，请使用同目录下的 standalone.html（浏览器版）。" />,
    );
    return;
  }
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Excel) {
    render(<Notice text="决算助手只能在 Excel 中使用。" />);
    return;
  }
  if (!Office.context.requirements.isSetSupported('ExcelApi', MINIMUM_EXCEL_API)) {
    render(
      <Notice
        text={`这个版本的 Excel 太旧（需要 ExcelApi ${MINIMUM_EXCEL_API}，即 Excel 2019 / Microsoft 365 或更新版本）。请升级 Office 后再试。`}
      />,
    );
    return;
  }
  try {
    const host = await ExcelHost.create();
    const notes = host.features.notes ? '' : ' · 审核意见写入“审核结果”表';
    const notice = host.features.merges
      ? undefined
      : '这个版本的 Excel 读不到合并单元格（需要 ExcelApi 1.13，即 Microsoft 365 或 Office 2021 及以上），个别表格中标签写在合并单元格里的行可能无法识别，结果中会以 READ 提示列出。可升级 Office，或改用浏览器版（standalone.html）核对。';
    render(<App host={host} subtitle={`Excel${notes}`} notice={notice} />);
  } catch (e) {
    console.error(e);
    render(<Notice text={userMessage(e, '打开决算助手')} />);
  }
}

void start();
