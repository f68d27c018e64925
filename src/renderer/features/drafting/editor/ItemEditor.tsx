import { Alert, Grid, Paper, Stack } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useEffect, useRef, useState } from 'react'
import { useLocation } from 'react-router'
import type { ItemView, Validity } from '../../../../shared/items/types'
import { VALIDITY_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { RevisionsDrawer } from '../revisions/RevisionsDrawer'
import { BodyEditor, useBodyEditor } from './BodyEditor'
import { ConflictModal } from './ConflictModal'
import { EditConfirmBanner } from './EditConfirm'
import { EditorHeader } from './EditorHeader'
import { EditorSidebar } from './EditorSidebar'
import { MetadataForm } from './MetadataForm'
import { useEditorContent } from './use-editor-content'
import { useItemSession } from './use-item-session'
import { useSaveShortcut } from './use-save-shortcut'

/** The item editor: header, metadata, body, and the side panels, over one editor session. */
export function ItemEditor({
  initial,
  onCreated,
}: {
  initial: ItemView | null
  onCreated: (view: ItemView) => void
}) {
  const location = useLocation()
  const imported = (location.state as { imported?: boolean } | null)?.imported === true
  const { capabilities } = useSession()
  const content = useEditorContent(initial)
  const { form, editorRef, showStored } = content
  const [conflict, setConflict] = useState<string | null>(null)
  const [revisionsOpen, setRevisionsOpen] = useState(false)

  const session = useItemSession({
    initial,
    getContent: content.getContent,
    onCreated,
    onStored: showStored,
    onConflict: setConflict,
  })
  const { view, readOnly } = session
  const editor = useBodyEditor({
    content: initial?.bodyHtml ?? '',
    editable: !readOnly,
    onChange: session.markChanged,
  })
  useEffect(() => {
    editorRef.current = editor
  }, [editor, editorRef])

  // The header's height, so the body's toolbar sticks just under it (stays visible in a long body).
  const rootRef = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const root = rootRef.current
    const header = root?.querySelector<HTMLElement>('.dd-editor-sticky')
    if (!root || !header) return
    const observer = new ResizeObserver(() =>
      root.style.setProperty('--dd-editor-header-h', `${header.offsetHeight}px`),
    )
    observer.observe(header)
    return () => observer.disconnect()
  }, [])

  const save = form.onSubmit(async () => {
    const stored = await session.save()
    if (stored) notifySuccess(`已保存为第 ${stored.revision} 版`)
  })
  const trySave = () => {
    if (readOnly) return
    if (!form.isValid) {
      notifications.show({ color: 'red', title: '尚不能保存', message: '请先改正标红的字段' })
    }
    save()
  }
  useSaveShortcut(trySave)

  /** Runs an operation after pending saves, then re-reads this item for its links and warnings. */
  const runThenRefresh = async (task: () => Promise<unknown>) => {
    try {
      await session.afterSaves(task)
    } catch {
      // request() already told the officer.
    }
    const id = session.view?.id
    if (!id) return
    const fresh = await request(api().items.get({ id })).catch(() => null)
    if (!fresh) return
    if (session.isDirty() || fresh.revision === session.base.current?.revision)
      session.refreshView(fresh)
    else session.adopt(fresh)
  }

  const setOwnValidity = (validity: Validity) =>
    void session
      .afterSaves(() =>
        request(
          api().items.setValidity({
            id: view!.id,
            validity,
            ...(session.confirmRevision ? { confirmRevision: true as const } : {}),
          }),
        ),
      )
      .then((next) => {
        session.adopt(next)
        notifySuccess(`有效性已改为「${VALIDITY_LABELS[next.validity]}」`)
      })
      .catch(() => undefined)

  const reload = async () => {
    const id = session.view?.id
    if (!id) return
    const fresh = await request(api().items.get({ id })).catch(() => null)
    if (!fresh) return
    session.discardChanges()
    session.adopt(fresh)
    showStored(fresh)
    setConflict(null)
  }

  const ensureItem = async (): Promise<ItemView | null> => {
    session.markChanged()
    await session.autosave()
    return session.view
  }

  // 保密审查: 保密检查 and 提交审查 reach the editor's save queue and stored content through these.
  const applyStored = (next: ItemView) => {
    session.discardChanges()
    session.adopt(next)
    showStored(next)
  }

  const taxonomy = useApiQuery(() => api().taxonomy.list({}))
  const catalogue = useApiQuery(() => api().catalogue.list({}))
  const titleProps = form.getInputProps('title')

  return (
    <Stack gap="md" className="dd-editor" ref={rootRef}>
      <EditorHeader
        title={form.values.title.trim() || (view ? '（无标题）' : '新建条目')}
        session={session}
        onSave={trySave}
        onRevisions={() => setRevisionsOpen(true)}
        onStored={applyStored}
      />

      {view && session.needsConfirm && (
        <EditConfirmBanner view={view} onConfirm={session.confirmEdit} />
      )}
      {imported && view && (
        <Alert color="blue" variant="light" title="已从 Word 导入" withCloseButton={false}>
          已按文档自动填写标题、发文字号和成文日期，请逐项核对后保存。
        </Alert>
      )}

      <Grid gap="md" align="flex-start">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-label="元数据">
              <MetadataForm
                values={form.values}
                titleError={titleProps.error}
                onTitleBlur={titleProps.onBlur}
                set={(field, value) => content.setField(field, value, session.markChanged)}
                view={view}
                taxonomy={taxonomy.data}
                catalogue={catalogue.data}
                readOnly={readOnly}
                canMaintainTaxonomy={capabilities.maintain}
                onTaxonomyChanged={taxonomy.reload}
                onSetValidity={setOwnValidity}
              />
            </Paper>
            <BodyEditor
              editor={editor}
              readOnly={readOnly}
              lockedNote={session.needsConfirm ? '内容已锁定：点击上方的「修改」后再编辑' : null}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <EditorSidebar
            session={session}
            kind={form.values.kind}
            ensureItem={ensureItem}
            onStored={applyStored}
            runThenRefresh={runThenRefresh}
          />
        </Grid.Col>
      </Grid>

      {conflict && (
        <ConflictModal message={conflict} onReload={reload} onClose={() => setConflict(null)} />
      )}
      {view && revisionsOpen && (
        <RevisionsDrawer
          item={view}
          readOnly={readOnly}
          onClose={() => setRevisionsOpen(false)}
          restore={(revision) =>
            session.afterSaves(() =>
              request(
                api().items.restore({
                  id: view.id,
                  revision,
                  baseRevision: session.base.current?.revision ?? view.revision,
                  ...(session.confirmRevision ? { confirmRevision: true as const } : {}),
                }),
              ),
            )
          }
          onRestored={applyStored}
        />
      )}
    </Stack>
  )
}
