// Anything thrown by a host or the engine → one Chinese sentence for the user (what happened and
// what to do). Never a raw exception text; the error itself goes to the console for support.
import { isHostError } from '../../src/hosts/host';

function isUnreadable(e: unknown): e is Error {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UnreadableWorkbookError';
}

export function userMessage(e: unknown, action: string): string {
  if (isHostError(e) || isUnreadable(e)) return (e as Error).message;
  if (e instanceof Error && /[\u4e00-\u9fff]/.test(e.message) && !/\bat\s/.test(e.message)) {
    // Engine and file-host errors are written in Chinese for the user already.
    return e.message;
  }
  return `“${action}”没有完成：出现了意外错误。请保存工作簿后再试；如果问题依旧，请把工作簿和操作步骤发给维护人员。`;
}
