import { Select, Stack, Text } from '@mantine/core'
import { WITHHOLD_ARTICLES, type WithholdArticle } from '../../../../shared/review/types'
import { WITHHOLD_ARTICLE_LABELS } from '../../../../shared/review/labels'

/** 不予公开 cites 条例第十四/十五/十六条, with the article's summary under the choice. */
export function WithholdFields({
  article,
  onChange,
  error,
}: {
  article: WithholdArticle | null
  onChange: (a: WithholdArticle | null) => void
  error: string | undefined
}) {
  return (
    <Stack gap="xs">
      <Select
        label="依据条款"
        withAsterisk
        data={WITHHOLD_ARTICLES.map((a) => ({ value: a, label: WITHHOLD_ARTICLE_LABELS[a].label }))}
        value={article}
        onChange={(v) => onChange(v as WithholdArticle | null)}
        error={error}
        comboboxProps={{ withinPortal: true }}
      />
      {article && (
        <Text fz="xs" c="dimmed">
          {WITHHOLD_ARTICLE_LABELS[article].summary}
        </Text>
      )}
    </Stack>
  )
}
