import {
  Alert,
  Button,
  Grid,
  Group,
  List,
  Modal,
  Paper,
  ScrollArea,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core'
import { IconEyeOff, IconShieldSearch } from '@tabler/icons-react'
import { useState } from 'react'
import type { ItemView } from '../../../../shared/items/types'
import type {
  ReviewFinding,
  ReviewFindingKind,
  ReviewScanResult,
} from '../../../../shared/review/types'
import { FINDING_KIND_LABELS } from '../../../../shared/review/labels'
import { api, notifySuccess, request } from '../../../api/client'
import { Panel } from '../../drafting/editor/Panel'
import { FindingsList } from '../shared/FindingsList'
import { HighlightedBody, HighlightedTitle } from '../shared/HighlightedBody'
import { markId } from '../shared/highlight'
import { SeverityCountBadges } from '../shared/SeverityBadge'

export interface EditorBridge {
  /** The item as the editor shows it now (core's last answer). */
  view: ItemView
  readOnly: boolean
  /** Runs a task after the editor's pending saves, in its save queue. */
  afterSaves: <T>(task: () => Promise<T>) => Promise<T>
  /** The revision and hash the editor is based on (after pending saves). */
  base: () => { revision: number; hash: string } | null
  /** Shows a revision core stored (mask): form, body and base. */
  onStored: (view: ItemView) => void
  /** An explicit save of what the editor shows (a real revision); null when refused. */
  save?: () => Promise<ItemView | null>
}

/**
 * 保密检查 in the editor: runs the scanner on the saved content, lists the findings, shows them in
 * a read-only preview of the body, and masks one finding or a whole kind (a new revision).
 */
export function ScanPanel(bridge: EditorBridge) {
  const { view, readOnly } = bridge
  const [scan, setScan] = useState<ReviewScanResult | null>(null)
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)

  const run = async () => {
    setBusy(true)
    try {
      const result = await bridge.afterSaves(() => request(api().review.scan({ itemId: view.id })))
      setScan(result)
      setOpen(true)
    } catch {
      // request() already said why.
    } finally {
      setBusy(false)
    }
  }

  const stale = scan !== null && scan.contentHash !== view.contentHash
  return (
    <Panel
      label="保密检查"
      title={
        <Group gap={6}>
          <IconShieldSearch size={16} aria-hidden />
          <span>保密检查</span>
        </Group>
      }
      actions={
        <Button size="compact-sm" variant="light" onClick={() => void run()} loading={busy}>
          {scan ? '重新检查' : '保密检查'}
        </Button>
      }
    >
      {!scan ? (
        <Text fz="xs" c="dimmed">
          检查标题、正文和附件（含修订痕迹、批注、文档属性）中的密级标志、身份证号、手机号等敏感内容。
        </Text>
      ) : (
        <Stack gap={6}>
          <Group justify="space-between" wrap="nowrap">
            <SeverityCountBadges counts={scan.counts} />
            <Button size="compact-xs" variant="subtle" onClick={() => setOpen(true)}>
              查看结果
            </Button>
          </Group>
          {stale && (
            <Text fz="xs" c="orange.8">
              内容已修改，结果可能过时，请重新检查。
            </Text>
          )}
        </Stack>
      )}
      {scan && open && (
        <ScanModal
          scan={scan}
          view={view}
          readOnly={readOnly}
          bridge={bridge}
          onScanned={setScan}
          onClose={() => setOpen(false)}
        />
      )}
    </Panel>
  )
}

