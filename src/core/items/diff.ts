import { diffArrays, diffChars } from 'diff'
import type {
  DiffPart,
  DiffRow,
  FieldChange,
  ItemContent,
  ItemDiff,
} from '../../shared/items/types'
import { ITEM_FIELD_LABELS, ITEM_KIND_LABELS, VALIDITY_LABELS } from '../../shared/items/labels'
import type { Kysely } from 'kysely'
import type { DB } from '../db/schema'
import { htmlToText } from '../html/html-text'
import { getRevision } from './revisions'

const FIELDS: (keyof ItemContent)[] = [
  'kind',
  'title',
  'issuer',
  'docNumber',
  'signedDate',
  'plannedPublishDate',
  'topicId',
  'genreId',
  'catalogueEntryId',
  'validity',
  'validityById',
]

/** Display text of a field value (names for ids, labels for codes). */
async function display(db: Kysely<DB>, field: keyof ItemContent, value: unknown): Promise<string> {
  if (value === null || value === undefined || value === '') return '（空）'
  const id = String(value)
  switch (field) {
    case 'kind':
      return ITEM_KIND_LABELS[value as ItemContent['kind']] ?? id
    case 'validity':
      return VALIDITY_LABELS[value as ItemContent['validity']] ?? id
    case 'topicId':
      return (
        (await db.selectFrom('topics').select('name').where('id', '=', id).executeTakeFirst())
          ?.name ?? id
      )
    case 'genreId':
      return (
        (await db.selectFrom('genres').select('name').where('id', '=', id).executeTakeFirst())
          ?.name ?? id
      )
    case 'catalogueEntryId': {
      const e = await db
        .selectFrom('catalogue_entries')
        .select(['level1', 'level2'])
        .where('id', '=', id)
        .executeTakeFirst()
      return e ? [e.level1, e.level2].filter(Boolean).join(' / ') : id
    }
    case 'validityById':
      return (
        (await db.selectFrom('items').select('title').where('id', '=', id).executeTakeFirst())
          ?.title ?? id
      )
    default:
      return id
  }
}

function parts(
  changes: { value: string; added?: boolean; removed?: boolean }[],
  side: 'left' | 'right',
): DiffPart[] {
  return changes
    .filter((c) => (side === 'left' ? !c.added : !c.removed))
    .map((c) => ({ text: c.value, op: c.added ? 'added' : c.removed ? 'removed' : 'same' }))
}

/**
 * Side-by-side rows for two bodies, one paragraph per line. Runs of removed lines followed by
 * added ones are paired into `changed` rows with character-level parts (Chinese has no spaces,
 * so words would not help).
 */
export function diffBodies(leftHtml: string, rightHtml: string): DiffRow[] {
  const left = htmlToText(leftHtml)
    .split('\n')
    .filter((l) => l !== '')
  const right = htmlToText(rightHtml)
    .split('\n')
    .filter((l) => l !== '')
  const rows: DiffRow[] = []
  let ln = 1
  let rn = 1
  const changes = diffArrays(left, right)
  for (let i = 0; i < changes.length; i++) {
    const c = changes[i]
    if (!c) continue
    if (!c.added && !c.removed) {
      for (const line of c.value)
        rows.push({ op: 'same', left: line, right: line, leftNo: ln++, rightNo: rn++ })
      continue
    }
    const removed = c.removed ? c.value : []
    const next = changes[i + 1]
    const added = c.added ? c.value : next?.added ? next.value : []
    if (c.removed && next?.added) i++
    const n = Math.max(removed.length, added.length)
    for (let k = 0; k < n; k++) {
      const l = removed[k]
      const r = added[k]
      if (l !== undefined && r !== undefined) {
        const chars = diffChars(l, r)
        rows.push({
          op: 'changed',
          left: l,
          right: r,
          leftNo: ln++,
          rightNo: rn++,
          leftParts: parts(chars, 'left'),
          rightParts: parts(chars, 'right'),
        })
      } else if (l !== undefined) {
        rows.push({ op: 'removed', left: l, right: null, leftNo: ln++, rightNo: null })
      } else if (r !== undefined) {
        rows.push({ op: 'added', left: null, right: r, leftNo: null, rightNo: rn++ })
      }
    }
  }
  return rows
}

/** The metadata and body differences between two revisions of one item. */
export async function diffRevisions(
  db: Kysely<DB>,
  itemId: string,
  from: number,
  to: number,
): Promise<ItemDiff> {
  const a = await getRevision(db, itemId, from)
  const b = await getRevision(db, itemId, to)
  const fields: FieldChange[] = []
  for (const field of FIELDS) {
    if (a.content[field] === b.content[field]) continue
    fields.push({
      field,
      label: ITEM_FIELD_LABELS[field],
      before: await display(db, field, a.content[field]),
      after: await display(db, field, b.content[field]),
    })
  }
  const names = (list: { name: string; sha256: string }[]) =>
    list.map((x) => x.name).join('、') || '（无）'
  const key = (list: { name: string; sha256: string }[]) =>
    list.map((x) => `${x.name}:${x.sha256}`).join('|')
  if (key(a.attachments) !== key(b.attachments)) {
    fields.push({
      field: 'attachments',
      label: ITEM_FIELD_LABELS.attachments,
      before: names(a.attachments),
      after: names(b.attachments),
    })
  }
  const body = diffBodies(a.content.bodyHtml, b.content.bodyHtml)
  return { itemId, from, to, fields, body, bodySame: body.every((r) => r.op === 'same') }
}
