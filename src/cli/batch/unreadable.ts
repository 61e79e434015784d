// The result of a file that could not be checked, apart from the checker so that the pool (main
// thread) can make one without loading the engine.
import type { FileResult } from './check-file';

export function unreadableResult(file: string, message: string): FileResult {
  return { file, unit: null, year: null, counts: { error: 0, pending: 0, warning: 0, info: 0 }, findings: [], unreadable: message };
}
