// 填表: the preview of what would be filled — every cell with its value (万元), what it is, where
// it comes from and the identity; the rows to add; what needs attention (typed cells that
// disagree, with both values) — with the values / formulas choice, last year's workbook for the
// 上年数, and 确认填写. Nothing is written before 确认填写.
import * as React from 'react';
import { Button, Field, Radio, RadioGroup, Text, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { Checkmark20Regular, ChevronRight16Regular, Dismiss20Regular, FolderOpen16Regular } from '@fluentui/react-icons';
import type { FillItem, FillMode, NewRow } from '../../src/core/derive';
import { ROUNDED_SUM_NOTE } from '../../src/core/derive/types';
import type { CellRef } from '../../src/core/finding';
import { wan2 } from '../../src/core/money';
import type { FillPreview, TableInfo } from './controller';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', rowGap: '10px' },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, ...shorthands.margin('2px', '0', '0') },
  options: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    ...shorthands.padding('8px', '10px'),
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
  },
  prior: { display: 'flex', flexDirection: 'column', rowGap: '4px' },
  priorLabel: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  priorLine: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px' },
  priorFile: { fontSize: tokens.fontSizeBase200, wordBreak: 'break-all' },
  hint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  counts: { display: 'flex', flexWrap: 'wrap', columnGap: '10px', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  toggleAll: { marginLeft: 'auto', minWidth: 0 },
  empty: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'center',
    ...shorthands.padding('12px', '8px'),
  },
  group: { display: 'flex', flexDirection: 'column', rowGap: '4px' },
  groupHeader: {
    display: 'flex',
    alignItems: 'center',
    columnGap: '6px',
    width: '100%',
    textAlign: 'left',
    backgroundColor: 'transparent',
    ...shorthands.border('0'),
    ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2),
    ...shorthands.padding('4px', '2px'),
    cursor: 'pointer',
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: '2px', outlineColor: tokens.colorStrokeFocus2 },
  },
  groupLabel: { minWidth: 0, wordBreak: 'break-word' },
  groupCount: { marginLeft: 'auto', color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular, whiteSpace: 'nowrap' },
  chevron: { flexShrink: 0, color: tokens.colorNeutralForeground3, transitionProperty: 'transform', transitionDuration: '120ms' },
  chevronOpen: { transform: 'rotate(90deg)' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '1px',
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
    ...shorthands.borderLeft('4px', 'solid', tokens.colorBrandStroke2),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    ...shorthands.padding('5px', '8px', '6px', '8px'),
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  itemNew: { ...shorthands.borderLeft('4px', 'solid', tokens.colorPaletteGreenBorderActive) },
  top: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', columnGap: '6px' },
  ref: { fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  refButton: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.padding('0', '6px'),
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: '2px', outlineColor: tokens.colorStrokeFocus2 },
  },
  rule: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    ...shorthands.padding('0', '4px'),
  },
  value: { marginLeft: 'auto', fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap', color: tokens.colorBrandForeground1 },
  label: { wordBreak: 'break-word' },
  from: { color: tokens.colorNeutralForeground3, wordBreak: 'break-word' },
  formula: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    wordBreak: 'break-all',
  },
  attention: { display: 'flex', flexDirection: 'column', rowGap: '6px' },
});

/** Formulas are written only where the host keeps them. */
export interface FillPanelProps {
  preview: FillPreview;
  /** The mode chosen in the pane (the preview's own mode may be values where formulas are not kept). */
  mode: FillMode;
  formulasKept: boolean;
  /** Last year's workbook in use, if any. */
  priorFile?: string;
  busy: boolean;
  canSelectCells: boolean;
  onMode(mode: FillMode): void;
  onPickPrior(file: File): void;
  onClearPrior(): void;
  onConfirm(): void;
  onCancel(): void;
  onSelectCell(cell: CellRef): void;
  /** The findings of the derivation, as a FindingList (the pane keeps its selection). */
  findings?: React.ReactNode;
}

interface ItemGroup {
  key: string;
  label: string;
  items: FillItem[];
}

function groupLabel(sheet: string, tables: Record<string, TableInfo>, items: FillItem[]): string {
  const t = tables[sheet];
  if (t) return `${t.id.replace(/^T0?/, '表')} ${t.title}`;
  if (items.every((i) => i.table === '补充信息')) return `补充信息（上年数）`;
  return `工作表“${sheet}”`;
}

