import type { Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { ItemView } from '../../../../shared/items/types'
import { useZodForm } from '../../../lib/zod-form'
import { bodyHtml } from './BodyEditor'
import { emptyItemForm, formFromView, itemFormSchema, type ItemFormValues } from './item-form'
import type { ItemContentSnapshot } from './use-item-session'

/**
 * The editor's content: the metadata form and the body editor, read at the moment of saving
 * (`getContent`) and reset to what core stored (`showStored`, keeping the cursor if it can).
 */
export function useEditorContent(initial: ItemView | null) {
  const form = useZodForm(itemFormSchema, {
    initialValues: initial ? formFromView(initial) : emptyItemForm(),
    liveFields: ['docNumber'],
  })
  const valuesRef = useRef(form.values)
  useEffect(() => {
    valuesRef.current = form.values
  })
  const lastBody = useRef(initial?.bodyHtml ?? '')
  const editorRef = useRef<Editor | null>(null)

  const getContent = (): ItemContentSnapshot => {
    lastBody.current = bodyHtml(editorRef.current, lastBody.current)
    return { values: valuesRef.current, bodyHtml: lastBody.current }
  }

  const showStored = (view: ItemView) => {
    form.reset(formFromView(view))
    valuesRef.current = formFromView(view)
    const editor = editorRef.current
    if (editor && !editor.isDestroyed && bodyHtml(editor, '') !== view.bodyHtml) {
      const { from, to } = editor.state.selection
      editor.commands.setContent(view.bodyHtml, { emitUpdate: false })
      const max = editor.state.doc.content.size
      editor.commands.setTextSelection({ from: Math.min(from, max), to: Math.min(to, max) })
    }
    lastBody.current = view.bodyHtml
  }

  /** Sets one field and reports the change (autosave). */
  const setField = <K extends keyof ItemFormValues>(
    field: K,
    value: ItemFormValues[K],
    changed: () => void,
  ) => {
    form.setFieldValue(field, value)
    valuesRef.current = { ...valuesRef.current, [field]: value }
    changed()
  }

  return { form, editorRef, getContent, showStored, setField }
}
