import { ActionIcon, Grid, Group, Select, Text, TextInput, Tooltip } from '@mantine/core'
import { limitOf } from '../../../lib/schema-limits'
import { itemFormSchema } from './item-form'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import type { CatalogueEntry, Taxonomy, TopicNode } from '../../../../shared/catalogue/types'
import type { ItemKind, ItemView, Validity } from '../../../../shared/items/types'
import { NO_DUE_DATE_LABEL, VALIDITY_LABELS } from '../../../../shared/items/labels'
import { formatDate } from '../../../lib/format'
import { DateField } from '../../../components/DateField'
import { KIND_OPTIONS, PLAIN_VALIDITY_OPTIONS, topicLevels } from '../shared/options'
import { AddTaxonomyModal } from './AddTaxonomyModal'
import { DocNumberInput } from './DocNumberInput'
import type { ItemFormValues } from './item-form'

type FieldSetter = <K extends keyof ItemFormValues>(field: K, value: ItemFormValues[K]) => void

export interface MetadataFormProps {
  values: ItemFormValues
  titleError: string | undefined
  onTitleBlur: () => void
  set: FieldSetter
  view: ItemView | null
  taxonomy: Taxonomy | undefined
  catalogue: CatalogueEntry[] | undefined
  readOnly: boolean
  canMaintainTaxonomy: boolean
  onTaxonomyChanged: () => void
  onSetValidity: (validity: Validity) => void
}

const addButton = (label: string, onClick: () => void) => (
  <Tooltip label={label}>
    <ActionIcon variant="default" size={36} onClick={onClick} aria-label={label}>
      <IconPlus size={16} />
    </ActionIcon>
  </Tooltip>
)

