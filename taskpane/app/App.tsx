// The task pane: one React app for Excel, WPS and the standalone page; the host is injected.
import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Text,
  Tooltip,
  makeStyles,
  mergeClasses,
  shorthands,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  DocumentArrowDown20Regular,
  CheckmarkCircle20Filled,
  DocumentText20Regular,
  Eraser20Regular,
  ErrorCircle20Filled,
  Settings20Regular,
  ShieldTask20Regular,
  TableAdd20Regular,
  TableEdit20Regular,
  TextGrammarCheckmark20Regular,
} from '@fluentui/react-icons';
import type { FillMode } from '../../src/core/derive';
import type { CellRef, Finding } from '../../src/core/finding';
import type { NarrativeSettings } from '../../src/core/narrative';
import { resolveSettings } from '../../src/core/narrative';
import type { WorkbookHost } from '../../src/hosts/host';
import { countFindings, groupFindings, keepsFormulas, Session, verdict } from './controller';
import type { ActionResult, FillPreview, PriorWorkbook } from './controller';
import { userMessage } from './errors';
import { FillPanel } from './FillPanel';
import { FindingList } from './FindingList';
import { readPriorWorkbook } from './prior';
import { SettingsDialog } from './SettingsDialog';
import { theme } from './theme';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    columnGap: '8px',
    ...shorthands.padding('10px', '12px'),
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  logo: {
    width: '26px',
    height: '26px',
    flexShrink: 0,
    display: 'grid',
    placeItems: 'center',
    ...shorthands.borderRadius('6px'),
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForeground1,
    fontWeight: tokens.fontWeightBold,
    fontSize: '15px',
    lineHeight: '26px',
  },
  titles: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  title: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: '20px' },
  subtitle: {
    fontSize: tokens.fontSizeBase100,
    opacity: 0.85,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  headerButton: { color: tokens.colorNeutralForegroundOnBrand, minWidth: '32px' },
  body: { display: 'flex', flexDirection: 'column', rowGap: '10px', ...shorthands.padding('10px', '12px', '16px') },
  actions: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  action: { justifyContent: 'flex-start', minWidth: 0, whiteSpace: 'nowrap', paddingLeft: '8px', paddingRight: '6px' },
  primary: { justifyContent: 'center' },
  progress: { display: 'flex', flexDirection: 'column', rowGap: '4px' },
  progressText: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  verdict: {
    display: 'flex',
    alignItems: 'center',
    columnGap: '8px',
    ...shorthands.padding('10px', '12px'),
    ...shorthands.borderRadius(tokens.borderRadiusLarge),
    fontSize: tokens.fontSizeBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  verdictOk: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  verdictBad: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  verdictIcon: { flexShrink: 0 },
  counts: {
    display: 'flex',
    flexWrap: 'wrap',
    columnGap: '10px',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    marginTop: '-4px',
  },
  resultTitle: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, marginTop: '2px' },
  empty: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, textAlign: 'center', ...shorthands.padding('16px', '8px') },
  footer: { marginTop: 'auto', ...shorthands.padding('8px', '12px'), color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
});

export interface AppProps {
  /** The workbook to work on; null until there is one (the standalone page before a file is opened). */
  host: WorkbookHost | null;
  /** Shown under the title (e.g. the file name). */
  subtitle?: string;
  /** Extra content between the header and the buttons (the standalone page's file bar). */
  top?: React.ReactNode;
  /** Shown instead of results when there is no workbook. */
  empty?: React.ReactNode;
  /** Called after anything that may have changed the workbook. */
  onChanged?(): void;
  /** Shown at the bottom of the pane. */
  footer?: React.ReactNode;
  /** A standing notice about this host (e.g. an old Excel that lacks a feature). */
  notice?: string;
}

type Status = { intent: 'success' | 'error' | 'info' | 'warning'; text: string };

