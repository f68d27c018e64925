import { Alert, Button, Center, Grid, Kbd, Loader, Paper, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconDeviceFloppy, IconHistory } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import type { ItemView, Validity } from '../../../../shared/items/types'
import { VALIDITY_LABELS } from '../../../../shared/items/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { DetailHeader } from '../../../components/DetailHeader'
import { useApiQuery } from '../../../api/hooks'
import { useSession } from '../../../app/app-state'
import { useZodForm } from '../../../lib/zod-form'
import { ReviewStatusPanel, SubmitReviewButton } from '../../review/editor/EditorReview'
import { ScanPanel } from '../../review/editor/ScanPanel'
import { RevisionsDrawer } from '../revisions/RevisionsDrawer'
import { StatusBadge } from '../shared/StatusBadge'
import { AttachmentsPanel } from './AttachmentsPanel'
import { BodyEditor, bodyHtml, useBodyEditor } from './BodyEditor'
import { ConflictModal } from './ConflictModal'
import { ItemInfoPanel } from './ItemInfoPanel'
import { emptyItemForm, formFromView, itemFormSchema, type ItemFormValues } from './item-form'
import { MetadataForm } from './MetadataForm'
import { InterpretationPanel, SupersedesPanel } from './RelationsPanel'
import { SaveStatus } from './SaveStatus'
import { useItemSession } from './use-item-session'

/**
 * `/drafts/:id` (`new` for a new draft). A new draft keeps its editor when its first autosave
 * creates the item and the address changes to the new id.
 */
export function ItemEditorRoute() {
  const { id = 'new' } = useParams()
  const navigate = useNavigate()
  const [adopted, setAdopted] = useState<string | null>(null)
  const onCreated = useCallback(
    (view: ItemView) => {
      setAdopted(view.id)
      void navigate(`/drafts/${view.id}`, { replace: true })
    },
    [navigate],
  )
  if (id === 'new' || id === adopted) {
    return <ItemEditor key="new-draft" initial={null} onCreated={onCreated} />
  }
  return <LoadedEditor key={id} id={id} />
}

function LoadedEditor({ id }: { id: string }) {
  const item = useApiQuery(() => api().items.get({ id }), id)
  if (item.error && !item.data) {
    return (
      <Alert color="red" title="无法打开条目" maw={640}>
        {item.error.message}
      </Alert>
    )
  }
  if (!item.data) {
    return (
      <Center h={240}>
        <Loader aria-label="正在加载条目" />
      </Center>
    )
  }
  return <ItemEditor initial={item.data} onCreated={() => undefined} />
}

