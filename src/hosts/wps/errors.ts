// Errors out of the WPS JSAPI → one Chinese sentence saying what happened and what to do. The
// JSAPI throws plain JS errors whose text is WPS's own (often empty or in English); the raw error
// is kept as `cause` for the console, never shown.
import type { HostErrorCode } from '../host';
import { HostError, isHostError } from '../host';

const HINTS: [RegExp, string, HostErrorCode][] = [
  [/protect|保护/i, '工作表或工作簿受保护，无法写入。请在“审阅”选项卡中撤销保护后再试。', 'protected'],
  [/edit mode|编辑状态|正在编辑/i, 'WPS 表格正在编辑单元格。请按 Enter 或 Esc 结束编辑后再点一次。', 'busy'],
  [/merge|合并/i, '要写入的单元格在合并区域内。请先取消合并后再试。', 'failed'],
  [/read.?only|只读/i, '工作簿是只读的，无法写入。请另存一份或取消只读后再试。', 'protected'],
];

/** Any error from a JSAPI call → a HostError with a Chinese message. */
export function toHostError(e: unknown): HostError {
  if (isHostError(e)) return e as HostError;
  const text = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  for (const [re, message, code] of HINTS) if (re.test(text)) return new HostError(message, e, code);
  return new HostError(
    '与 WPS 表格通信时出错，操作没有完成。若正在编辑单元格，请先按 Enter 或 Esc；仍失败时请保存工作簿，关闭再重新打开“决算助手”。',
    e,
  );
}

export const NO_WORKBOOK = '没有打开的工作簿。请先在 WPS 表格中打开决算工作簿，再点一次。';