/** The items by sheet (one table each), in the order the derivation gives (table order). */
export function groupItems(items: FillItem[], tables: Record<string, TableInfo>): ItemGroup[] {
  const bySheet = new Map<string, FillItem[]>();
  for (const item of items) {
    let list = bySheet.get(item.sheet);
    if (!list) bySheet.set(item.sheet, (list = []));
    list.push(item);
  }
  return [...bySheet].map(([sheet, list]) => ({ key: sheet, label: groupLabel(sheet, tables, list), items: list }));
}

/** Groups are open by default when the whole list is short. */
const OPEN_UP_TO = 30;

export function FillPanel(props: FillPanelProps): JSX.Element {
  const s = useStyles();
  const { preview, busy } = props;
  const { result } = preview;
  const input = React.useRef<HTMLInputElement>(null);
  const groups = React.useMemo(() => groupItems(result.items, preview.tables), [result, preview.tables]);
  const keys = React.useMemo(() => [...(result.rows.length > 0 ? ['~rows'] : []), ...groups.map((g) => g.key)], [result, groups]);
  const [open, setOpen] = React.useState<Set<string>>(new Set());
  React.useEffect(() => {
    setOpen(result.items.length + result.rows.length <= OPEN_UP_TO ? new Set(keys) : new Set());
  }, [result, keys]);
  const toggle = (key: string) =>
    setOpen((o) => {
      const n = new Set(o);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  const allOpen = keys.length > 0 && keys.every((k) => open.has(k));
  const nothing = preview.plan.ops.length === 0;

  const ref = (cell: CellRef) => {
    const text = `${cell.sheet}!${cell.address}`;
    return props.canSelectCells ? (
      <button type="button" className={s.refButton} aria-label={`选中 ${text}`} onClick={() => props.onSelectCell(cell)}>
        {text}
      </button>
    ) : (
      <span className={s.ref}>{text}</span>
    );
  };

  const header = (key: string, label: string, count: number) => (
    <button type="button" className={s.groupHeader} aria-expanded={open.has(key)} onClick={() => toggle(key)} data-testid="fill-group">
      <ChevronRight16Regular className={mergeClasses(s.chevron, open.has(key) && s.chevronOpen)} aria-hidden />
      <span className={s.groupLabel}>{label}</span>
      <span className={s.groupCount}>{count} 个</span>
    </button>
  );

  return (
    <section className={s.panel} aria-labelledby="fill-title" data-testid="fill-preview">
      <Text as="h2" id="fill-title" className={s.title}>
        填表预览（尚未写入）
      </Text>

      <div className={s.options}>
        <Field
          label="填入"
          hint={
            props.formulasKept
              ? '公式引用来源单元格，改了明细表后汇总数随之更新。公式只在 Excel 和浏览器版（下载的文件）中保留。'
              : '当前环境只能填数值：公式只在 Excel 和浏览器版（下载的文件）中保留。'
          }
        >
          <RadioGroup
            value={props.mode}
            disabled={busy}
            onChange={(_, d) => props.onMode(d.value as FillMode)}
            aria-label="填入数值还是公式"
          >
            <Radio value="values" label="数值（默认，公开的就是数值）" />
            <Radio value="formulas" label="公式（引用来源单元格）" disabled={!props.formulasKept} />
          </RadioGroup>
        </Field>

        <div className={s.prior} role="group" aria-labelledby="prior-label">
          <span id="prior-label" className={s.priorLabel}>
            上年数
          </span>
          <input
            ref={input}
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            hidden
            data-testid="prior-input"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) props.onPickPrior(file);
            }}
          />
          <div className={s.priorLine}>
            {props.priorFile && (
              <span className={s.priorFile} data-testid="prior-file">
                {props.priorFile}
              </span>
            )}
            <Button size="small" icon={<FolderOpen16Regular />} disabled={busy} onClick={() => input.current?.click()}>
              {props.priorFile ? '换一个文件' : '选择上年决算工作簿'}
            </Button>
            {props.priorFile && (
              <Button size="small" disabled={busy} onClick={props.onClearPrior}>
                不用上年文件
              </Button>
            )}
          </div>
          <span className={s.hint}>
            用上年的决算 .xlsx 填“补充信息”表的上年数；已填的上年数不改写，不一致的列在下方。文件只在本机读取，不上传，也不改动。
          </span>
        </div>
      </div>

      <div className={s.buttons}>
        <Button appearance="primary" icon={<Checkmark20Regular />} disabled={busy || nothing} onClick={props.onConfirm}>
          确认填写
        </Button>
        <Button icon={<Dismiss20Regular />} disabled={busy} onClick={props.onCancel}>
          取消
        </Button>
      </div>

      <div className={s.counts} data-testid="fill-counts">
        <span>填写 {result.items.length} 个单元格</span>
        {result.rows.length > 0 && <span>新增 {result.rows.length} 行</span>}
        <span>需要注意 {result.findings.length} 条</span>
        {keys.length > 1 && (
          <Button
            appearance="transparent"
            size="small"
            className={s.toggleAll}
            onClick={() => setOpen(allOpen ? new Set() : new Set(keys))}
          >
            {allOpen ? '全部收起' : '全部展开'}
          </Button>
        )}
      </div>

      {nothing && <div className={s.empty}>没有需要填写的单元格：可推算的单元格都已填好。</div>}

      {result.rows.length > 0 && (
        <div className={s.group}>
          {header('~rows', '新增行', result.rows.length)}
          {open.has('~rows') && (
            <ul className={s.list} aria-label="新增行">
              {result.rows.map((row) => (
                <RowItem key={`${row.sheet}!${row.labelCell.address}`} row={row} refNode={ref(row.labelCell)} />
              ))}
            </ul>
          )}
        </div>
      )}

      {groups.map((g) => (
        <div key={g.key} className={s.group}>
          {header(g.key, g.label, g.items.length)}
          {open.has(g.key) && (
            <ul className={s.list} aria-label={g.label}>
              {g.items.map((item) => (
                <Item key={`${item.sheet}!${item.address}`} item={item} mode={result.mode} refNode={ref(item)} />
              ))}
            </ul>
          )}
        </div>
      ))}

      {props.findings && result.findings.length > 0 && (
        <div className={s.attention}>
          <Text className={s.title}>需要注意（{result.findings.length} 条）：这些单元格不会被改写</Text>
          {props.findings}
        </div>
      )}
    </section>
  );
}