/** The item's metadata (元数据) as on a government website's 信息公开 page. */
export function MetadataForm(p: MetadataFormProps) {
  const { values, set, taxonomy, readOnly } = p
  const [adding, setAdding] = useState<null | {
    what: 'topic' | 'genre'
    parent: TopicNode | null
  }>(null)
  const topics = taxonomy?.topics ?? []
  const { level1, level2 } = topicLevels(topics, values.topicId)
  const entry = p.catalogue?.find((e) => e.id === values.catalogueEntryId) ?? null
  const validity = p.view?.validity ?? 'valid'
  const linkedValidity = validity === 'amended' || validity === 'repealed'

  return (
    <>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <Select
            label="类别"
            data={KIND_OPTIONS}
            value={values.kind}
            onChange={(v) => v && set('kind', v as ItemKind)}
            allowDeselect={false}
            readOnly={readOnly}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <TextInput
            label="标题"
            placeholder="如：关于做好2025年度政府信息公开工作的通知"
            value={values.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            {...limitOf(itemFormSchema, 'title')}
            description={lengthNote(values.title, 'title')}
            onBlur={p.onTitleBlur}
            error={p.titleError}
            readOnly={readOnly}
            required
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <TextInput
            label="发文机关"
            placeholder="如：淄博高新区管委会办公室"
            value={values.issuer}
            onChange={(e) => set('issuer', e.currentTarget.value)}
            {...limitOf(itemFormSchema, 'issuer')}
            description={lengthNote(values.issuer, 'issuer')}
            readOnly={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <DocNumberInput
            value={values.docNumber}
            onChange={(v) => set('docNumber', v)}
            {...limitOf(itemFormSchema, 'docNumber')}
            readOnly={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <DateField
            label="成文日期"
            value={values.signedDate}
            onChange={(v) => set('signedDate', v)}
            readOnly={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <DateField
            label="拟发布日期"
            value={values.plannedPublishDate}
            onChange={(v) => set('plannedPublishDate', v)}
            readOnly={readOnly}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Group gap={6} align="flex-end" wrap="nowrap">
            <Select
              label="体裁分类"
              placeholder="请选择"
              data={(taxonomy?.genres ?? []).map((g) => ({ value: g.id, label: g.name }))}
              value={values.genreId}
              onChange={(v) => set('genreId', v)}
              searchable
              clearable
              nothingFoundMessage="没有匹配的体裁"
              readOnly={readOnly}
              style={{ flex: 1 }}
            />
            {p.canMaintainTaxonomy &&
              !readOnly &&
              addButton('新增体裁分类', () => setAdding({ what: 'genre', parent: null }))}
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6, md: 3 }}>
          <Select
            label="有效性"
            data={
              linkedValidity
                ? [...PLAIN_VALIDITY_OPTIONS, { value: validity, label: VALIDITY_LABELS[validity] }]
                : PLAIN_VALIDITY_OPTIONS
            }
            value={validity}
            onChange={(v) => v && v !== validity && p.onSetValidity(v as Validity)}
            allowDeselect={false}
            readOnly={readOnly || !p.view}
            description={
              p.view && linkedValidity && p.view.validityBy
                ? `由《${p.view.validityBy.title}》${VALIDITY_LABELS[validity]}`
                : undefined
            }
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Group gap={6} align="flex-end" wrap="nowrap">
            <Select
              label="主题分类（一级）"
              placeholder="请选择"
              data={topics.map((t) => ({ value: t.id, label: t.name }))}
              value={level1?.id ?? null}
              onChange={(v) => set('topicId', v)}
              searchable
              clearable
              nothingFoundMessage="没有匹配的分类"
              readOnly={readOnly}
              style={{ flex: 1 }}
            />
            <Select
              label="二级"
              placeholder={level1 && level1.children.length === 0 ? '无二级分类' : '请选择'}
              data={(level1?.children ?? []).map((c) => ({ value: c.id, label: c.name }))}
              value={level2?.id ?? null}
              onChange={(v) => set('topicId', v ?? level1?.id ?? null)}
              disabled={!level1}
              searchable
              clearable
              readOnly={readOnly}
              style={{ flex: 1 }}
            />
            {p.canMaintainTaxonomy &&
              !readOnly &&
              addButton(level1 ? `在「${level1.name}」下新增分类` : '新增主题分类', () =>
                setAdding({ what: 'topic', parent: level1 }),
              )}
          </Group>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Select
            label="公开事项目录"
            placeholder={p.catalogue?.length === 0 ? '目录为空：请先在目录管理中添加' : '请选择'}
            data={(p.catalogue ?? []).map((e) => ({
              value: e.id,
              label: e.level2 ? `${e.level1} / ${e.level2}` : e.level1,
            }))}
            value={values.catalogueEntryId}
            onChange={(v) => set('catalogueEntryId', v)}
            searchable
            clearable
            nothingFoundMessage="没有匹配的目录事项"
            readOnly={readOnly}
            description={entry ? <DueDateLine entry={entry} view={p.view} /> : undefined}
          />
        </Grid.Col>
      </Grid>
      {adding && (
        <AddTaxonomyModal
          what={adding.what}
          parent={adding.parent}
          onClose={() => setAdding(null)}
          onAdded={(added) => {
            p.onTaxonomyChanged()
            set(adding.what === 'genre' ? 'genreId' : 'topicId', added.id)
          }}
        />
      )}
    </>
  )
}

/** 时限 of the chosen entry and the due date core computed (after the next save). */
function DueDateLine({ entry, view }: { entry: CatalogueEntry; view: ItemView | null }) {
  const saved = view?.catalogueEntryId === entry.id
  const due = !entry.rule
    ? NO_DUE_DATE_LABEL
    : saved && view?.dueDate
      ? formatDate(view.dueDate)
      : saved && !view?.signedDate
        ? '填写成文日期后计算'
        : '保存后计算'
  return (
    <Text span fz="xs" c={view?.late && saved ? 'red' : 'dimmed'}>
      时限：{entry.timeLimit || '未填写'}（{entry.ruleText}） · 公开到期日：{due}
    </Text>
  )
}

/** 「已输入 280 / 300 字」 once a text field is near its limit (the input stops at the limit). */
function lengthNote(value: string, field: 'title' | 'issuer'): string | undefined {
  const max = limitOf(itemFormSchema, field).maxLength
  if (max === undefined || value.length < max * 0.8) return undefined
  return `已输入 ${value.length} / ${max} 字`
}
