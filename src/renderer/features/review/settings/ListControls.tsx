import { ActionIcon, Group, Tooltip } from '@mantine/core'
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react'

/** Move up / move down / delete for one row of an ordered list editor. */
export function ListControls({
  index,
  count,
  label,
  onMove,
  onRemove,
  minCount = 1,
}: {
  index: number
  count: number
  label: string
  onMove: (from: number, to: number) => void
  onRemove: (index: number) => void
  minCount?: number
}) {
  return (
    <Group gap={2} wrap="nowrap">
      <Tooltip label="上移">
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={index === 0}
          onClick={() => onMove(index, index - 1)}
          aria-label={`上移：${label}`}
        >
          <IconArrowUp size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="下移">
        <ActionIcon
          variant="subtle"
          color="gray"
          disabled={index === count - 1}
          onClick={() => onMove(index, index + 1)}
          aria-label={`下移：${label}`}
        >
          <IconArrowDown size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="删除">
        <ActionIcon
          variant="subtle"
          color="red"
          disabled={count <= minCount}
          onClick={() => onRemove(index)}
          aria-label={`删除：${label}`}
        >
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  )
}

export function moved<T>(list: T[], from: number, to: number): T[] {
  const next = [...list]
  const [row] = next.splice(from, 1)
  next.splice(to, 0, row!)
  return next
}
