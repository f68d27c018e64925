import { Text } from '@mantine/core'

/**
 * 修订稿 (issue 10): under an entry's title, 「已通过 第 3 版 · 修订中 第 4 版」 — the approved revision
 * this entry sends stays in force while the item's working revision is being revised.
 */
export function RevisionStateNote({ text }: { text: string | null }) {
  if (!text) return null
  return (
    <Text fz="xs" c="orange.8" data-revision-state={text}>
      {text}
    </Text>
  )
}
