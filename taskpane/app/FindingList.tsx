// The findings, grouped by severity and by table, each with its message, difference and
// tolerance; clicking one selects its cells in the workbook (one side after the other).
import * as React from 'react';
import { makeStyles, mergeClasses, shorthands, tokens, Text, CounterBadge } from '@fluentui/react-components';
import { ErrorCircle20Filled, Warning20Filled, Info20Filled, ChevronRight16Regular } from '@fluentui/react-icons';
import type { CellRef, Finding, Severity } from '../../src/core/finding';
import type { FindingGroup } from './controller';
import { isRoundingNote } from '../../src/core/notes';

/**
 * Where both sides are the workbook's own figures (an identity, or a 上年数 typed in 补充信息 against
 * last year's workbook), neither is “应为” the other.
 */
function expectedLabel(f: Finding): string | undefined {
  if (f.severity === 'info') return undefined; // a rounding note: nothing to correct
  return /^(T\d\d-|X\d|ALL-|PY$|NEED$)/.test(f.rule) ? '另一侧' : '应为';
}

const SEVERITY_TITLE: Record<Severity, string> = { error: '错误', warning: '提示', info: '说明' };
const SEVERITY_HINT: Record<Severity, string> = {
  error: '必须改正，否则不能打印',
  warning: '请核实',
  info: '取整误差与备注，无需改动',
};

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', rowGap: '6px' },
  groupHeader: {
    display: 'flex',
    alignItems: 'center',
    columnGap: '6px',
    paddingTop: '6px',
    paddingBottom: '2px',
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase300 },
  groupHint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginLeft: 'auto' },
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
  tableHeader: {
    display: 'flex',
    alignItems: 'baseline',
    columnGap: '6px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
    paddingTop: '2px',
    ...shorthands.borderBottom('1px', 'solid', tokens.colorNeutralStroke2),
    paddingBottom: '2px',
  },
  tableCount: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', rowGap: '4px' },
  card: {
    position: 'relative',
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
    overflow: 'hidden',
    ':hover': { ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
  },
  cardSelected: {
    ...shorthands.borderColor(tokens.colorBrandStroke2),
    boxShadow: tokens.shadow4,
    ':hover': { ...shorthands.borderColor(tokens.colorBrandStroke2) },
  },
  item: {
    display: 'block',
    width: '100%',
    textAlign: 'left',
    backgroundColor: 'transparent',
    ...shorthands.border('0'),
    ...shorthands.padding('6px', '8px', '6px', '12px'),
    cursor: 'pointer',
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: '2px', outlineColor: tokens.colorStrokeFocus2, outlineOffset: '-2px' },
  },
  itemSelected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  stripe: {
    position: 'absolute',
    left: '0',
    top: '0',
    bottom: '0',
    width: '4px',
  },
  stripeerror: { backgroundColor: tokens.colorPaletteRedBorderActive },
  stripewarning: { backgroundColor: tokens.colorPaletteDarkOrangeBorderActive },
  stripeinfo: { backgroundColor: tokens.colorPaletteBlueBorderActive },
  topLine: { display: 'flex', alignItems: 'center', columnGap: '6px', marginBottom: '2px' },
  rule: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase100,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    ...shorthands.padding('0', '4px'),
  },
  diff: { marginLeft: 'auto', fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, whiteSpace: 'nowrap' },
  where: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  message: { wordBreak: 'break-word' },
  clamped: {
    display: '-webkit-box',
    WebkitLineClamp: '3',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
  chevron: { color: tokens.colorNeutralForeground3, transitionProperty: 'transform', transitionDuration: '120ms' },
  chevronOpen: { transform: 'rotate(90deg)' },
  detail: {
    ...shorthands.padding('6px', '8px', '8px', '12px'),
    ...shorthands.borderTop('1px', 'solid', tokens.colorNeutralStroke2),
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: '8px',
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
  },
  label: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap' },
  cells: { display: 'flex', flexWrap: 'wrap', gap: '4px' },
  cell: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke1),
    ...shorthands.borderRadius(tokens.borderRadiusSmall),
    backgroundColor: tokens.colorNeutralBackground1,
    ...shorthands.padding('0', '6px'),
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outlineStyle: 'solid', outlineWidth: '2px', outlineColor: tokens.colorStrokeFocus2 },
  },
  cellCurrent: {
    ...shorthands.borderColor(tokens.colorBrandStroke1),
    backgroundColor: tokens.colorBrandBackground2,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { gridColumn: '1 / span 2', color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100, marginTop: '2px' },
});

export function findingKey(f: Finding, i: number): string {
  return `${i}|${f.rule}|${f.cells.map((c) => `${c.sheet}!${c.address}`).join(',')}`;
}

export function cellText(c: CellRef): string {
  return `${c.sheet}!${c.address}`;
}

const SeverityIcon: Record<Severity, React.FC<{ className?: string }>> = {
  error: ErrorCircle20Filled,
  warning: Warning20Filled,
  info: Info20Filled,
};

export interface FindingListProps {
  groups: FindingGroup[];
  selectedKey?: string;
  /** Index of the cell last selected within the selected finding. */
  cursor: number;
  canSelectCells: boolean;
  onPick(f: Finding, key: string): void;
  onPickCell(f: Finding, key: string, index: number): void;
}

