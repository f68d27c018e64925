import { Alert, Button, Group, Loader, Paper, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { IconFileImport, IconListDetails, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useNavigate } from 'react-router'
import { api, request } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { PageHeader } from '../../../components/PageHeader'
import { ItemFilters } from './ItemFilters'
import { ItemGrid } from './ItemGrid'
import { EMPTY_FILTERS, extraFilterCount, toItemQuery, type ListFilters } from './list-query'
import { useItemPages } from './use-item-pages'

/** Filters survive opening an item and coming back (for this run of the app). */
let remembered: { filters: ListFilters; moreOpen: boolean; active: number } = {
  filters: EMPTY_FILTERS,
  moreOpen: false,
  active: 0,
}

/** 起草: every item, searchable and filterable, as a virtual list over paged queries. */
export function ItemListPage() {
  const navigate = useNavigate()
  const { capabilities } = useSession()
  const canEdit = capabilities.draft
  const [filters, setFiltersState] = useState<ListFilters>(remembered.filters)
  const [moreOpen, setMoreOpen] = useState(
    remembered.moreOpen || extraFilterCount(remembered.filters) > 0,
  )
  const [importing, setImporting] = useState(false)
  const [text] = useDebouncedValue(filters.text, 300)
  const query = toItemQuery(filters, text)
  const items = useItemPages(query)
  const taxonomy = useApiQuery(() => api().taxonomy.list({}))
  const authors = useApiQuery(() => api().items.authors({}))

  const setFilters = (f: ListFilters) => {
    remembered = { ...remembered, filters: f, active: 0 }
    setFiltersState(f)
  }

  const importDocx = async () => {
    setImporting(true)
    try {
      const view = await request(api().items.importDocx({})).catch(() => null)
      if (view) void navigate(`/drafts/${view.id}`, { state: { imported: true } })
    } finally {
      setImporting(false)
    }
  }

  return (
    <>
      <PageHeader
        title="起草"
        description="起草主动公开的政府信息：填写元数据和正文，添加附件，自动保存并保留每个版本。"
        actions={
          <>
            <Button
              variant="default"
              leftSection={<IconListDetails size={16} />}
              onClick={() => void navigate('/drafts/catalogue')}
            >
              目录管理
            </Button>
            {canEdit && (
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} />}
                onClick={() => void importDocx()}
                loading={importing}
              >
                导入 Word
              </Button>
            )}
            {canEdit && (
              <Button
                data-primary-action
                leftSection={<IconPlus size={16} />}
                onClick={() => void navigate('/drafts/new')}
              >
                新建
              </Button>
            )}
          </>
        }
      />
      <ItemFilters
        value={filters}
        onChange={setFilters}
        moreOpen={moreOpen}
        onToggleMore={() => {
          remembered = { ...remembered, moreOpen: !moreOpen }
          setMoreOpen(!moreOpen)
        }}
        taxonomy={taxonomy.data}
        searchIsPrimary={!canEdit}
        authors={authors.data}
      />
      {items.error && (
        <Alert color="red" mb="sm" title="查询失败">
          {items.error}
        </Alert>
      )}
      <Paper withBorder className="dd-grid-frame">
        <ItemGrid
          total={items.total ?? 0}
          rowAt={items.rowAt}
          ensureRange={items.ensureRange}
          searching={query.text !== undefined}
          initialActive={remembered.active}
          onActiveChange={(i) => (remembered = { ...remembered, active: i })}
          onOpen={(id) => void navigate(`/drafts/${id}`)}
          empty={
            items.total === 0 && !items.loading ? (
              <Text c="dimmed" ta="center" p="xl" fz="sm">
                {query.text || Object.keys(query).length > 2
                  ? '没有符合条件的条目'
                  : '还没有条目。点击右上角「新建」开始起草，或「导入 Word」从已有文档开始。'}
              </Text>
            ) : null
          }
        />
      </Paper>
      <Group justify="space-between" mt={6} px={2}>
        <Group gap={6}>
          <Text fz="xs" c="dimmed" data-testid="item-total">
            {items.total === null ? '正在加载…' : `共 ${items.total.toLocaleString('zh-CN')} 条`}
          </Text>
          {items.loading && <Loader size={10} />}
          {items.textMode === 'title-like' && (
            <Text fz="xs" c="dimmed">
              · 关键词少于 3 个字时只匹配标题
            </Text>
          )}
        </Group>
        <Text fz="xs" c="dimmed">
          ↑↓ 选择 · Enter 打开
        </Text>
      </Group>
    </>
  )
}
