import { Button, Text } from '@mantine/core'
import { IconMessages } from '@tabler/icons-react'
import { useNavigate } from 'react-router'
import type { ItemView } from '../../../../shared/items/types'
import { mayOpenConsultationFrom } from '../../../../shared/engagement/rules'
import { Panel } from './Panel'

/**
 * 意见征集 from the draft in one click (issue 14): for a 征求意见稿 whose 类别 fits a consultation
 * (shared/engagement/rules — the rule core's openConsultation applies), an officer opens the
 * 发起意见征集 form on the 政民互动 page with this draft chosen.
 */
export function ConsultationPanel({ view, mayDraft }: { view: ItemView; mayDraft: boolean }) {
  const navigate = useNavigate()
  if (!mayDraft || !mayOpenConsultationFrom(view)) return null
  return (
    <Panel title="意见征集" label="意见征集">
      <Text fz="xs" c="dimmed" mb={6}>
        重大行政决策、行政规范性文件草案公开征求意见（征求意见稿）。
      </Text>
      <Button
        size="xs"
        variant="light"
        leftSection={<IconMessages size={14} />}
        onClick={() => void navigate(`/engagement?open=${view.id}`)}
      >
        发起意见征集
      </Button>
    </Panel>
  )
}
