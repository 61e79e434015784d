// The one error the file host throws when a workbook cannot be read. Its message is a single
// Chinese sentence naming the file, fit to show an accountant as is; the library's own
// (English) error, if any, is kept only as `cause`.

export type UnreadableReason = 'not-xlsx' | 'xls' | 'encrypted' | 'truncated' | 'empty' | 'not-found' | 'too-large' | 'other';

export class UnreadableWorkbookError extends Error {
  readonly reason: UnreadableReason;
  /** The file name as given by the caller (may include a directory), if any. */
  readonly fileName?: string;
  readonly cause?: unknown;

  /** `detail` is the part after the colon, e.g. "文件是空的（0 字节）。" */
  constructor(reason: UnreadableReason, fileName: string | undefined, detail: string, cause?: unknown) {
    super(unreadableMessage(fileName, detail));
    this.name = 'UnreadableWorkbookError';
    this.reason = reason;
    if (fileName !== undefined) this.fileName = fileName;
    if (cause !== undefined) this.cause = cause;
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

export function isUnreadableWorkbookError(e: unknown): e is UnreadableWorkbookError {
  return e instanceof UnreadableWorkbookError;
}

/** Last path component, for either separator. */
export function baseName(fileName: string): string {
  const parts = fileName.split(/[\\/]/);
  return parts[parts.length - 1] || fileName;
}

export function unreadableMessage(fileName: string | undefined, detail: string): string {
  const name = fileName ? baseName(fileName) : '';
  return name ? `无法读取“${name}”：${detail}` : `无法读取该文件：${detail}`;
}

/** Human size: "12.3 MB" / "850 KB" / "37 字节". */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} 字节`;
}

// Details shared by several detectors.
export const DETAIL = {
  empty: '文件是空的（0 字节），可能下载或复制没有完成，请重新获取原文件后再试。',
  allZero: '文件内容全是空白字节，可能下载或复制没有完成，请重新获取原文件后再试。',
  xls: '这是旧版 Excel 97-2003 (.xls) 文件，请在 Excel 或 WPS 中另存为 .xlsx 后再试。',
  encrypted: '文件设置了打开密码，请先在 Excel/WPS 中取消密码后再试。',
  truncated: '文件不完整或已损坏（可能下载或复制没有完成），请重新获取原文件后再试。',
  unknownZip: '文件的压缩结构无法识别（目录记录不规范），为安全起见不予读取，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
  bomb: '文件内部记录的大小与实际内容不符（可能已损坏，或是伪装成工作簿的压缩炸弹），请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
  corrupt: '文件内容已损坏或格式不规范，无法解析，请在 Excel 或 WPS 中打开并另存为 .xlsx 后再试。',
} as const;
