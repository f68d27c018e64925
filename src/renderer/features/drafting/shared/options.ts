import {
  ITEM_KINDS,
  ITEM_SORTS,
  ITEM_STATUSES,
  PLAIN_VALIDITIES,
  VALIDITIES,
  type ItemStatus,
} from '../../../../shared/items/types'
import {
  ITEM_KIND_LABELS,
  ITEM_SORT_LABELS,
  ITEM_STATUS_LABELS,
  VALIDITY_LABELS,
} from '../../../../shared/items/labels'
import type { TopicNode } from '../../../../shared/catalogue/types'

/** Select data built from the shared label tables (the one place for Chinese labels). */
export const KIND_OPTIONS = ITEM_KINDS.map((value) => ({ value, label: ITEM_KIND_LABELS[value] }))
export const STATUS_OPTIONS = ITEM_STATUSES.map((value) => ({
  value,
  label: ITEM_STATUS_LABELS[value],
}))
export const VALIDITY_OPTIONS = VALIDITIES.map((value) => ({
  value,
  label: VALIDITY_LABELS[value],
}))
export const PLAIN_VALIDITY_OPTIONS = PLAIN_VALIDITIES.map((value) => ({
  value,
  label: VALIDITY_LABELS[value],
}))
export const SORT_OPTIONS = ITEM_SORTS.map((value) => ({ value, label: ITEM_SORT_LABELS[value] }))

/** Badge colours per status: calm greys and blues, red only where the officer must act. */
export const STATUS_COLORS: Record<ItemStatus, string> = {
  draft: 'gray',
  pending_review: 'blue',
  returned: 'red',
  approved: 'teal',
  synced: 'indigo',
  withdrawn: 'dark',
}

/** The first-level topic a (first- or second-level) topic id belongs to. */
export function topicLevels(
  topics: TopicNode[],
  topicId: string | null,
): { level1: TopicNode | null; level2: TopicNode | null } {
  if (!topicId) return { level1: null, level2: null }
  for (const t of topics) {
    if (t.id === topicId) return { level1: t, level2: null }
    const child = t.children.find((c) => c.id === topicId)
    if (child) return { level1: t, level2: child }
  }
  return { level1: null, level2: null }
}

/** Grouped select data: every first level, with its second levels indented under it. */
export function topicFilterOptions(topics: TopicNode[]) {
  return topics.map((t) => ({
    group: t.name,
    items: [
      { value: t.id, label: `${t.name}（全部）` },
      ...t.children.map((c) => ({ value: c.id, label: c.name })),
    ],
  }))
}
