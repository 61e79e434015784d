// The toolbar, driven by a list: adding a button is one entry of TOOLBAR_ACTIONS.
import { Button, mergeClasses } from '@fluentui/react-components';
import {
  ArrowUndo20Regular,
  DocumentArrowDown20Regular,
  DocumentText20Regular,
  Eraser20Regular,
  ShieldTask20Regular,
  TableAdd20Regular,
  TableEdit20Regular,
  TextGrammarCheckmark20Regular,
} from '@fluentui/react-icons';
import type { PaneState, Runner } from './controller';
import { ACTION_LABELS } from './controller';
import { useToolbarStyles } from './styles';

export interface ToolbarAction {
  /** Unique; also the button's data-action. */
  id: string;
  label: string;
  icon: JSX.Element;
  primary?: boolean;
  /** What the button does (the runner keeps the state the pane shows). */
  run(runner: Runner): Promise<unknown>;
  /** When the button can be pressed (default: whenever the pane is idle). */
  enabled?(state: PaneState): boolean;
}

export const TOOLBAR_ACTIONS: ToolbarAction[] = [
  { id: 'check', label: ACTION_LABELS.check, icon: <ShieldTask20Regular />, primary: true, run: (r) => r.run('check') },
  { id: 'narrate', label: ACTION_LABELS.narrate, icon: <DocumentText20Regular />, primary: true, run: (r) => r.run('narrate') },
  { id: 'fill', label: ACTION_LABELS.fill, icon: <TableEdit20Regular />, run: (r) => r.run('fill') },
  { id: 'textcheck', label: ACTION_LABELS.textcheck, icon: <TextGrammarCheckmark20Regular />, run: (r) => r.run('textcheck') },
  { id: 'supplement', label: ACTION_LABELS.supplement, icon: <TableAdd20Regular />, run: (r) => r.run('supplement') },
  { id: 'exportWord', label: ACTION_LABELS.exportWord, icon: <DocumentArrowDown20Regular />, run: (r) => r.run('exportWord') },
  { id: 'clear', label: ACTION_LABELS.clear, icon: <Eraser20Regular />, run: (r) => r.run('clear') },
  { id: 'undo', label: ACTION_LABELS.undo, icon: <ArrowUndo20Regular />, run: (r) => r.run('undo') },
];

export function Toolbar(props: { runner: Runner | null; state: PaneState | null; actions?: ToolbarAction[] }): JSX.Element {
  const s = useToolbarStyles();
  const { runner, state } = props;
  const idle = runner !== null && state !== null && state.busy === null;
  return (
    <div className={s.actions} role="toolbar" aria-label="操作">
      {(props.actions ?? TOOLBAR_ACTIONS).map((a) => (
        <Button
          key={a.id}
          data-action={a.id}
          appearance={a.primary ? 'primary' : 'secondary'}
          className={mergeClasses(s.action, a.primary && s.primary)}
          icon={a.icon}
          disabled={!idle || (a.enabled ? !a.enabled(state!) : false)}
          onClick={() => runner && void a.run(runner)}
        >
          {a.label}
        </Button>
      ))}
    </div>
  );
}