export function FindingList(props: FindingListProps): JSX.Element {
  const s = useStyles();
  // rounding notes are information: one line per table until clicked
  const [expanded, setExpanded] = React.useState<Set<string>>(new Set());
  const toggle = (key: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  let index = 0;
  return (
    <div className={s.group} data-testid="findings">
      {props.groups.map((g) => {
        const Icon = SeverityIcon[g.severity];
        return (
          <section
            key={g.severity}
            aria-label={`${SEVERITY_TITLE[g.severity]} ${g.count} 条`}
            className={s.group}
            data-severity={g.severity}
          >
            <div className={s.groupHeader}>
              <Icon className={s[g.severity]} aria-hidden />
              <Text className={s.groupTitle}>{SEVERITY_TITLE[g.severity]}</Text>
              <CounterBadge
                count={g.count}
                size="small"
                appearance="filled"
                color={g.severity === 'error' ? 'danger' : g.severity === 'warning' ? 'important' : 'informative'}
                overflowCount={999}
              />
              <span className={s.groupHint}>{SEVERITY_HINT[g.severity]}</span>
            </div>
            {g.tables.map((t) => {
              const notesOnly = t.findings.every(isRoundingNote);
              const collapsed = notesOnly && !expanded.has(t.key);
              if (collapsed) index += t.findings.length;
              return (
                <div key={t.key} className={s.group}>
                  <div className={s.tableHeader}>
                    <span>{notesOnly ? `${t.label}：${t.findings.length}处取整差额，均在允许范围内` : t.label}</span>
                    {notesOnly ? (
                      <button
                        type="button"
                        className={s.cell}
                        data-testid="toggle-notes"
                        aria-expanded={!collapsed}
                        onClick={() => toggle(t.key)}
                      >
                        {collapsed ? '展开' : '收起'}
                      </button>
                    ) : (
                      <span className={s.tableCount}>{t.findings.length} 条</span>
                    )}
                  </div>
                  {!collapsed && (
                    <ul className={s.list}>
                      {t.findings.map((f) => {
                        const key = findingKey(f, index++);
                        return (
                          <li key={key}>
                            <FindingItem
                              finding={f}
                              fkey={key}
                              selected={props.selectedKey === key}
                              cursor={props.selectedKey === key ? props.cursor : -1}
                              canSelectCells={props.canSelectCells}
                              onPick={props.onPick}
                              onPickCell={props.onPickCell}
                            />
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
    </div>
  );
}

interface ItemProps {
  finding: Finding;
  fkey: string;
  selected: boolean;
  cursor: number;
  canSelectCells: boolean;
  onPick(f: Finding, key: string): void;
  onPickCell(f: Finding, key: string, index: number): void;
}

function FindingItem({ finding: f, fkey, selected, cursor, canSelectCells, onPick, onPickCell }: ItemProps): JSX.Element {
  const s = useStyles();
  const first = f.cells[0];
  const detailId = `detail-${fkey.replace(/[^A-Za-z0-9]/g, '_')}`;
  return (
    <div className={mergeClasses(s.card, selected && s.cardSelected)}>
      <span className={mergeClasses(s.stripe, s[`stripe${f.severity}` as 'stripeerror'])} aria-hidden />
      <button
        type="button"
        className={mergeClasses(s.item, selected && s.itemSelected)}
        aria-expanded={selected}
        aria-controls={selected ? detailId : undefined}
        data-rule={f.rule}
        data-testid="finding"
        onClick={() => onPick(f, fkey)}
      >
        <span className={s.topLine}>
          <ChevronRight16Regular className={mergeClasses(s.chevron, selected && s.chevronOpen)} aria-hidden />
          <span className={s.rule}>{f.rule}</span>
          {first && <span className={s.where}>{cellText(first)}</span>}
          {f.difference && <span className={mergeClasses(s.diff, s[f.severity])}>差 {f.difference}</span>}
        </span>
        <span className={mergeClasses(s.message, !selected && s.clamped)}>{f.message}</span>
      </button>
      {selected && (
        <div id={detailId} className={s.detail} data-testid="finding-detail" role="region" aria-label={`${f.rule} 详情`}>
          {f.actual !== undefined && (
            <>
              <span className={s.label}>表中数</span>
              <span>{f.actual} 万元</span>
            </>
          )}
          {f.expected !== undefined && expectedLabel(f) && (
            <>
              <span className={s.label}>{expectedLabel(f)}</span>
              <span>{f.expected} 万元</span>
            </>
          )}
          {f.difference !== undefined && (
            <>
              <span className={s.label}>差额</span>
              <span>{f.difference} 万元</span>
            </>
          )}
          {f.tolerance !== undefined && (
            <>
              <span className={s.label}>允许误差</span>
              <span>±{f.tolerance} 万元</span>
            </>
          )}
          {f.cells.length > 0 && (
            <>
              <span className={s.label}>单元格</span>
              <span className={s.cells}>
                {f.cells.map((c, i) => (
                  <button
                    type="button"
                    key={`${c.sheet}!${c.address}#${i}`}
                    className={mergeClasses(s.cell, i === cursor && s.cellCurrent)}
                    onClick={() => onPickCell(f, fkey, i)}
                    aria-label={canSelectCells ? `选中 ${cellText(c)}` : cellText(c)}
                    aria-current={i === cursor ? 'true' : undefined}
                    data-testid="finding-cell"
                  >
                    {cellText(c)}
                  </button>
                ))}
              </span>
              <span className={s.hint}>
                {canSelectCells
                  ? f.cells.length > 1
                    ? '再点一次这条结果，依次选中下一处单元格。'
                    : '已在工作表中选中该单元格。'
                  : '下载的文件中，这些单元格已按问题严重程度标色并附批注。'}
              </span>
            </>
          )}
        </div>
      )}
    </div>
  );
}
