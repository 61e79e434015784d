// The part of the WPS 表格 JSAPI object model (window.Application, the same as wps.EtApplication())
// that the WPS host uses. It follows the Excel VBA object model, with the JSAPI's rules: every
// method is called with parentheses, omitted arguments are passed as undefined, collection
// members come from Item(), and multi-cell values are read and written through Value2 as 2-D
// arrays. Every property read or write and every method call is one synchronous round trip into
// WPS, so the host keeps their number independent of the number of cells.
//
// Typed here (not taken from a package) so the host compiles without WPS and the test fake
// implements exactly this subset.

/** XlSheetVisibility. */
export const xlSheetVisible = -1;
export const xlSheetHidden = 0;
export const xlSheetVeryHidden = 2;

/** XlPattern / XlColorIndex: no fill; a solid fill. */
export const xlNone = -4142;
export const xlSolid = 1;

/** XlVAlign. */
export const xlVAlignTop = -4160;
export const xlVAlignCenter = -4108;
export const xlVAlignBottom = -4107;

/** Range.Find arguments: look in formulas, match part, by rows, forward. */
export const xlFormulas = -4123;
export const xlPart = 2;
export const xlByRows = 1;
export const xlNext = 1;

/** Range.Find: by columns, backwards (the last cell with content; et-jsapi-declare lib.et.d.ts:17440–17445). */
export const xlByColumns = 2;
export const xlPrevious = 2;

/** A value of Value2 / Formula: a scalar for one cell, rows of scalars for more. */
export type WpsScalar = string | number | boolean | null | undefined;
export type WpsValue = WpsScalar | WpsScalar[][];

export interface WpsInterior {
  /** BGR integer (red in the low byte); null/undefined when the cells differ. */
  Color: number | null | undefined;
  /** xlNone, xlSolid, another pattern; null/undefined when the cells differ. */
  Pattern: number | null | undefined;
}

export interface WpsFont {
  /** null/undefined when the cells differ. */
  Bold: boolean | null | undefined;
}

export interface WpsComment {
  /** The comment's text (JSAPI: a method, Text(Text?, Start?, Overwrite?)). */
  Text(text?: string, start?: number, overwrite?: boolean): string;
  /** The cell the comment belongs to. */
  readonly Parent: WpsRange;
  Delete(): void;
}

export interface WpsComments {
  readonly Count: number;
  Item(index: number): WpsComment;
}

export interface WpsRange {
  /** "A1:C9" (false, false: without $). A method in the JSAPI; some builds expose a string. */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  Value2: WpsValue;
  Formula: WpsValue;
  NumberFormat: string | null | undefined;
  readonly Interior: WpsInterior;
  readonly Font: WpsFont;
  WrapText: boolean | null | undefined;
  VerticalAlignment: number | null | undefined;
  ColumnWidth: number | null | undefined;
  UseStandardWidth: boolean | null | undefined;
  RowHeight: number | null | undefined;
  UseStandardHeight: boolean | null | undefined;
  /** True / false / null (some cells merged, some not). */
  readonly MergeCells: boolean | null | undefined;
  readonly MergeArea: WpsRange;
  AddComment(text?: string): WpsComment;
  ClearComments(): void;
  ClearContents(): void;
  Select(): void;
  Find(
    what?: string,
    after?: WpsRange,
    lookIn?: number,
    lookAt?: number,
    searchOrder?: number,
    searchDirection?: number,
    matchCase?: boolean,
    matchByte?: boolean,
    searchFormat?: boolean,
  ): WpsRange | null | undefined;
}

/** Worksheet.PageSetup (lib.et.d.ts:4784): margins in points. */
export interface WpsPageSetup {
  /** XlPageOrientation: xlPortrait 1, xlLandscape 2. */
  Orientation: number;
  /** XlPaperSize: xlPaperA4 9. */
  PaperSize: number;
  /** A percentage (10–400), or false: FitToPagesWide / FitToPagesTall scale the sheet. */
  Zoom: number | boolean;
  FitToPagesWide: number | boolean;
  FitToPagesTall: number | boolean;
  TopMargin: number;
  BottomMargin: number;
  LeftMargin: number;
  RightMargin: number;
  /** "$2:$2"; "" for none. */
  PrintTitleRows: string;
}

/** Worksheet.HPageBreaks (lib.et.d.ts:6457): Add(Before) breaks above the range. */
export interface WpsHPageBreaks {
  readonly Count: number;
  Add(before: WpsRange): unknown;
}

/** A defined name (lib.et.d.ts:6393). */
export interface WpsName {
  readonly Name: string;
  /** "='补充信息'!$A$1". */
  readonly RefersTo: string | boolean;
  Delete(): void;
}

/** Workbook.Names (lib.et.d.ts:6376): Item by index (from 1) or by name. */
export interface WpsNames {
  readonly Count: number;
  Item(index: number | string): WpsName;
  Add(name: string, refersTo: string): WpsName;
}

export interface WpsWorksheet {
  Name: string;
  /** xlSheetVisible (-1), xlSheetHidden (0), xlSheetVeryHidden (2). */
  Visible: number | boolean;
  readonly UsedRange: WpsRange;
  readonly ProtectContents: boolean;
  readonly Comments: WpsComments;
  Range(address: string): WpsRange;
  Activate(): void;
  Delete(): void;
  readonly PageSetup: WpsPageSetup;
  readonly HPageBreaks: WpsHPageBreaks;
  ResetAllPageBreaks(): void;
}

export interface WpsSheets {
  readonly Count: number;
  Item(index: number | string): WpsWorksheet;
  Add(before?: WpsWorksheet, after?: WpsWorksheet, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly Sheets: WpsSheets;
  readonly ProtectStructure: boolean;
  readonly Names: WpsNames;
}

export interface WpsCellFormat {
  Clear(): void;
  MergeCells: boolean | null | undefined;
}

export interface WpsTaskPane {
  readonly ID: string | number;
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
}

export interface WpsPluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: unknown): void;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null | undefined;
  readonly ActiveSheet: WpsWorksheet | null | undefined;
  ScreenUpdating: boolean;
  DisplayAlerts: boolean;
  readonly FindFormat?: WpsCellFormat;
  readonly PluginStorage?: WpsPluginStorage;
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: string | number): WpsTaskPane | null | undefined;
}
