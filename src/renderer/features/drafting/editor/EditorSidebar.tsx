import { Stack, Text } from '@mantine/core'
import type { ItemKind, ItemView } from '../../../../shared/items/types'
import { ReviewStatusPanel } from '../../review/editor/EditorReview'
import { ScanPanel } from '../../review/editor/ScanPanel'
import { useSession } from '../../../app/app-state'
import { AttachmentsPanel } from './AttachmentsPanel'
import { ConsultationPanel } from './ConsultationPanel'
import { ItemInfoPanel } from './ItemInfoPanel'
import { InterpretationPanel, SupersedesPanel } from './RelationsPanel'
import type { useItemSession } from './use-item-session'

type Session = ReturnType<typeof useItemSession>

/** The editor's right column: 条目信息, review, 意见征集, 保密检查, 附件, 政策解读 and 立改废. */
export function EditorSidebar({
  session,
  kind,
  ensureItem,
  onStored,
  runThenRefresh,
}: {
  session: Session
  kind: ItemKind
  ensureItem: () => Promise<ItemView | null>
  onStored: (next: ItemView) => void
  runThenRefresh: (task: () => Promise<unknown>) => Promise<void>
}) {
  const { view, readOnly } = session
  const { capabilities } = useSession()
  return (
    <Stack gap="sm">
      <ItemInfoPanel view={view} />
      {view && <ReviewStatusPanel view={view} />}
      {view && <ConsultationPanel view={view} mayDraft={capabilities.draft} />}
      {view && (
        <ScanPanel
          view={view}
          readOnly={readOnly}
          afterSaves={session.afterSaves}
          base={() => session.base.current}
          onStored={onStored}
        />
      )}
      <AttachmentsPanel
        view={view}
        readOnly={readOnly}
        confirmRevision={session.confirmRevision}
        ensureItem={ensureItem}
        onChanged={session.adopt}
      />
      {view && (
        <InterpretationPanel view={view} kind={kind} readOnly={readOnly} run={runThenRefresh} />
      )}
      {view && <SupersedesPanel view={view} readOnly={readOnly} run={runThenRefresh} />}
      {!view && (
        <Text fz="xs" c="dimmed" px="xs">
          输入内容后将自动保存为草稿，之后可关联政策解读、标记立改废。
        </Text>
      )}
    </Stack>
  )
}
