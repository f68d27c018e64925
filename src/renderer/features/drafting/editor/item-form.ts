import { z } from 'zod'
import { checkDocNumber } from '../../../../shared/doc-number'
import { itemAutosaveSchema } from '../../../../shared/items/schemas'
import { ITEM_KINDS, type ItemKind, type ItemView } from '../../../../shared/items/types'

const shared = itemAutosaveSchema.shape

/**
 * The editor's metadata form. The text fields are core's own schemas (src/shared/items/schemas,
 * limits and messages included); the form adds what an explicit save needs (title required,
 * 发文字号 by the shared validator). Core checks again on every save.
 */
export const itemFormSchema = z.object({
  kind: z.enum(ITEM_KINDS),
  title: shared.title.min(1, '请填写标题'),
  issuer: shared.issuer.unwrap(),
  docNumber: shared.docNumber.unwrap().superRefine((v, ctx) => {
    const check = checkDocNumber(v)
    if (!check.ok) ctx.addIssue({ code: 'custom', message: check.message })
  }),
  signedDate: z.string().nullable(),
  plannedPublishDate: z.string().nullable(),
  topicId: z.string().nullable(),
  genreId: z.string().nullable(),
  catalogueEntryId: z.string().nullable(),
})

export type ItemFormValues = z.input<typeof itemFormSchema>

export const emptyItemForm = (kind: ItemKind = 'notice'): ItemFormValues => ({
  kind,
  title: '',
  issuer: '',
  docNumber: '',
  signedDate: null,
  plannedPublishDate: null,
  topicId: null,
  genreId: null,
  catalogueEntryId: null,
})

/** The form's values for an item as core stored it. */
export function formFromView(view: ItemView): ItemFormValues {
  return {
    kind: view.kind,
    title: view.title,
    issuer: view.issuer,
    docNumber: view.docNumber,
    signedDate: view.signedDate,
    plannedPublishDate: view.plannedPublishDate,
    topicId: view.topicId,
    genreId: view.genreId,
    catalogueEntryId: view.catalogueEntryId,
  }
}

/** Mantine's date inputs may give `YYYY-MM-DD HH:mm:ss`; the contract wants `YYYY-MM-DD`. */
export const dateOnly = (v: string | null | undefined): string | null => (v ? v.slice(0, 10) : null)

/** The content part of an `items:save` / `items:autosave` input. */
export function contentInput(values: ItemFormValues, bodyHtml: string) {
  return {
    kind: values.kind,
    title: values.title.trim(),
    bodyHtml,
    issuer: values.issuer.trim(),
    docNumber: values.docNumber.trim(),
    signedDate: dateOnly(values.signedDate),
    plannedPublishDate: dateOnly(values.plannedPublishDate),
    topicId: values.topicId,
    genreId: values.genreId,
    catalogueEntryId: values.catalogueEntryId,
  }
}
