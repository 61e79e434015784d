// The pane's styles. One column in a narrow task pane; from 900 px (the standalone page at 1280,
// a wide Excel pane) the 说明 preview gets a column of its own beside the actions and findings.
import { makeStyles, shorthands, tokens } from '@fluentui/react-components';

export const WIDE = '@media (min-width: 900px)';

export const usePaneStyles = makeStyles({
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
  columns: {
    display: 'flex',
    flexDirection: 'column',
    [WIDE]: { display: 'grid', gridTemplateColumns: 'minmax(340px, 440px) minmax(0, 1fr)', alignItems: 'start' },
  },
  body: { display: 'flex', flexDirection: 'column', rowGap: '10px', minWidth: 0, ...shorthands.padding('10px', '12px', '16px') },
  side: {
    display: 'flex',
    flexDirection: 'column',
    minWidth: 0,
    ...shorthands.padding('0', '12px', '16px'),
    [WIDE]: { position: 'sticky', top: 0, ...shorthands.padding('10px', '12px', '16px', '0') },
  },
  progress: { display: 'flex', flexDirection: 'column', rowGap: '4px' },
  progressText: { color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
  undoHint: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, marginTop: '-4px' },
  footer: {
    marginTop: 'auto',
    ...shorthands.padding('8px', '12px'),
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase100,
  },
});

export const useToolbarStyles = makeStyles({
  actions: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: '6px' },
  action: { justifyContent: 'flex-start', minWidth: 0, whiteSpace: 'nowrap', paddingLeft: '8px', paddingRight: '6px' },
  primary: { justifyContent: 'center' },
});

export const useResultStyles = makeStyles({
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
  unchecked: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '2px',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorPaletteDarkOrangeForeground1,
    backgroundColor: tokens.colorPaletteYellowBackground1,
    ...shorthands.padding('6px', '8px'),
    ...shorthands.borderRadius(tokens.borderRadiusMedium),
  },
  uncheckedTitle: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200 },
  empty: {
    color: tokens.colorNeutralForeground3,
    fontSize: tokens.fontSizeBase200,
    textAlign: 'center',
    ...shorthands.padding('16px', '8px'),
  },
});

export const useNarrativeStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: '8px',
    ...shorthands.padding('10px', '12px'),
    ...shorthands.border('1px', 'solid', tokens.colorNeutralStroke2),
    ...shorthands.borderRadius(tokens.borderRadiusLarge),
    backgroundColor: tokens.colorNeutralBackground1,
  },
  head: { display: 'flex', alignItems: 'center', columnGap: '8px' },
  title: { fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 0 },
  text: {
    maxHeight: '45vh',
    overflowY: 'auto',
    ...shorthands.padding('4px', '6px', '4px', '0'),
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase400,
    [WIDE]: { maxHeight: 'calc(100vh - 120px)' },
  },
  paragraph: { ...shorthands.margin('0', '0', '6px'), textIndent: '2em' },
  heading: { ...shorthands.margin('8px', '0', '4px'), fontWeight: tokens.fontWeightSemibold },
  placeholder: { backgroundColor: tokens.colorPaletteYellowBackground2 },
  note: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});
