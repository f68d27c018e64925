import { Anchor, Group, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import type { TodoGroup } from '../../../shared/home/types'

/**
 * One heading of 我的待办: its count (a link to where the work is done) and the first few items,
 * each opening the item. The count says the whole number; the rows are at most a handful.
 */
export function TodoCountCard({
  id,
  title,
  to,
  group,
  rowLink,
  color = 'blue',
  empty,
  extra,
}: {
  id: string
  title: string
  /** Where the 「查看」 link and the figure go. */
  to: string
  /** Undefined while core's answer is loading. */
  group: (Pick<TodoGroup, 'count'> & Partial<Pick<TodoGroup, 'rows'>>) | undefined
  /** Where one row opens; without it rows are not listed. */
  rowLink?: (itemId: string) => string
  /** The figure's colour when there is something to do. */
  color?: string
  /** What the card says when the count is 0. */
  empty: string
  /** A line under the figure (e.g. 失败 2 · 冲突 1). */
  extra?: React.ReactNode
}) {
  const count = group?.count
  return (
    <Paper withBorder p="md" data-testid={`todo-${id}`} aria-label={title} component="section">
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
        <Text fw={600} fz="sm" className="dd-nowrap">
          {title}
        </Text>
        <Anchor component={Link} to={to} fz="xs" className="dd-nowrap">
          查看
        </Anchor>
      </Group>
      {count === undefined ? (
        <Skeleton h={32} w={48} />
      ) : (
        <Anchor component={Link} to={to} underline="never" aria-label={`${title}：${count} 项`}>
          <Text fz={28} fw={700} lh={1.2} c={count > 0 ? color : 'dimmed'} data-testid="todo-count">
            {count}
          </Text>
        </Anchor>
      )}
      {extra}
      {count === 0 && (
        <Text fz="xs" c="dimmed">
          {empty}
        </Text>
      )}
      {rowLink && group?.rows && group.rows.length > 0 && (
        <Stack gap={2} mt={6}>
          {group.rows.map((r) => (
            <div key={r.itemId}>
              <Anchor
                component={Link}
                to={rowLink(r.itemId)}
                fz="xs"
                title={r.note ? `${r.title}（${r.note}）` : r.title}
                truncate="end"
                display="block"
              >
                {r.title.trim() === '' ? '（无标题条目）' : r.title}
              </Anchor>
              {r.note && (
                <Text fz={11} c="dimmed" truncate="end">
                  {r.note}
                </Text>
              )}
            </div>
          ))}
          {group.count > group.rows.length && (
            <Text fz="xs" c="dimmed">
              还有 {group.count - group.rows.length} 项
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  )
}
