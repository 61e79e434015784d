// The task pane: one React app for Excel, WPS and the standalone page. The host is injected; the
// action runner (src/app/runner) does every action and holds the state this only renders.
import * as React from 'react';
import { Button, FluentProvider, MessageBar, MessageBarBody, ProgressBar, Tooltip } from '@fluentui/react-components';
import { Settings20Regular } from '@fluentui/react-icons';
import type { CellRef, Finding } from '../../src/core/finding';
import type { WorkbookHost } from '../../src/hosts/host';
import { keepsFormulas, Runner, UNDO_NAMES } from './controller';
import type { PaneState } from './controller';
import { userMessage } from './errors';
import { exportWord } from './exportAction';
import { FillPanel } from './FillPanel';
import { FindingList } from './FindingList';
import { groupFindings } from './controller';
import { NarrativePreview } from './NarrativePreview';
import { readPriorWorkbook } from './prior';
import { Results } from './Results';
import { SettingsDialog } from './SettingsDialog';
import { usePaneStyles } from './styles';
import { theme } from './theme';
import { Toolbar } from './toolbar';

export interface AppProps {
  /** The workbook to work on; null until there is one (the standalone page before a file is opened). */
  host: WorkbookHost | null;
  /** The runner over `host`, when the page drives it too (the WPS ribbon's commands); else the pane makes one. */
  runner?: Runner;
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

export function App(props: AppProps): JSX.Element {
  return (
    <FluentProvider theme={theme}>
      <Pane {...props} />
    </FluentProvider>
  );
}

const noState = (): PaneState | null => null;
const noSubscribe = () => () => undefined;

function Pane({ host, runner: given, subtitle, top, empty, onChanged, footer, notice }: AppProps): JSX.Element {
  const s = usePaneStyles();
  const changed = React.useRef(onChanged);
  changed.current = onChanged;
  const runner = React.useMemo(
    () => given ?? (host ? new Runner(host, { describeError: userMessage, onChanged: () => changed.current?.(), exportWord }) : null),
    [host, given],
  );
  const state = React.useSyncExternalStore(runner?.subscribe ?? noSubscribe, runner?.getState ?? noState);
  const [settingsOpen, setSettingsOpen] = React.useState(false);
  const [selected, setSelected] = React.useState<{ key: string; cursor: number } | null>(null);
  const [note, setNote] = React.useState<string | null>(null);

  React.useEffect(() => {
    setSelected(null);
    setNote(null);
    if (runner) void runner.start();
  }, [runner]);
  React.useEffect(() => setSelected(null), [state?.view, state?.fill]);
  React.useEffect(() => setNote(null), [state?.status]);

  const selectCell = React.useCallback(
    async (cell: CellRef | undefined) => {
      if (!cell || !host || !host.capabilities().selectCells) return;
      try {
        await host.select(cell.sheet, [cell.address]);
      } catch (e) {
        setNote(userMessage(e, '选中单元格'));
      }
    },
    [host],
  );

  const pick = React.useCallback(
    (f: Finding, key: string, index?: number) => {
      let cursor = 0;
      if (index !== undefined) cursor = index;
      else if (selected?.key === key) {
        if (f.cells.length <= 1) {
          setSelected(null); // second click on a one-cell finding: collapse it
          return;
        }
        cursor = (selected.cursor + 1) % f.cells.length;
      }
      setSelected({ key, cursor });
      void selectCell(f.cells[cursor]);
    },
    [selected, selectCell],
  );

  const busy = state?.busy ?? null;
  const canSelect = host?.capabilities().selectCells === true;
  const status = note ? { intent: 'error' as const, text: note } : (state?.status ?? null);

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
            disabled={!runner || busy !== null}
            onClick={() => setSettingsOpen(true)}
          />
        </Tooltip>
      </header>

      {top}

      <div className={s.columns}>
        <main className={s.body}>
          {notice && (
            <MessageBar intent="info" data-testid="notice">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          <Toolbar runner={runner} state={state} />
          {state?.undo && (
            <span className={s.undoHint} data-testid="undo-hint">
              “撤销”将取消：{UNDO_NAMES[state.undo]}
            </span>
          )}

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

          {!runner && empty}

          {runner && state?.fill && host && (
            <FillPanel
              preview={state.fill}
              mode={state.fillMode}
              formulasKept={keepsFormulas(host)}
              priorFile={state.prior?.file}
              busy={busy !== null}
              canSelectCells={canSelect}
              onMode={(mode) => void runner.previewFill(mode)}
              onPickPrior={(file) => void runner.pickPrior(file.name, () => readPriorWorkbook(file))}
              onClearPrior={() => void runner.previewFill(state.fillMode, null)}
              onConfirm={() => void runner.confirmFill()}
              onCancel={() => runner.cancelFill()}
              onSelectCell={(cell) => void selectCell(cell)}
              findings={
                <FindingList
                  groups={groupFindings(state.fill.result.findings, state.fill.tables)}
                  selectedKey={selected?.key}
                  cursor={selected?.cursor ?? -1}
                  canSelectCells={canSelect}
                  onPick={(f, key) => pick(f, key)}
                  onPickCell={(f, key, i) => pick(f, key, i)}
                />
              }
            />
          )}
          {state && !state.fill && state.view && (
            <Results
              view={state.view}
              selectedKey={selected?.key}
              cursor={selected?.cursor ?? -1}
              canSelectCells={canSelect}
              onPick={pick}
            />
          )}
        </main>
        {state?.narrative && !state.fill && (
          <aside className={s.side}>
            <NarrativePreview
              sheet={state.narrative.sheet}
              paragraphs={state.narrative.paragraphs}
              onCopied={(ok) => setNote(ok ? null : '无法复制：请在工作表中选中说明文字后按 Ctrl+C。')}
            />
          </aside>
        )}
      </div>
      {footer && <footer className={s.footer}>{footer}</footer>}
      {runner && state && (
        <SettingsDialog
          open={settingsOpen}
          value={state.settings}
          detected={state.template}
          busy={busy !== null}
          onSave={(x) => {
            setSettingsOpen(false);
            void runner.saveSettings(x);
          }}
          onClose={() => setSettingsOpen(false)}
        />
      )}
    </div>
  );
}
