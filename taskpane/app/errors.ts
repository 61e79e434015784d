// Anything thrown by a host or the engine → one Chinese sentence for the user (what happened and
// what to do). Hosts throw HostError (a Chinese message and a code); an unreadable file throws
// UnreadableWorkbookError. Anything else is unexpected: a general sentence, never its raw text;
// the error itself goes to the console for support.
import { isHostError } from '../../src/hosts/host';

function isUnreadable(e: unknown): e is Error {
  return typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'UnreadableWorkbookError';
}

export function userMessage(e: unknown, action: string): string {
  if (isHostError(e) || isUnreadable(e)) return (e as Error).message;
  return `“${action}”没有完成：出现了意外错误。请保存工作簿后再试；如果问题依旧，请把工作簿和操作步骤发给维护人员。`;
}
