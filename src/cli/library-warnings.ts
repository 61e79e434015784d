// exceljs prints English on stderr with console.warn where a workbook names a sheet with more than
// Excel's 31 characters (lib/doc/worksheet.js, the `name` setter: “Worksheet name … exceeds 31
// chars. This will be truncated”; exceljs then fails on the name it cut). The command line says
// it in Chinese instead; any other library warning goes through unchanged.
const LONG_SHEET_NAME = /^Worksheet name ([\s\S]*) exceeds 31 chars\. This will be truncated$/;

/** Installs the translation; returns the function that puts console.warn back. */
export function translateLibraryWarnings(write: (text: string) => void): () => void {
  const original = console.warn;
  const reported = new Set<string>();
  console.warn = (...args: unknown[]) => {
    const m = LONG_SHEET_NAME.exec(args.map(String).join(' '));
    if (!m) {
      original(...args);
      return;
    }
    const name = m[1];
    if (reported.has(name)) return; // the loader may read the sheet list twice
    reported.add(name);
    write(`注：工作表名“${name}”超过 Excel 允许的 31 个字符，请在 Excel/WPS 中把它改短后再试。\n`);
  };
  return () => {
    console.warn = original;
  };
}
