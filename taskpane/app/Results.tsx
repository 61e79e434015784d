// The results of the last action: the 可以打印 verdict (检查), counts, what could not be checked (未核验),
// the findings by severity and table.
import { Text, mergeClasses } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, ErrorCircle20Filled } from '@fluentui/react-icons';
import type { Finding } from '../../src/core/finding';
import { countFindings, groupFindings, uncheckedView, verdict } from './controller';
import type { View, ViewKind } from './controller';
import { FindingList } from './FindingList';
import { useResultStyles } from './styles';

const RESULT_TITLE: Record<ViewKind, string> = {
  check: '检查结果',
  narrative: '生成说明：需要补充或确认的内容',
  textcheck: '说明文字核对结果',
};

export interface ResultsProps {
  view: View;
  selectedKey?: string;
  cursor: number;
  canSelectCells: boolean;
  onPick(f: Finding, key: string, index?: number): void;
}

export function Results({ view, selectedKey, cursor, canSelectCells, onPick }: ResultsProps): JSX.Element {
  const s = useResultStyles();
  const counts = countFindings(view.findings);
  const v = view.kind === 'check' ? verdict(view.findings) : undefined;
  const unchecked = uncheckedView(view.unchecked, view.findings);
  return (
    <>
      {v && (
        <div className={mergeClasses(s.verdict, v.ok ? s.verdictOk : s.verdictBad)} data-testid="verdict" role="status">
          {v.ok ? <CheckmarkCircle20Filled className={s.verdictIcon} /> : <ErrorCircle20Filled className={s.verdictIcon} />}
          <span>{v.text}</span>
        </div>
      )}
      <Text className={s.resultTitle}>{RESULT_TITLE[view.kind]}</Text>
      <div className={s.counts} data-testid="counts">
        <span>错误 {counts.error}</span>
        <span>提示 {counts.warning}</span>
        <span>说明 {counts.info}</span>
      </div>
      {unchecked && (
        <div className={s.unchecked} data-testid="unchecked">
          <Text className={s.uncheckedTitle}>{unchecked.title}</Text>
          {unchecked.lines.map((line) => (
            <div key={line}>{line}</div>
          ))}
        </div>
      )}
      {view.findings.length === 0 ? (
        <div className={s.empty}>{view.kind === 'narrative' ? '说明所需的数据齐全。' : '没有发现问题。'}</div>
      ) : (
        <FindingList
          groups={groupFindings(view.findings, view.tables)}
          selectedKey={selectedKey}
          cursor={cursor}
          canSelectCells={canSelectCells}
          onPick={(f, key) => onPick(f, key)}
          onPickCell={(f, key, i) => onPick(f, key, i)}
        />
      )}
    </>
  );
}