function Item({ item, mode, refNode }: { item: FillItem; mode: FillMode; refNode: React.ReactNode }): JSX.Element {
  const s = useStyles();
  const cleared = item.rule === 'BLANK';
  return (
    <li className={s.item} data-testid="fill-item" data-cell={`${item.sheet}!${item.address}`} data-rule={item.rule}>
      <span className={s.top}>
        {refNode}
        <span className={s.rule}>{item.rule}</span>
        <span className={s.value} data-testid="fill-value">
          {cleared ? '清空' : `${wan2(item.value)} 万元`}
        </span>
      </span>
      <span className={s.label}>{item.label}</span>
      <span className={s.from}>
        ← {item.from}
        {item.sourceFile ? `（${item.sourceFile}）` : ''}
      </span>
      {item.unit !== '万元' && !cleared && (
        <span className={s.from}>
          表中单位为{item.unit}：写入 {item.written.toFixed(2)}
        </span>
      )}
      {item.roundedSum && (
        <span className={s.from} data-testid="fill-rounded">
          {ROUNDED_SUM_NOTE}
        </span>
      )}
      {item.previous !== undefined && <span className={s.from}>原为 {wan2(item.previous)} 万元（上次填表所填）</span>}
      {mode === 'formulas' &&
        (item.formula ? (
          <code className={s.formula} data-testid="fill-formula">
            ={item.formula}
          </code>
        ) : cleared ? null : (
          <span className={s.from}>{item.sourceFile ? '来自上年工作簿，填数值' : '来源不全在本工作簿的表中，填数值'}</span>
        ))}
    </li>
  );
}

function RowItem({ row, refNode }: { row: NewRow; refNode: React.ReactNode }): JSX.Element {
  const s = useStyles();
  return (
    <li className={mergeClasses(s.item, s.itemNew)} data-testid="fill-row" data-cell={`${row.labelCell.sheet}!${row.labelCell.address}`}>
      <span className={s.top}>
        {refNode}
        <span className={s.rule}>新增行</span>
      </span>
      <span className={s.label}>
        “{row.label}”（功能分类 {row.code} 类）
      </span>
    </li>
  );
}
