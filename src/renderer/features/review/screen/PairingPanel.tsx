import { Alert, Anchor, Group, Paper, Stack, Text } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { Link } from 'react-router'
import type { ApprovalNotice, ReviewPairing } from '../../../../shared/review/types'
import { ITEM_KIND_LABELS } from '../../../../shared/items/labels'
import { StatusBadge } from '../../drafting/shared/StatusBadge'
import { TitleText } from '../../../components/TitleText'

/** 「解读」/「所解读的政策」: what the other item of the pair is to this one. */
export const PAIRING_LABELS: Record<ReviewPairing['relation'], string> = {
  policy: '所解读的政策',
  interpretation: '政策解读',
}

/**
 * 政策文件 ↔ 政策解读 shown together (同步组织、同步审签、同步部署): the other item(s) of the pair
 * with their status, each a link to its own review page.
 */
export function PairingPanel({ paired }: { paired: ReviewPairing[] }) {
  if (paired.length === 0) return null
  return (
    <Paper withBorder p="sm" component="section" aria-label="政策与解读">
      <Stack gap={6}>
        {paired.map((p) => (
          <Group key={p.item.id} gap="xs" wrap="nowrap" data-testid="paired-item">
            <IconLink size={16} stroke={1.5} aria-hidden style={{ flexShrink: 0 }} />
            <Text fz="sm" c="dimmed" style={{ flexShrink: 0 }}>
              {PAIRING_LABELS[p.relation]}：
            </Text>
            <Anchor component={Link} to={`/review/${p.item.id}`} fz="sm" style={{ minWidth: 0 }}>
              <TitleText fz="sm">
                {p.item.title || `（无标题${ITEM_KIND_LABELS[p.item.kind]}）`}
              </TitleText>
            </Anchor>
            <StatusBadge status={p.item.status} size="sm" style={{ flexShrink: 0 }} />
          </Group>
        ))}
      </Stack>
    </Paper>
  )
}

/**
 * The interpretation rule, said before the checklist (issue 10): at the final step 同意公开 is
 * refused until the policy is approved (core's own message); at an earlier step it is a heads-up.
 */
export function ApprovalNoticeAlert({
  notice,
  compact = false,
}: {
  notice: ApprovalNotice
  compact?: boolean
}) {
  return (
    <Alert
      color={notice.atFinalStep ? 'red' : 'yellow'}
      variant="light"
      p={compact ? 'xs' : 'sm'}
      role="note"
      data-testid="approval-notice"
      title={
        compact
          ? undefined
          : notice.atFinalStep
            ? '须先审核通过政策文件'
            : '签发前须先审核通过政策文件'
      }
    >
      <Text fz="sm">
        {notice.message}
        {notice.atFinalStep
          ? '。在此之前不能同意公开本解读，可退回修改或等待政策文件审核通过。'
          : '。本步可以同意并转交下一步，最终签发须在政策文件审核通过之后。'}
      </Text>
    </Alert>
  )
}
