import { Select, type SelectProps } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import type { ItemKind } from '../../../../shared/items/types'
import { ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { api } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'

/** Picks another item by searching titles (and text); the list is filtered by core, 20 at a time. */
export function ItemPicker({
  kinds,
  excludeIds = [],
  value,
  onChange,
  ...props
}: Omit<SelectProps, 'data' | 'value' | 'onChange'> & {
  kinds?: ItemKind[]
  excludeIds?: string[]
  value: string | null
  onChange: (id: string | null) => void
}) {
  const [search, setSearch] = useState('')
  const [text] = useDebouncedValue(search.trim(), 250)
  const input = { ...(text ? { text } : {}), ...(kinds ? { kinds } : {}), limit: 20 }
  const found = useApiQuery(() => api().items.search(input), JSON.stringify(input))
  const data = (found.data?.rows ?? [])
    .filter((r) => !excludeIds.includes(r.id))
    .map((r) => ({
      value: r.id,
      label: `${r.title || '（无标题）'}${r.docNumber ? ` ${r.docNumber}` : ''} · ${ITEM_KIND_LABELS[r.kind]}`,
    }))
  return (
    <Select
      searchable
      clearable
      data={data}
      value={value}
      onChange={onChange}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={found.loading ? '正在查找…' : '没有找到条目'}
      leftSection={<IconSearch size={14} aria-hidden />}
      placeholder="输入标题关键词查找"
      comboboxProps={{ withinPortal: true }}
      {...props}
    />
  )
}
