// How the file host gets ./writing (exceljs and the package writer). In Node it is loaded at the
// first write, so check and narrate never load exceljs. The page's bundles replace this module
// with ./writing-loader.browser (webpack resolve.alias): there it is bundled with the page, which
// may be opened from disk, where a chunk loaded later cannot be relied on.
export type Writing = typeof import('./writing');

export function loadWriting(): Promise<Writing> {
  return import('./writing');
}
