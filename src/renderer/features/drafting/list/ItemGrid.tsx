import { Skeleton } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { ItemSearchRow } from '../../../../shared/items/types'
import { Cells } from './ItemGridCells'

/** Columns shown only when the list is wide enough (hidden below 1280 px, see drafting.css). */
const WIDE_ONLY = new Set(['发文字号', '更新时间'])

const COLUMNS = [
  '标题',
  '类别',
  '状态',
  '索引号',
  '发文字号',
  '成文日期',
  '更新时间',
  '提示',
] as const

const ROW = 40
const ROW_WITH_SNIPPET = 58

/**
 * The virtual item grid: only the rows on screen exist in the DOM; the rows' pages load as they
 * come into view. Keyboard: ↑/↓/PageUp/PageDown/Home/End move, Enter opens.
 */
export function ItemGrid({
  total,
  rowAt,
  ensureRange,
  searching,
  onOpen,
  initialActive,
  onActiveChange,
  empty,
}: {
  total: number
  rowAt: (i: number) => ItemSearchRow | undefined
  ensureRange: (start: number, end: number) => void
  searching: boolean
  onOpen: (id: string) => void
  initialActive: number
  onActiveChange: (i: number) => void
  empty: ReactNode
}) {
  const scrollRef = useRef<HTMLDivElement>(null)
  const [active, setActiveState] = useState(Math.min(initialActive, Math.max(0, total - 1)))
  const rowHeight = searching ? ROW_WITH_SNIPPET : ROW
  // The app does not use the React Compiler; the virtualizer re-renders this grid on scroll itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  })
  useEffect(() => {
    virtualizer.measure()
  }, [rowHeight, virtualizer])

  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  useEffect(() => {
    if (total > 0) ensureRange(first, last)
  }, [ensureRange, first, last, total])

  // Scroll back to where the officer was when returning from an item.
  useEffect(() => {
    if (initialActive > 0 && initialActive < total)
      virtualizer.scrollToIndex(initialActive, { align: 'center' })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const setActive = (i: number) => {
    const next = Math.max(0, Math.min(total - 1, i))
    setActiveState(next)
    onActiveChange(next)
    virtualizer.scrollToIndex(next, { align: 'auto' })
  }

  const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / rowHeight) - 1)
  const onKeyDown = (e: KeyboardEvent) => {
    if (total === 0) return
    const moves: Record<string, number> = {
      ArrowDown: active + 1,
      ArrowUp: active - 1,
      PageDown: active + page,
      PageUp: active - page,
      Home: 0,
      End: total - 1,
    }
    if (e.key in moves) {
      e.preventDefault()
      setActive(moves[e.key]!)
    } else if (e.key === 'Enter') {
      const row = rowAt(active)
      if (row) {
        e.preventDefault()
        onOpen(row.id)
      }
    }
  }

  const activeRow = rowAt(active)
  return (
    <div
      ref={scrollRef}
      className="dd-grid"
      role="grid"
      aria-label="条目列表"
      aria-rowcount={total + 1}
      aria-activedescendant={activeRow ? `item-row-${activeRow.id}` : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div role="row" className="dd-grid-row dd-grid-head" aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <div
            key={c}
            role="columnheader"
            className={WIDE_ONLY.has(c) ? 'dd-cell dd-col-wide' : 'dd-cell'}
          >
            {c}
          </div>
        ))}
      </div>
      {total === 0 ? (
        empty
      ) : (
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((v) => {
            const row = rowAt(v.index)
            return (
              <div
                key={v.key}
                id={row ? `item-row-${row.id}` : undefined}
                role="row"
                aria-rowindex={v.index + 2}
                aria-selected={v.index === active}
                aria-label={row ? row.title || '（无标题）' : undefined}
                className="dd-grid-row dd-grid-body-row"
                data-active={v.index === active || undefined}
                style={{ height: v.size, transform: `translateY(${v.start}px)` }}
                onClick={() => {
                  if (!row) return
                  setActiveState(v.index)
                  onActiveChange(v.index)
                  onOpen(row.id)
                }}
              >
                {row ? (
                  <Cells row={row} searching={searching} />
                ) : (
                  <div className="dd-cell dd-cell-loading">
                    <Skeleton height={12} radius="sm" />
                  </div>
                )}
              </div>
            )
          })}
        </div>
      )}
    </div>
  )
}
