import { Alert } from '@mantine/core'
import type { SyncBackfillView } from '../../../shared/sync/types'
import { formatDateTime } from '../../lib/format'

/**
 * 「补传附件 N 个」: files of items the district already holds — sent under the old protocol, or
 * before a file could be uploaded — that sync uploaded afterwards (core/sync/backfill.ts). The
 * items themselves are not sent again; the district counts them complete once the files arrive.
 */
export function BackfillNotice({
  backfill,
  running,
}: {
  backfill: SyncBackfillView
  running: boolean
}) {
  const left = backfill.files - backfill.uploaded - backfill.failed
  const parts = [
    running && left > 0
      ? `正在补传，已完成 ${backfill.uploaded} 个`
      : `已补传 ${backfill.uploaded} 个`,
  ]
  if (backfill.failed > 0) parts.push(`${backfill.failed} 个未能送达（原因见下方各文件）`)
  return (
    <Alert
      color={backfill.failed > 0 || backfill.remaining > 0 ? 'orange' : 'teal'}
      mt="md"
      title={`补传附件 ${backfill.files} 个`}
      data-testid="sync-backfill"
    >
      {backfill.items}{' '}
      个条目早先已报送区级，但其附件当时未能上传（旧版区级服务器或文件被拒收），区级一直显示「附件未到齐」。
      条目不重新报送，只补传缺少的文件：{parts.join('，')}
      {running ? '' : `（${formatDateTime(backfill.at)}）`}。
      {!running && backfill.remaining > 0
        ? `区级仍缺少 ${backfill.remaining} 个附件，下次同步时自动重试。`
        : ''}
    </Alert>
  )
}