function ItemEditor({
  initial,
  onCreated,
}: {
  initial: ItemView | null
  onCreated: (view: ItemView) => void
}) {
  const location = useLocation()
  const imported = (location.state as { imported?: boolean } | null)?.imported === true
  const { capabilities } = useSession()
  const canMaintainTaxonomy = capabilities.maintain
  const form = useZodForm(itemFormSchema, {
    initialValues: initial ? formFromView(initial) : emptyItemForm(),
    liveFields: ['docNumber'],
  })
  const valuesRef = useRef(form.values)
  useEffect(() => {
    valuesRef.current = form.values
  })
  const lastBody = useRef(initial?.bodyHtml ?? '')
  const editorRef = useRef<ReturnType<typeof useBodyEditor>>(null)
  const [conflict, setConflict] = useState<string | null>(null)
  const [revisionsOpen, setRevisionsOpen] = useState(false)

  const getContent = () => {
    lastBody.current = bodyHtml(editorRef.current, lastBody.current)
    return { values: valuesRef.current, bodyHtml: lastBody.current }
  }

  /** Shows what core stored: the form and the (sanitised) body, keeping the cursor if it can. */
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

  const session = useItemSession({
    initial,
    getContent,
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
  }, [editor])

  const set = <K extends keyof ItemFormValues>(field: K, value: ItemFormValues[K]) => {
    form.setFieldValue(field, value)
    valuesRef.current = { ...valuesRef.current, [field]: value }
    session.markChanged()
  }

  const save = form.onSubmit(async () => {
    const stored = await session.save()
    if (stored) notifySuccess(`已保存为第 ${stored.revision} 版`)
  })
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })
  const trySave = () => {
    if (readOnly) return
    if (!form.isValid) {
      notifications.show({ color: 'red', title: '尚不能保存', message: '请先改正标红的字段' })
    }
    saveRef.current()
  }
  const trySaveRef = useRef(trySave)
  useEffect(() => {
    trySaveRef.current = trySave
  })

  // Ctrl+S / ⌘S anywhere in the editor, including inside the body and the inputs.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 's') {
        e.preventDefault()
        trySaveRef.current()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

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
      .afterSaves(() => request(api().items.setValidity({ id: view!.id, validity })))
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
  const readBase = () => session.base.current
  const applyStored = (next: ItemView) => {
    session.discardChanges()
    session.adopt(next)
    showStored(next)
  }

  const taxonomy = useApiQuery(() => api().taxonomy.list({}))
  const catalogue = useApiQuery(() => api().catalogue.list({}))
  const titleProps = form.getInputProps('title')

  return (
    <Stack gap="md" className="dd-editor">
      <DetailHeader
        backTo="/drafts"
        backLabel="返回列表"
        title={form.values.title.trim() || (view ? '（无标题）' : '新建条目')}
        badges={view && <StatusBadge status={view.status} />}
        actions={
          <>
            <SaveStatus state={session.saveState} revision={view?.revision ?? null} />
            <Button
              variant="default"
              leftSection={<IconHistory size={16} />}
              disabled={!view}
              onClick={() => setRevisionsOpen(true)}
            >
              版本
            </Button>
            {view && (
              <SubmitReviewButton
                view={view}
                readOnly={readOnly}
                afterSaves={session.afterSaves}
                base={readBase}
                onStored={applyStored}
                save={session.save}
                onSubmitted={(review) => session.adopt(review.item)}
              />
            )}
            {!readOnly && (
              <Button
                leftSection={<IconDeviceFloppy size={16} />}
                onClick={trySave}
                loading={session.saveState.kind === 'saving' && !session.saveState.auto}
                rightSection={
                  <Kbd size="xs" className="dd-kbd">
                    Ctrl+S
                  </Kbd>
                }
              >
                保存
              </Button>
            )}
          </>
        }
      />

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
                set={set}
                view={view}
                taxonomy={taxonomy.data}
                catalogue={catalogue.data}
                readOnly={readOnly}
                canMaintainTaxonomy={canMaintainTaxonomy}
                onTaxonomyChanged={taxonomy.reload}
                onSetValidity={setOwnValidity}
              />
            </Paper>
            <BodyEditor editor={editor} readOnly={readOnly} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="sm">
            <ItemInfoPanel view={view} />
            {view && <ReviewStatusPanel view={view} />}
            {view && (
              <ScanPanel
                view={view}
                readOnly={readOnly}
                afterSaves={session.afterSaves}
                base={readBase}
                onStored={applyStored}
              />
            )}
            <AttachmentsPanel
              view={view}
              readOnly={readOnly}
              ensureItem={ensureItem}
              onChanged={session.adopt}
            />
            {view && (
              <InterpretationPanel
                view={view}
                kind={form.values.kind}
                readOnly={readOnly}
                run={runThenRefresh}
              />
            )}
            {view && <SupersedesPanel view={view} readOnly={readOnly} run={runThenRefresh} />}
            {!view && (
              <Text fz="xs" c="dimmed" px="xs">
                输入内容后将自动保存为草稿，之后可关联政策解读、标记立改废。
              </Text>
            )}
          </Stack>
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
                }),
              ),
            )
          }
          onRestored={(next) => {
            session.discardChanges()
            session.adopt(next)
            showStored(next)
          }}
        />
      )}
    </Stack>
  )
}
