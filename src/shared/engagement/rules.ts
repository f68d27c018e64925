import type { ItemKind, ItemStatus } from '../items/types'

/**
 * Which disclosure items a 意见征集 may be opened from (the 征求意见稿): a 政策文件 or another
 * document draft — never an 意见征集公告 itself, nor an item that was withdrawn. Core's
 * openConsultation refuses anything else; the 发起意见征集 form and the editor's button offer
 * exactly these.
 */
export const CONSULTATION_DRAFT_KINDS = [
  'policy',
  'notice',
  'other',
  'data',
] as const satisfies readonly ItemKind[]

export function isConsultationDraftKind(kind: ItemKind): boolean {
  return (CONSULTATION_DRAFT_KINDS as readonly ItemKind[]).includes(kind)
}

/** True when a consultation may be opened from this item (its 类别 and status). */
export function mayOpenConsultationFrom(item: { kind: ItemKind; status: ItemStatus }): boolean {
  return isConsultationDraftKind(item.kind) && item.status !== 'withdrawn'
}
