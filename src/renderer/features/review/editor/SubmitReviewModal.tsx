import {
  Alert,
  Button,
  Center,
  Group,
  Loader,
  Modal,
  ScrollArea,
  Stack,
  Text,
  Title,
} from '@mantine/core'
import { IconSend } from '@tabler/icons-react'
import { useEffect, useState } from 'react'
import type {
  CarrierForm,
  ChecklistVersion,
  PublishChannel,
  ReviewScanResult,
  ReviewView,
} from '../../../../shared/review/types'
import { ITEM_STATUS_LABELS } from '../../../../shared/items/labels'
import { api, request } from '../../../api/client'
import { ChecklistForm } from '../shared/ChecklistForm'
import {
  checklistErrors,
  checklistFrom,
  checklistInput,
  emptyChecklist,
  type ChecklistValues,
} from '../shared/checklist-form'
import { PublishFields } from './PublishFields'
import { ScanSummary } from './ScanSummary'
import { publishErrors } from './submit-form'
import type { EditorBridge } from './ScanPanel'

interface Loaded {
  checklist: ChecklistVersion
  scan: ReviewScanResult
  previous: ReviewView | null
}

/** The 公文 kinds default to 公文类. */
const OFFICIAL_KINDS = new Set(['policy', 'notice'])

/**
 * 提交审查: the author's self-check (every question 是/否/不适用, notes where required), 载体形式
 * and 拟公开方式 (checked with the shared submit schema: 其他 needs its text), with the scanner's
 * counts shown first (ScanSummary) so blockers are dealt with before.
 */
export function SubmitReviewModal({
  bridge,
  onClose,
  onSubmitted,
}: {
  bridge: EditorBridge
  onClose: () => void
  onSubmitted: (review: ReviewView) => void
}) {
  const { view } = bridge
  const [loaded, setLoaded] = useState<Loaded | null>(null)
  const [failed, setFailed] = useState<string | null>(null)
  const [values, setValues] = useState<ChecklistValues>({})
  const [carrier, setCarrier] = useState<CarrierForm | null>(null)
  const [channels, setChannels] = useState<PublishChannel[]>(['website'])
  const [channelOther, setChannelOther] = useState('')
  const [showErrors, setShowErrors] = useState(false)
  const [busy, setBusy] = useState(false)
  const [saveError, setSaveError] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const load = async (): Promise<Loaded> => {
      // Pending typing first: the self-check is about what is stored.
      const scan = await bridge.afterSaves(() => request(api().review.scan({ itemId: view.id })))
      const checklist = await request(api().review.checklistGet({}))
      const previous =
        view.status === 'returned'
          ? await request(api().review.get({ itemId: view.id })).catch(() => null)
          : null
      return { checklist, scan, previous }
    }
    load().then(
      (l) => {
        if (!live) return
        setLoaded(l)
        const prev = l.previous
        setValues(
          prev && prev.selfCheck.length > 0
            ? checklistFrom(l.checklist.questions, prev.selfCheck)
            : emptyChecklist(l.checklist.questions),
        )
        setCarrier(prev?.carrier ?? (OFFICIAL_KINDS.has(view.kind) ? 'official' : 'non_official'))
        if (prev && prev.channels.length > 0) setChannels(prev.channels)
        if (prev?.channelOther) setChannelOther(prev.channelOther)
      },
      (e: unknown) => live && setFailed(e instanceof Error ? e.message : String(e)),
    )
    return () => {
      live = false
    }
    // Loaded once per opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const errors = loaded ? checklistErrors(loaded.checklist.questions, values) : {}
  const publish = publishErrors(carrier, channels, channelOther)
  const valid = Object.keys(errors).length === 0 && Object.keys(publish).length === 0

  const submit = async () => {
    setShowErrors(true)
    if (!loaded || !valid || !carrier) return
    setBusy(true)
    setSaveError(null)
    try {
      // An explicit save first: the submitted revision is then a finished one, so later edits
      // (and masking after a return) become new revisions instead of rewriting the reviewed one.
      if (bridge.save && !(await bridge.save())) {
        setSaveError('保存未成功，请按编辑器中的提示改正后再提交。')
        return
      }
      const review = await bridge.afterSaves(async () => {
        const base = bridge.base()
        if (!base) throw new Error('条目尚未保存')
        return request(
          api().review.submit({
            itemId: view.id,
            revision: base.revision,
            contentHash: base.hash,
            checklistVersion: loaded.checklist.version,
            selfCheck: checklistInput(loaded.checklist.questions, values),
            carrier,
            channels,
            ...(channels.includes('other') ? { channelOther: channelOther.trim() } : {}),
          }),
        )
      })
      onSubmitted(review)
    } catch {
      // request() already said why (e.g. the content changed, the checklist has a new version).
    } finally {
      setBusy(false)
    }
  }

  const unanswered = loaded
    ? loaded.checklist.questions.filter((q) => !values[q.id]?.answer).length
    : 0
  return (
    <Modal
      opened
      onClose={onClose}
      size="lg"
      centered={false}
      yOffset="3vh"
      title={<Text fw={600}>提交保密审查</Text>}
      scrollAreaComponent={ScrollArea.Autosize}
    >
      {failed && <Alert color="red">{failed}</Alert>}
      {!loaded && !failed && (
        <Center h={160}>
          <Loader size="sm" aria-label="正在准备审查清单" />
        </Center>
      )}
      {loaded && (
        <Stack gap="md">
          <ScanSummary title={view.title} scan={loaded.scan} />

          <div>
            <Group justify="space-between" mb={6}>
              <Title order={4} fz="sm">
                自查清单（第 {loaded.checklist.version} 版）
              </Title>
              <Text fz="xs" c={unanswered > 0 ? 'orange.8' : 'teal.8'}>
                {unanswered > 0 ? `尚有 ${unanswered} 项未答` : '已全部作答'}
              </Text>
            </Group>
            <ChecklistForm
              questions={loaded.checklist.questions}
              values={values}
              onChange={setValues}
              errors={errors}
              showErrors={showErrors}
            />
          </div>

          <PublishFields
            carrier={carrier}
            channels={channels}
            channelOther={channelOther}
            onCarrier={setCarrier}
            onChannels={setChannels}
            onChannelOther={setChannelOther}
            errors={showErrors ? publish : {}}
          />

          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              提交后状态为「{ITEM_STATUS_LABELS.pending_review}」；再修改内容将作废本次提交。
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={onClose}>
                取消
              </Button>
              <Button
                leftSection={<IconSend size={16} />}
                onClick={() => void submit()}
                loading={busy}
              >
                提交
              </Button>
            </Group>
          </Group>
          {saveError && (
            <Alert color="red" variant="light" p="xs" role="alert">
              {saveError}
            </Alert>
          )}
          {showErrors && !valid && (
            <Text fz="xs" c="red" ta="right" role="alert">
              请完成标红的项目后再提交
            </Text>
          )}
        </Stack>
      )}
    </Modal>
  )
}
