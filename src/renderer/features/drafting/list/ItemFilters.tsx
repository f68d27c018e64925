import {
  ActionIcon,
  Button,
  Collapse,
  Group,
  Indicator,
  MultiSelect,
  Paper,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
  Tooltip,
} from '@mantine/core'
import {
  IconAdjustmentsHorizontal,
  IconSearch,
  IconSortAscending,
  IconSortDescending,
  IconX,
} from '@tabler/icons-react'
import type { Taxonomy } from '../../../../shared/catalogue/types'
import type {
  ItemAuthor,
  ItemKind,
  ItemSort,
  ItemStatus,
  Validity,
} from '../../../../shared/items/types'
import { DateField } from '../../../components/DateField'
import {
  KIND_OPTIONS,
  SORT_OPTIONS,
  STATUS_OPTIONS,
  topicFilterOptions,
  VALIDITY_OPTIONS,
} from '../shared/options'
import { EMPTY_FILTERS, extraFilterCount, type ListFilters } from './list-query'

export function ItemFilters({
  value,
  onChange,
  moreOpen,
  onToggleMore,
  taxonomy,
  authors,
  searchIsPrimary = false,
}: {
  value: ListFilters
  onChange: (v: ListFilters) => void
  moreOpen: boolean
  onToggleMore: () => void
  taxonomy: Taxonomy | undefined
  authors: ItemAuthor[] | undefined
  /** For read-only users (no 新建) the search box is the page's main action. */
  searchIsPrimary?: boolean
}) {
  const set = <K extends keyof ListFilters>(k: K, v: ListFilters[K]) =>
    onChange({ ...value, [k]: v })
  const extra = extraFilterCount(value)
  const dirty =
    JSON.stringify({ ...value, sort: 'updated', order: 'desc' }) !== JSON.stringify(EMPTY_FILTERS)
  return (
    <Paper withBorder p="sm" mb="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          aria-label="搜索"
          {...(searchIsPrimary ? { 'data-primary-action': true } : {})}
          placeholder="搜索标题、正文、附件文字"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={
            value.text ? (
              <ActionIcon
                variant="subtle"
                color="gray"
                onClick={() => set('text', '')}
                aria-label="清除搜索"
              >
                <IconX size={14} />
              </ActionIcon>
            ) : undefined
          }
          value={value.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          style={{ flex: 1, minWidth: 200 }}
          maxLength={100}
        />
        <MultiSelect
          aria-label="状态"
          placeholder={value.statuses.length ? undefined : '全部状态'}
          data={STATUS_OPTIONS}
          value={value.statuses}
          onChange={(v) => set('statuses', v as ItemStatus[])}
          clearable
          w={170}
        />
        <MultiSelect
          aria-label="类别"
          placeholder={value.kinds.length ? undefined : '全部类别'}
          data={KIND_OPTIONS}
          value={value.kinds}
          onChange={(v) => set('kinds', v as ItemKind[])}
          clearable
          w={170}
        />
        <Select
          aria-label="排序"
          data={SORT_OPTIONS}
          value={value.sort}
          onChange={(v) => v && set('sort', v as ItemSort)}
          allowDeselect={false}
          w={124}
        />
        <Tooltip label={value.order === 'desc' ? '降序（点击改为升序）' : '升序（点击改为降序）'}>
          <ActionIcon
            variant="default"
            size={36}
            onClick={() => set('order', value.order === 'desc' ? 'asc' : 'desc')}
            aria-label={value.order === 'desc' ? '降序' : '升序'}
          >
            {value.order === 'desc' ? (
              <IconSortDescending size={18} />
            ) : (
              <IconSortAscending size={18} />
            )}
          </ActionIcon>
        </Tooltip>
        <Indicator label={extra} size={16} disabled={extra === 0} offset={4}>
          <Button
            variant={moreOpen ? 'light' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={16} />}
            onClick={onToggleMore}
            aria-expanded={moreOpen}
          >
            更多筛选
          </Button>
        </Indicator>
        {dirty && (
          <Button
            variant="subtle"
            color="gray"
            onClick={() => onChange({ ...EMPTY_FILTERS, sort: value.sort, order: value.order })}
          >
            清除筛选
          </Button>
        )}
      </Group>
      <Collapse expanded={moreOpen}>
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt="sm">
          <Select
            label="主题分类"
            placeholder="全部分类"
            data={topicFilterOptions(taxonomy?.topics ?? [])}
            value={value.topicId}
            onChange={(v) => set('topicId', v)}
            searchable
            clearable
            nothingFoundMessage="没有匹配的分类"
          />
          <MultiSelect
            label="有效性"
            placeholder={value.validities.length ? undefined : '全部'}
            data={VALIDITY_OPTIONS}
            value={value.validities}
            onChange={(v) => set('validities', v as Validity[])}
            clearable
          />
          <DateField
            label="成文日期（起）"
            placeholder="不限"
            value={value.signed[0]}
            onChange={(v) => set('signed', [v, value.signed[1]])}
          />
          <DateField
            label="成文日期（止）"
            placeholder="不限"
            value={value.signed[1]}
            onChange={(v) => set('signed', [value.signed[0], v])}
          />
          <DateField
            label="更新时间（起）"
            placeholder="不限"
            value={value.updated[0]}
            onChange={(v) => set('updated', [v, value.updated[1]])}
          />
          <DateField
            label="更新时间（止）"
            placeholder="不限"
            value={value.updated[1]}
            onChange={(v) => set('updated', [value.updated[0], v])}
          />
          <Select
            label="起草人"
            placeholder="全部"
            data={(authors ?? []).map((a) => ({ value: a.id, label: a.displayName }))}
            value={value.authorId}
            onChange={(v) => set('authorId', v)}
            searchable
            clearable
          />
          <Switch
            label="只看逾期未公开"
            checked={value.lateOnly}
            onChange={(e) => set('lateOnly', e.currentTarget.checked)}
            mt={30}
          />
        </SimpleGrid>
      </Collapse>
    </Paper>
  )
}