function ScanModal({
  scan,
  view,
  readOnly,
  bridge,
  onScanned,
  onClose,
}: {
  scan: ReviewScanResult
  view: ItemView
  readOnly: boolean
  bridge: EditorBridge
  onScanned: (scan: ReviewScanResult) => void
  onClose: () => void
}) {
  const [activeId, setActiveId] = useState<string | null>(null)
  const [masking, setMasking] = useState<string | null>(null)
  const fresh = scan.contentHash === view.contentHash
  const itemFindings = scan.findings.filter((f) => f.source !== 'attachment')
  const titleFindings = scan.findings.filter((f) => f.source === 'title')
  const bodyFindings = scan.findings.filter((f) => f.source === 'body')

  const select = (id: string) => {
    setActiveId(id)
    const f = scan.findings.find((x) => x.id === id)
    if (!f || f.source === 'attachment') return
    document
      .getElementById(markId(f.source === 'title' ? 'scan-title' : 'scan-body', id))
      ?.scrollIntoView({ block: 'center', behavior: 'smooth' })
  }

  const mask = async (target: { findingId: string } | { kind: ReviewFindingKind }, key: string) => {
    setMasking(key)
    try {
      const result = await bridge.afterSaves(async () => {
        const base = bridge.base()
        if (!base) throw new Error('条目尚未保存')
        return request(
          api().review.mask({
            itemId: view.id,
            baseRevision: base.revision,
            contentHash: base.hash,
            ...target,
          }),
        )
      })
      const stored = await request(api().items.get({ id: view.id }))
      bridge.onStored(stored)
      onScanned(result)
      setActiveId(null)
      notifySuccess(`已遮盖，保存为第 ${stored.revision} 版`)
    } catch {
      // request() already said why.
    } finally {
      setMasking(null)
    }
  }

  const maskable = (f: ReviewFinding) => f.maskable && !readOnly && fresh
  return (
    <Modal
      opened
      onClose={onClose}
      size="92%"
      centered={false}
      yOffset="3vh"
      title={
        <Group gap="sm">
          <Text fw={600}>保密检查结果</Text>
          <Text fz="sm" c="dimmed">
            第 {scan.revision} 版
          </Text>
          <SeverityCountBadges counts={scan.counts} />
        </Group>
      }
    >
      <Stack gap="sm">
        {!fresh && (
          <Alert color="orange" variant="light" p="xs">
            内容在检查后又有修改，请关闭后重新检查，再进行遮盖。
          </Alert>
        )}
        {scan.warnings.length > 0 && (
          <Alert color="yellow" variant="light" p="xs" title="部分内容未能检查">
            <List size="xs">
              {scan.warnings.map((w) => (
                <List.Item key={w}>{w}</List.Item>
              ))}
            </List>
          </Alert>
        )}
        <Grid gap="md">
          <Grid.Col span={7}>
            <Paper withBorder p="md" aria-label="检查预览">
              <ScrollArea.Autosize mah="calc(100vh - 220px)">
                <Title order={3} fz={18} ta="center" mb="sm" className="dd-preview-title">
                  <HighlightedTitle
                    title={view.title || '（无标题）'}
                    findings={titleFindings}
                    activeId={activeId}
                    onPick={setActiveId}
                    prefix="scan-title"
                  />
                </Title>
                <HighlightedBody
                  html={view.bodyHtml}
                  findings={bodyFindings}
                  activeId={activeId}
                  onPick={setActiveId}
                  prefix="scan-body"
                />
              </ScrollArea.Autosize>
            </Paper>
          </Grid.Col>
          <Grid.Col span={5}>
            <ScrollArea.Autosize mah="calc(100vh - 200px)" offsetScrollbars>
              <FindingsList
                findings={scan.findings}
                groupBy="kind"
                activeId={activeId}
                onSelect={select}
                empty="未发现敏感内容。提交前仍请按审查清单逐项自查。"
                findingActions={(f) =>
                  maskable(f) ? (
                    <Tooltip label={f.masked ? `改为 ${f.masked}` : '遮盖'}>
                      <Button
                        size="compact-xs"
                        variant="light"
                        color="orange"
                        leftSection={<IconEyeOff size={12} />}
                        loading={masking === f.id}
                        disabled={masking !== null && masking !== f.id}
                        onClick={(e) => {
                          e.stopPropagation()
                          void mask({ findingId: f.id }, f.id)
                        }}
                        aria-label={`遮盖：${f.text}`}
                      >
                        遮盖
                      </Button>
                    </Tooltip>
                  ) : null
                }
                groupActions={(kind, list) =>
                  kind && list.some(maskable) ? (
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      color="orange"
                      loading={masking === kind}
                      disabled={masking !== null && masking !== kind}
                      onClick={() => void mask({ kind }, kind)}
                      aria-label={`全部遮盖：${FINDING_KIND_LABELS[kind]}`}
                    >
                      全部遮盖
                    </Button>
                  ) : null
                }
              />
              {itemFindings.some((f) => f.maskable) && readOnly && (
                <Text fz="xs" c="dimmed" mt="sm">
                  只有起草人可以遮盖。
                </Text>
              )}
            </ScrollArea.Autosize>
          </Grid.Col>
        </Grid>
      </Stack>
    </Modal>
  )
}
