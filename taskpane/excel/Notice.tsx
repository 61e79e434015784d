import { FluentProvider, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { theme } from '../app/theme';

/** A one-sentence page for when the task pane cannot start. */
export function Notice({ text }: { text: string }): JSX.Element {
  return (
    <FluentProvider theme={theme}>
      <div style={{ padding: 12 }}>
        <MessageBar intent="warning">
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      </div>
    </FluentProvider>
  );
}
