import { Text } from '@mantine/core'
import { Link, RichTextEditor } from '@mantine/tiptap'
import { TableKit } from '@tiptap/extension-table'
import { useEditor, type Editor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect, useRef } from 'react'
import { RTE_LABELS } from './rte-labels'

/** Only web links: core's sanitiser drops everything else anyway, so the editor refuses it too. */
const WEB_URL = /^https?:\/\/\S+$/i

/**
 * The body editor (tiptap): headings H1–H4, lists, quotes, links, tables — what core's HTML
 * allowlist keeps. `onChange` fires on every edit; the HTML is read only when saving.
 */
export function useBodyEditor({
  content,
  editable,
  onChange,
}: {
  content: string
  editable: boolean
  onChange: () => void
}): Editor | null {
  const onChangeRef = useRef(onChange)
  useEffect(() => {
    onChangeRef.current = onChange
  })
  const editor = useEditor({
    extensions: [
      StarterKit.configure({ link: false, heading: { levels: [1, 2, 3, 4] }, code: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https'],
        isAllowedUri: (url) => WEB_URL.test(url),
        HTMLAttributes: { rel: null, target: null },
      }),
      TableKit.configure({ table: { resizable: false } }),
    ],
    content,
    editable,
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    onUpdate: () => onChangeRef.current(),
  })
  useEffect(() => {
    // Without emitting an update: switching to read-only is not an edit.
    if (editor && editor.isEditable !== editable) editor.setEditable(editable, false)
  }, [editor, editable])
  return editor
}

/** The HTML to save: '' for an empty document rather than `<p></p>`. */
export function bodyHtml(editor: Editor | null, fallback: string): string {
  if (!editor || editor.isDestroyed) return fallback
  return editor.isEmpty ? '' : editor.getHTML()
}

/**
 * The body with its toolbar; the toolbar sticks under the app header and the editor's own sticky
 * header (`--dd-editor-header-h`, measured by the editor), so it stays visible in a long body.
 */
export function BodyEditor({
  editor,
  readOnly,
  lockedNote = null,
}: {
  editor: Editor | null
  readOnly: boolean
  /** Why the body is read-only when the officer may still edit after confirming. */
  lockedNote?: string | null
}) {
  return (
    <RichTextEditor
      editor={editor}
      labels={RTE_LABELS}
      className="dd-body-editor"
      aria-label="正文"
    >
      {!readOnly && (
        <RichTextEditor.Toolbar
          sticky
          stickyOffset="calc(56px + var(--dd-editor-header-h, 84px))"
          className="dd-body-toolbar"
        >
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H1 />
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
            <RichTextEditor.H4 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
            <RichTextEditor.Strikethrough />
            <RichTextEditor.ClearFormatting />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.BulletList />
            <RichTextEditor.OrderedList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Link />
            <RichTextEditor.Unlink />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.TableInsert maxColumns={8} maxRows={8} />
            <RichTextEditor.TableRowAfter />
            <RichTextEditor.TableColumnAfter />
            <RichTextEditor.TableRowDelete />
            <RichTextEditor.TableColumnDelete />
            <RichTextEditor.TableDelete />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
        </RichTextEditor.Toolbar>
      )}
      <RichTextEditor.Content />
      {readOnly && (
        <Text fz="xs" c="dimmed" px="sm" pb="xs">
          {lockedNote ?? '只读：您没有修改该条目的权限'}
        </Text>
      )}
    </RichTextEditor>
  )
}