const RESULT_TITLE: Record<ActionResult['kind'], string> = {
  check: '检查结果',
  narrative: '生成说明：需要补充或确认的内容',
  textcheck: '说明文字核对结果',
};

export function App(props: AppProps): JSX.Element {
  return (
    <FluentProvider theme={theme}>
      <Pane {...props} />
    </FluentProvider>
  );
}

function Pane({ host, subtitle, top, empty, onChanged, footer, notice }: AppProps): JSX.Element {
  const s = useStyles();
  const session = React.useMemo(() => (host ? new Session(host) : null), [host]);
  const [busy, setBusy] = React.useState<{ action: string; step: string } | null>(null);
  const [status, setStatus] = React.useState<Status | null>(null);
  const [result, setResult] = React.useState<ActionResult | null>(null);
  const [settings, setSettings] = React.useState<NarrativeSettings>(resolveSettings());
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [selected, setSelected] = React.useState<{ key: string; cursor: number } | null>(null);
  // 填表: the preview on screen (nothing written yet), the mode chosen, last year's workbook.
  const [fill, setFill] = React.useState<FillPreview | null>(null);
  const [fillMode, setFillMode] = React.useState<FillMode>('values');
  const [prior, setPrior] = React.useState<PriorWorkbook | null>(null);

  React.useEffect(() => {
    setResult(null);
    setStatus(null);
    setSelected(null);
    setFill(null);
    setPrior(null);
    setFillMode('values');
    if (!session) return;
    let live = true;
    session
      .loadSettings()
      .then((v) => live && setSettings(v))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [session]);

  /** Runs one action: busy state and progress, host errors as a Chinese sentence. */
  const perform = React.useCallback(
    async (action: string, fn: (s: Session) => Promise<void>) => {
      if (!session || busy) return;
      setBusy({ action, step: '请稍候…' });
      setStatus(null);
      try {
        await fn(session);
      } catch (e) {
        // eslint-disable-next-line no-console
        console.error(e);
        setStatus({ intent: 'error', text: userMessage(e, action) });
      } finally {
        setBusy(null);
        onChanged?.();
      }
    },
    [session, busy, onChanged],
  );

  const run = React.useCallback(
    (action: string, fn: (s: Session) => Promise<ActionResult | string>) =>
      perform(action, async (sess) => {
        setFill(null); // a preview would be stale after any other action
        const out = await fn(sess);
        if (typeof out === 'string') setStatus({ intent: 'success', text: out });
        else {
          setResult(out);
          setSelected(null);
          const failed = out.kind === 'check' && countFindings(out.findings).error > 0;
          setStatus({ intent: failed ? 'warning' : 'success', text: out.summary });
        }
      }),
    [perform],
  );

  const progress = (action: string) => (step: string) => setBusy({ action, step });

  const showPreview = (p: FillPreview, text?: string) => {
    setFill(p);
    setSelected(null);
    const errors = countFindings(p.result.findings).error > 0;
    setStatus({ intent: text || errors ? 'warning' : 'info', text: text ?? p.summary });
  };

  /** 填表 (and every change of its options): the preview, nothing written. */
  const previewFill = (mode: FillMode, last: PriorWorkbook | null) =>
    perform('填表', async (sess) => {
      showPreview(await sess.previewFill({ mode, ...(last ? { prior: last } : {}) }, progress('填表')));
    });

  const changeMode = (mode: FillMode) => {
    setFillMode(mode);
    void previewFill(mode, prior);
  };

  const pickPrior = (file: File) =>
    perform('读取上年工作簿', async (sess) => {
      progress('读取上年工作簿')(`正在读取“${file.name}”…`);
      const last = await readPriorWorkbook(file);
      setPrior(last);
      showPreview(await sess.previewFill({ mode: fillMode, prior: last }, progress('填表')));
    });

  const clearPrior = () => {
    setPrior(null);
    void previewFill(fillMode, null);
  };

  const confirmFill = () => {
    if (!fill) return;
    void perform('确认填写', async (sess) => {
      const out = await sess.confirmFill(fill, progress('确认填写'));
      if (out.kind === 'stale') {
        showPreview(out.preview, out.summary);
        return;
      }
      setFill(null);
      setResult(out.check);
      setSelected(null);
      setStatus({ intent: countFindings(out.check.findings).error > 0 ? 'warning' : 'success', text: out.summary });
    });
  };

  const cancelFill = () => {
    setFill(null);
    setSelected(null);
    setStatus({ intent: 'info', text: '已取消填表，工作簿没有改动。' });
  };

  const selectCell = React.useCallback(
    async (cell: CellRef) => {
      if (!host || !host.capabilities().selectCells) return;
      try {
        await host.select(cell.sheet, [cell.address]);
      } catch (e) {
        setStatus({ intent: 'error', text: userMessage(e, '选中单元格') });
      }
    },
    [host],
  );

  const pick = React.useCallback(
    async (f: Finding, key: string, index?: number) => {
      if (!host) return;
      let cursor = 0;
      if (index !== undefined) cursor = index;
      else if (selected?.key === key) {
        if (f.cells.length <= 1) {
          // second click on a one-cell finding: collapse it
          setSelected(null);
          return;
        }
        cursor = (selected.cursor + 1) % f.cells.length;
      }
      setSelected({ key, cursor });
      const cell = f.cells[cursor];
      if (!cell || !host.capabilities().selectCells) return;
      try {
        await host.select(cell.sheet, [cell.address]);
      } catch (e) {
        setStatus({ intent: 'error', text: userMessage(e, '选中单元格') });
      }
    },
    [host, selected],
  );

  const saveSettings = async (value: NarrativeSettings) => {
    if (!session) return;
    setSettingsOpen(false);
    setSettings(value);
    // Not journaled and no cell changes: a 填表 preview on screen stays valid.
    await perform('保存设置', async (sess) => {
      await sess.saveSettings(value);
      setStatus({ intent: 'success', text: '设置已保存在本工作簿中。' });
    });
  };

  const disabled = !session || busy !== null;
  const groups = result ? groupFindings(result.findings, result.tables) : [];
  const counts = result ? countFindings(result.findings) : undefined;
  const v = result?.kind === 'check' ? verdict(result.findings) : undefined;

  return (
    <div className={s.root}>
      <header className={s.header}>
        <div className={s.logo} aria-hidden>
          决
        </div>
        <div className={s.titles}>
          <span className={s.title}>决算助手</span>
          <span className={s.subtitle} title={subtitle}>
            {subtitle ?? '部门决算公开 · 审核与情况说明'}
          </span>
        </div>
        <Tooltip content="设置" relationship="label">
          <Button
            appearance="transparent"
            className={s.headerButton}
            icon={<Settings20Regular />}
            disabled={disabled}
            onClick={() => setSettingsOpen(true)}
          />
        </Tooltip>
      </header>

      {top}

      <main className={s.body}>
        {notice && (
          <MessageBar intent="info" data-testid="notice">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <div className={s.actions} role="toolbar" aria-label="操作">
          <Button
            appearance="primary"
            className={mergeClasses(s.action, s.primary)}
            icon={<ShieldTask20Regular />}
            disabled={disabled}
            onClick={() => run('检查', (x) => x.check(progress('检查')))}
          >
            检查
          </Button>
          <Button
            appearance="primary"
            className={mergeClasses(s.action, s.primary)}
            icon={<DocumentText20Regular />}
            disabled={disabled}
            onClick={() => run('生成说明', (x) => x.narrate(settings, progress('生成说明')))}
          >
            生成说明
          </Button>
          <Button className={s.action} icon={<TableEdit20Regular />} disabled={disabled} onClick={() => void previewFill(fillMode, prior)}>
            填表
          </Button>
          <Button className={s.action} icon={<TextGrammarCheckmark20Regular />} disabled={disabled} onClick={() => run('核对说明文字', (x) => x.textcheck(progress('核对说明文字')))}>
            核对说明文字
          </Button>
          <Button className={s.action} icon={<TableAdd20Regular />} disabled={disabled} onClick={() => run('插入补充信息表', (x) => x.insertSupplement(progress('插入补充信息表')))}>
            插入补充信息表
          </Button>
          <Button className={s.action} icon={<Eraser20Regular />} disabled={disabled} onClick={() => run('清除标记', (x) => x.clearHighlights(progress('清除标记')))}>
            清除标记
          </Button>
          <Button className={s.action} icon={<ArrowUndo20Regular />} disabled={disabled} onClick={() => run('撤销', (x) => x.undo(progress('撤销')))}>
            撤销
          </Button>
          <Button className={s.action} icon={<DocumentArrowDown20Regular />} disabled={disabled} onClick={() => run('导出Word', (x) => x.exportWord(settings, progress('导出Word')))}>
            导出Word
          </Button>
        </div>

        <div aria-live="polite" className={s.progress}>
          {busy && (
            <>
              <ProgressBar thickness="medium" aria-label={`${busy.action}进行中`} />
              <span className={s.progressText} data-testid="progress">
                {busy.action}：{busy.step}
              </span>
            </>
          )}
        </div>

        {status && (
          <MessageBar intent={status.intent} data-testid="status" role={status.intent === 'error' ? 'alert' : 'status'}>
            <MessageBarBody>{status.text}</MessageBarBody>
          </MessageBar>
        )}

        {!session && empty}

        {fill && host && (
          <FillPanel
            preview={fill}
            mode={fillMode}
            formulasKept={keepsFormulas(host)}
            priorFile={prior?.file}
            busy={busy !== null}
            canSelectCells={host.capabilities().selectCells}
            onMode={changeMode}
            onPickPrior={(file) => void pickPrior(file)}
            onClearPrior={clearPrior}
            onConfirm={confirmFill}
            onCancel={cancelFill}
            onSelectCell={(cell) => void selectCell(cell)}
            findings={
              <FindingList
                groups={groupFindings(fill.result.findings, fill.tables)}
                selectedKey={selected?.key}
                cursor={selected?.cursor ?? -1}
                canSelectCells={host.capabilities().selectCells}
                onPick={(f, key) => void pick(f, key)}
                onPickCell={(f, key, i) => void pick(f, key, i)}
              />
            }
          />
        )}
        {!fill && v && (
          <div className={mergeClasses(s.verdict, v.ok ? s.verdictOk : s.verdictBad)} data-testid="verdict" role="status">
            {v.ok ? <CheckmarkCircle20Filled className={s.verdictIcon} /> : <ErrorCircle20Filled className={s.verdictIcon} />}
            <span>{v.text}</span>
          </div>
        )}
        {!fill && result && counts && (
          <>
            <Text className={s.resultTitle}>{RESULT_TITLE[result.kind]}</Text>
            <div className={s.counts} data-testid="counts">
              <span>错误 {counts.error}</span>
              <span>提示 {counts.warning}</span>
              <span>说明 {counts.info}</span>
            </div>
            {result.findings.length === 0 ? (
              <div className={s.empty}>{result.kind === 'narrative' ? '说明所需的数据齐全。' : '没有发现问题。'}</div>
            ) : (
              <FindingList
                groups={groups}
                selectedKey={selected?.key}
                cursor={selected?.cursor ?? -1}
                canSelectCells={host?.capabilities().selectCells === true}
                onPick={(f, key) => void pick(f, key)}
                onPickCell={(f, key, i) => void pick(f, key, i)}
              />
            )}
          </>
        )}
      </main>
      {footer && <footer className={s.footer}>{footer}</footer>}
      <SettingsDialog open={settingsOpen} value={settings} busy={busy !== null} onSave={(x) => void saveSettings(x)} onClose={() => setSettingsOpen(false)} />
    </div>
  );
}
