// The workbooks a batch checks: every .xlsx under a folder, recursively, in a stable order.
import * as fs from 'fs';
import * as path from 'path';

export interface BatchFile {
  /** Absolute path. */
  path: string;
  /** Path relative to the folder, with '/' separators: what the user sees. */
  name: string;
}

/**
 * Not workbooks even though they end in .xlsx: Office/WPS lock files (~$x.xlsx), macOS
 * AppleDouble resource forks (._x.xlsx, common on USB sticks) and LibreOffice lock files.
 */
export function isWorkbookName(base: string): boolean {
  if (!/\.xlsx$/i.test(base)) return false;
  return !(base.startsWith('~$') || base.startsWith('._') || base.startsWith('.~lock.'));
}

/** Code-unit order of the relative paths: the same on every machine and locale. */
function byName(a: BatchFile, b: BatchFile): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/**
 * Every .xlsx under `dir` (following no symbolic links to folders, so a link loop cannot hang
 * the walk), sorted by relative path. `exclude` (absolute) is left out — the batch report. A
 * path to a single .xlsx file is a batch of one. A sub-folder that cannot be read is passed to
 * `onUnreadableFolder` (its relative path and the error code) so the user is told.
 */
export function listWorkbooks(
  dir: string,
  exclude: string[] = [],
  onUnreadableFolder?: (name: string, code: string | undefined) => void,
): BatchFile[] {
  const root = path.resolve(dir);
  const skip = new Set(exclude.map((p) => path.resolve(p)));
  const st = fs.statSync(root);
  if (st.isFile()) return skip.has(root) ? [] : [{ path: root, name: path.basename(root) }];
  const out: BatchFile[] = [];
  const walk = (abs: string, rel: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      if (rel === '') throw e;
      onUnreadableFolder?.(rel, (e as { code?: string } | null)?.code);
      return;
    }
    for (const e of entries) {
      const childAbs = path.join(abs, e.name);
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(childAbs, childRel);
      else if ((e.isFile() || e.isSymbolicLink()) && isWorkbookName(e.name) && !skip.has(childAbs)) {
        if (e.isSymbolicLink()) {
          try {
            if (!fs.statSync(childAbs).isFile()) continue;
          } catch {
            /* a dangling link: list it, it will get its own "cannot read" line */
          }
        }
        out.push({ path: childAbs, name: childRel });
      }
    }
  };
  walk(root, '');
  return out.sort(byName);
}
