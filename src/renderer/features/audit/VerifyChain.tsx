import { Alert, Button, Text } from '@mantine/core'
import { IconCircleCheck, IconAlertTriangle, IconShieldCheck } from '@tabler/icons-react'
import type { AuditVerifyResult } from '../../../shared/audit/types'
import { api } from '../../api/client'
import { useApiAction } from '../../api/hooks'
import { formatDateTime } from '../../lib/format'

/** What the chain was compared with outside this file (the district's anchors), in Chinese. */
function AnchorLine({ result }: { result: AuditVerifyResult }) {
  const a = result.anchors
  if (!a) return null
  const where =
    a.source === 'local'
      ? '本机保存的区级回执'
      : a.source === 'server'
        ? '区级服务器'
        : '区级服务器和本机回执'
  return (
    <Text fz="sm" mt={4} data-testid="audit-anchor-line">
      {a.checked > 0
        ? `已与${where}中的 ${a.checked} 个审计锚点比对（最新：第 ${a.lastSeq} 条，${formatDateTime(a.lastAt)}）。`
        : '尚无区级确认的审计锚点。'}
      {a.serverError ? ` ${a.serverError}。` : ''}
    </Text>
  )
}

/** 「校验审计链」: recomputes the hash chain in core and shows whether it is intact. */
export function VerifyChainButton({ onResult }: { onResult: (r: AuditVerifyResult) => void }) {
  const verify = useApiAction(api().audit.verify)
  return (
    <Button
      data-primary-action
      variant="light"
      leftSection={<IconShieldCheck size={16} aria-hidden />}
      loading={verify.busy}
      onClick={async () => {
        const r = await verify.run({})
        if (r.ok) onResult(r.data)
      }}
    >
      校验审计链
    </Button>
  )
}

export function VerifyChainResult({
  result,
  onClose,
}: {
  result: AuditVerifyResult
  onClose: () => void
}) {
  return result.ok ? (
    <Alert
      color="teal"
      icon={<IconCircleCheck aria-hidden />}
      title="审计链完整 ✓"
      withCloseButton
      closeButtonLabel="关闭"
      onClose={onClose}
      mb="md"
      role="status"
    >
      已逐条校验 {result.checked} 条记录，未发现删改。
      <AnchorLine result={result} />
    </Alert>
  ) : (
    <Alert
      color="red"
      icon={<IconAlertTriangle aria-hidden />}
      title={`审计链在第 ${result.firstBrokenSeq} 条记录处断开`}
      withCloseButton
      closeButtonLabel="关闭"
      onClose={onClose}
      mb="md"
      role="alert"
    >
      已校验 {result.checked} 条。原因：{result.reason}
      。该条及其后的记录可能被删改，请立即报告本单位保密管理人员。
      <AnchorLine result={result} />
    </Alert>
  )
}
