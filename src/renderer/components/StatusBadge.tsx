import { Badge, type BadgeProps } from '@mantine/core'
import type { ReactNode } from 'react'

/**
 * A status badge that is never cut to 「草」「待…」 (issue 10): it does not shrink in a flex row
 * and is never narrower than its text; the title next to it gives way instead (TitleText).
 * The theme gives every Mantine Badge the same floor (theme.ts); use this where the badge is
 * a status so the intent is visible where it is written.
 */
export function StatusBadge({
  children,
  style,
  ...props
}: BadgeProps & { children: ReactNode; title?: string }) {
  return (
    <Badge variant="light" {...props} style={{ ...BADGE_NO_SHRINK, ...(style as object) }}>
      {children}
    </Badge>
  )
}

/** The floor every badge gets (theme.ts and StatusBadge). */
export const BADGE_NO_SHRINK = { flexShrink: 0, minWidth: 'max-content' } as const
