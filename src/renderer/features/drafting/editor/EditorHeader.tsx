import { ActionIcon, Button, Kbd, Tooltip } from '@mantine/core'
import { useMediaQuery } from '@mantine/hooks'
import { IconDeviceFloppy, IconHistory } from '@tabler/icons-react'
import type { ItemView } from '../../../../shared/items/types'
import type { ReviewView } from '../../../../shared/review/types'
import { DetailHeader } from '../../../components/DetailHeader'
import { SubmitReviewButton } from '../../review/editor/EditorReview'
import { RevisionStateBadges } from '../shared/StatusBadge'
import { SaveStatus } from './SaveStatus'
import type { useItemSession } from './use-item-session'

type Session = ReturnType<typeof useItemSession>

/**
 * The editor's sticky header: back, the title (ellipsised, whole on hover), the status — both
 * states while a 修订稿 exists, never truncated — and 保存状态 / 版本 / 提交审查 / 保存.
 */
export function EditorHeader({
  title,
  session,
  onSave,
  onRevisions,
  onStored,
}: {
  title: string
  session: Session
  onSave: () => void
  onRevisions: () => void
  onStored: (next: ItemView) => void
}) {
  const { view, readOnly } = session
  // At 1024 px (a 1366 laptop at 125 %) the actions shrink so the title keeps its room (issue 10).
  const compact = useMediaQuery('(max-width: 1279px)') ?? false
  return (
    <DetailHeader
      backTo="/drafts"
      backLabel="返回列表"
      title={title}
      badges={
        view && (
          <RevisionStateBadges
            status={view.status}
            revision={view.revision}
            liveRevision={view.liveRevision}
            {...(compact ? { size: 'xs' as const, stacked: true } : {})}
          />
        )
      }
      actions={
        <>
          <SaveStatus
            state={session.saveState}
            revision={view?.revision ?? null}
            compact={compact}
          />
          {compact ? (
            <Tooltip label="版本">
              <ActionIcon
                variant="default"
                size={36}
                aria-label="版本"
                disabled={!view}
                onClick={onRevisions}
                {...(readOnly ? { 'data-primary-action': true } : {})}
              >
                <IconHistory size={18} />
              </ActionIcon>
            </Tooltip>
          ) : (
            <Button
              variant="default"
              leftSection={<IconHistory size={16} />}
              disabled={!view}
              onClick={onRevisions}
              {...(readOnly ? { 'data-primary-action': true } : {})}
            >
              版本
            </Button>
          )}
          {view && (
            <SubmitReviewButton
              view={view}
              readOnly={readOnly}
              afterSaves={session.afterSaves}
              base={() => session.base.current}
              onStored={onStored}
              save={session.save}
              onSubmitted={(review: ReviewView) => session.adopt(review.item)}
            />
          )}
          {!readOnly && (
            <Button
              data-primary-action
              leftSection={<IconDeviceFloppy size={16} />}
              onClick={onSave}
              loading={session.saveState.kind === 'saving' && !session.saveState.auto}
              rightSection={
                compact ? undefined : (
                  <Kbd size="xs" className="dd-kbd">
                    Ctrl+S
                  </Kbd>
                )
              }
            >
              保存
            </Button>
          )}
        </>
      }
    />
  )
}
