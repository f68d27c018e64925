import { Text, Title, Tooltip, type TextProps, type TitleOrder } from '@mantine/core'
import { useState, type CSSProperties } from 'react'

export interface TitleTextProps extends Pick<
  TextProps,
  'fz' | 'fw' | 'c' | 'w' | 'maw' | 'miw' | 'flex' | 'mb' | 'mt'
> {
  /** The full title: shown cut to one line with 「…」, whole in a tooltip when it does not fit. */
  children: string
  /** Renders a heading (`<h1>`–`<h6>`) instead of text, e.g. a detail page's header. */
  order?: TitleOrder
  style?: CSSProperties
}

/**
 * A title that never pushes its row wider (issue 10): one line, ellipsised, the full text on
 * hover (a tooltip, only when it is actually cut) and for screen readers (the text stays whole
 * in the DOM). It shrinks before its neighbours — put status badges (StatusBadge, which never
 * shrink) and buttons beside it. `data-title-text` lets the layout e2e check it is not squeezed
 * to a character or two.
 */
export function TitleText({ children, order, style, ...props }: TitleTextProps) {
  const [cut, setCut] = useState(false)
  const common = {
    'data-title-text': children,
    onMouseEnter: (e: React.MouseEvent<HTMLElement>) => {
      const el = e.currentTarget
      setCut(el.scrollWidth > el.clientWidth + 1)
    },
    style: { minWidth: 0, ...style },
  }
  const inner =
    order !== undefined ? (
      <Title order={order} lineClamp={1} {...props} {...common}>
        {children}
      </Title>
    ) : (
      <Text truncate="end" {...props} {...common}>
        {children}
      </Text>
    )
  return (
    <Tooltip
      label={children}
      disabled={!cut}
      multiline
      maw={480}
      openDelay={300}
      withinPortal
      position="bottom-start"
    >
      {inner}
    </Tooltip>
  )
}
