import { createTheme, localStorageColorSchemeManager, type MantineColorsTuple } from '@mantine/core'
import { BADGE_NO_SHRINK } from './components/StatusBadge'

/** A calm government blue; shade 7 is the primary (#1d4f91). */
const govBlue: MantineColorsTuple = [
  '#eaf1fb',
  '#d3e0f3',
  '#a6bfe6',
  '#769cd9',
  '#4f7fcd',
  '#376cc6',
  '#2a5fb0',
  '#1d4f91',
  '#164381',
  '#0c3670',
]

const FONT_STACK =
  '"Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "Hiragino Sans GB", system-ui, sans-serif'

export const theme = createTheme({
  primaryColor: 'gov',
  primaryShade: { light: 7, dark: 5 },
  colors: { gov: govBlue },
  fontFamily: FONT_STACK,
  headings: { fontFamily: FONT_STACK, fontWeight: '600' },
  fontFamilyMonospace: '"Noto Sans Mono CJK SC", "Cascadia Mono", Consolas, monospace',
  defaultRadius: 'sm',
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Modal: { defaultProps: { centered: true, overlayProps: { backgroundOpacity: 0.45 } } },
    Table: { defaultProps: { verticalSpacing: 'xs', highlightOnHover: true } },
    // Badges never truncate (issue 10): a long title beside one gives way instead.
    Badge: { defaultProps: { radius: 'sm' }, styles: { root: BADGE_NO_SHRINK } },
  },
})

/** Light/dark choice persisted in localStorage (the user menu toggles it). */
export const colorSchemeManager = localStorageColorSchemeManager({
  key: 'disclosure-desk-color-scheme',
})
