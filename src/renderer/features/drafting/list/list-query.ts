import type { ItemKind, ItemSort, ItemStatus, Validity } from '../../../../shared/items/types'
import type { ItemQuery } from './use-item-pages'

export interface ListFilters {
  text: string
  statuses: ItemStatus[]
  kinds: ItemKind[]
  topicId: string | null
  validities: Validity[]
  /** 成文日期 range (`YYYY-MM-DD`, either end may be open). */
  signed: [string | null, string | null]
  /** 更新时间 range. */
  updated: [string | null, string | null]
  authorId: string | null
  lateOnly: boolean
  sort: ItemSort
  order: 'asc' | 'desc'
}

export const EMPTY_FILTERS: ListFilters = {
  text: '',
  statuses: [],
  kinds: [],
  topicId: null,
  validities: [],
  signed: [null, null],
  updated: [null, null],
  authorId: null,
  lateOnly: false,
  sort: 'updated',
  order: 'desc',
}

const day = (v: string | null) => (v ? v.slice(0, 10) : undefined)

/** A range with only a start means that one day. */
function range(r: [string | null, string | null]): [string | undefined, string | undefined] {
  const from = day(r[0])
  return [from, day(r[1]) ?? from]
}

/** The `items:search` input for the filters (the search text already debounced). */
export function toItemQuery(f: ListFilters, text: string): ItemQuery {
  const [signedFrom, signedTo] = range(f.signed)
  const [updatedFrom, updatedTo] = range(f.updated)
  const q: ItemQuery = { sort: f.sort, order: f.order }
  const t = text.trim()
  if (t) q.text = t
  if (f.statuses.length) q.statuses = f.statuses
  if (f.kinds.length) q.kinds = f.kinds
  if (f.topicId) q.topicId = f.topicId
  if (f.validities.length) q.validities = f.validities
  if (signedFrom) q.signedFrom = signedFrom
  if (signedTo) q.signedTo = signedTo
  if (updatedFrom) q.updatedFrom = updatedFrom
  if (updatedTo) q.updatedTo = updatedTo
  if (f.authorId) q.authorId = f.authorId
  if (f.lateOnly) q.late = true
  return q
}

/** How many of the 「更多筛选」 filters are set (shown on its button). */
export function extraFilterCount(f: ListFilters): number {
  return [
    f.topicId !== null,
    f.validities.length > 0,
    f.signed.some((d) => d !== null),
    f.updated.some((d) => d !== null),
    f.authorId !== null,
    f.lateOnly,
  ].filter(Boolean).length
}
