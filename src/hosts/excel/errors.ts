// Office.js errors → one Chinese sentence saying what happened and what to do. The raw error is
// kept as `cause` for the console, never shown.
import type { HostErrorCode } from '../host';
import { HostError, isHostError } from '../host';

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
  debugInfo?: { code?: unknown; errorLocation?: unknown };
}

// The codes are Excel.ErrorCodes (@types/office-js index.d.ts:70124–70163).
const MESSAGES: Record<string, [HostErrorCode, string]> = {
  InvalidOperationInCellEditMode: ['busy', 'Excel 正在编辑单元格。请按 Enter 或 Esc 结束编辑后再点一次。'],
  AccessDenied: ['protected', '工作簿或工作表受保护，无法写入。请在“审阅”选项卡中撤销工作表保护后再试。'],
  ItemNotFound: ['missingSheet', '找不到要操作的工作表或单元格，工作簿可能刚被修改（例如工作表被重命名或删除）。请再点一次。'],
  ItemAlreadyExists: ['sheetExists', '已有同名工作表，无法新建。请重命名那张工作表后再试。'],
  InvalidReference: ['missingSheet', '单元格地址无效，工作簿可能刚被修改。请再点一次“检查”。'],
  InvalidArgument: ['failed', 'Excel 拒绝了这次写入（参数无效）。请确认工作表未受保护、单元格未合并后再试。'],
  InvalidOperation: ['failed', 'Excel 当前不允许这个操作（例如工作簿处于只读或共享审阅状态）。请确认可以编辑后再试。'],
  InsertDeleteConflict: ['busy', '工作表的插入或删除与其他操作冲突。请稍后再试。'],
  Conflict: ['busy', '工作簿正被其他人同时编辑，写入发生冲突。请稍后再点一次。'],
  ActivityLimitReached: ['busy', 'Excel 暂时繁忙（操作过于频繁）。请稍等几秒后再试。'],
  RequestAborted: ['busy', '操作被 Excel 中止。请再点一次。'],
  ServiceNotAvailable: ['busy', 'Excel 服务暂时不可用。请检查网络后再试。'],
  Unauthenticated: ['failed', '登录状态已失效。请重新登录 Office 后再试。'],
  FilteredRangeConflict: ['failed', '筛选状态下无法写入。请先清除工作表上的筛选后再试。'],
  MergedRangeConflict: ['failed', '要写入的单元格在合并区域内。请先取消合并后再试。'],
  RequestPayloadSizeLimitExceeded: [
    'tooLarge',
    '一次要写入的内容超出了 Excel 的单次传输上限（Excel 网页版约 5 MB）。请分几次操作，或在桌面版 Excel 中使用。',
  ],
  ResponsePayloadSizeLimitExceeded: [
    'tooLarge',
    '工作簿内容超出了 Excel 的单次传输上限（Excel 网页版约 5 MB）。请删除与决算无关的大工作表，或在桌面版 Excel 中使用。',
  ],
  RangeExceedsLimit: [
    'tooLarge',
    '要读写的区域超出了 Excel 单次操作允许的单元格数。请删除与决算无关的大工作表（或其中多余的空行空列）后再试。',
  ],
  OperationCellsExceedLimit: ['tooLarge', '这次操作涉及的单元格超出了 Excel 的上限。请删除与决算无关的大工作表，或在桌面版 Excel 中使用。'],
  ApiNotFound: ['unsupported', '这个版本的 Excel 不支持所需的功能。请升级 Office 后再试。'],
  GeneralException: ['failed', 'Excel 未能完成这个操作。请保存工作簿后再点一次；若仍失败，请关闭并重新打开加载项。'],
};

export function officeErrorCode(e: unknown): string | undefined {
  if (typeof e !== 'object' || e === null) return undefined;
  const o = e as OfficeErrorLike;
  if (typeof o.code === 'string') return o.code;
  if (typeof o.debugInfo?.code === 'string') return o.debugInfo.code;
  return undefined;
}

/** Any error from an Excel.run batch → a HostError with a Chinese message. */
export function toHostError(e: unknown): HostError {
  if (isHostError(e)) return e as HostError;
  const code = officeErrorCode(e);
  const known = code ? MESSAGES[code] : undefined;
  if (known) return new HostError(known[1], e, known[0]);
  return new HostError('与 Excel 通信时出错，操作没有完成。请保存工作簿后再试；若仍失败，请关闭并重新打开“决算助手”。', e);
}
