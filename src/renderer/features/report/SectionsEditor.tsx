import { Badge, Button, Group, Menu, Paper, ScrollArea, Stack, Text, Textarea } from '@mantine/core'
import { IconPlus, IconRestore } from '@tabler/icons-react'
import { useRef, useState } from 'react'
import {
  NARRATIVE_SECTIONS,
  REPORT_SECTION_HEADINGS,
  type NarrativeSectionKey,
} from '../../../shared/report/format'
import { REPORT_SECTION_MAX } from '../../../shared/report/schemas'
import type { LiveField, ReportView } from '../../../shared/report/types'
import { api, notifySuccess, request } from '../../api/client'

/**
 * Sections 一、五、六 as editable text. Figures are live fields — 「{{requests.received}}」 prints
 * the current count — inserted from the 插入数据 menu; a number typed by hand is checked against
 * the tables like any other.
 */
export function SectionsEditor({
  view,
  mayEdit,
  onChange,
}: {
  view: ReportView
  mayEdit: boolean
  onChange: (v: ReportView) => void
}) {
  const [texts, setTexts] = useState<Record<NarrativeSectionKey, string>>(view.sections)
  const [busy, setBusy] = useState(false)
  const refs = useRef<Partial<Record<NarrativeSectionKey, HTMLTextAreaElement | null>>>({})
  const dirty = NARRATIVE_SECTIONS.some((k) => texts[k] !== view.sections[k])
  const save = async () => {
    setBusy(true)
    try {
      const changed = Object.fromEntries(
        NARRATIVE_SECTIONS.filter((k) => texts[k] !== view.sections[k]).map((k) => [k, texts[k]]),
      )
      const v = await request(api().report.saveSections({ year: view.year, sections: changed }))
      notifySuccess('已保存正文')
      onChange(v)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const reset = async (section: NarrativeSectionKey) => {
    setBusy(true)
    try {
      const v = await request(api().report.resetSection({ year: view.year, section }))
      setTexts((t) => ({ ...t, [section]: v.sections[section] }))
      notifySuccess(`已恢复“${REPORT_SECTION_HEADINGS[section]}”的生成初稿`)
      onChange(v)
    } catch {
      // notified
    } finally {
      setBusy(false)
    }
  }
  const insert = (section: NarrativeSectionKey, f: LiveField) => {
    const el = refs.current[section]
    const text = texts[section]
    const at = el ? el.selectionStart : text.length
    const end = el ? el.selectionEnd : text.length
    const token = `{{${f.key}}}`
    setTexts((t) => ({ ...t, [section]: text.slice(0, at) + token + text.slice(end) }))
    requestAnimationFrame(() => {
      el?.focus()
      el?.setSelectionRange(at + token.length, at + token.length)
    })
  }
  const groups = [...new Set(view.fields.map((f) => f.group))]
  return (
    <Stack gap="md">
      {NARRATIVE_SECTIONS.map((section) => (
        <Paper key={section} withBorder p="sm">
          <Group justify="space-between" mb="xs" wrap="nowrap">
            <Group gap="xs" wrap="nowrap">
              <Text fw={600}>{REPORT_SECTION_HEADINGS[section]}</Text>
              {view.generated[section] && texts[section] === view.sections[section] && (
                <Badge variant="light" color="gray" style={{ flexShrink: 0 }}>
                  生成的初稿
                </Badge>
              )}
            </Group>
            {mayEdit && (
              <Group gap="xs" wrap="nowrap">
                <Menu shadow="md" width={300} position="bottom-end">
                  <Menu.Target>
                    <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />}>
                      插入数据
                    </Button>
                  </Menu.Target>
                  <Menu.Dropdown>
                    <ScrollArea.Autosize mah={360} type="auto">
                      {groups.map((g) => (
                        <div key={g}>
                          <Menu.Label>{g}</Menu.Label>
                          {view.fields
                            .filter((f) => f.group === g)
                            .map((f) => (
                              <Menu.Item
                                key={f.key}
                                onClick={() => insert(section, f)}
                                rightSection={
                                  <Text fz="xs" c="dimmed">
                                    {f.value}
                                  </Text>
                                }
                              >
                                {f.label}
                              </Menu.Item>
                            ))}
                        </div>
                      ))}
                    </ScrollArea.Autosize>
                  </Menu.Dropdown>
                </Menu>
                {!view.generated[section] && (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconRestore size={14} />}
                    onClick={() => void reset(section)}
                    disabled={busy}
                  >
                    恢复初稿
                  </Button>
                )}
              </Group>
            )}
          </Group>
          <Textarea
            ref={(el) => {
              refs.current[section] = el
            }}
            aria-label={REPORT_SECTION_HEADINGS[section]}
            value={texts[section]}
            onChange={(e) => {
              const value = e.currentTarget.value
              setTexts((t) => ({ ...t, [section]: value }))
            }}
            autosize
            minRows={4}
            maxRows={14}
            maxLength={REPORT_SECTION_MAX}
            disabled={!mayEdit}
            description="{{…}} 是数据字段，导出时替换为当前数字；每段一行"
          />
        </Paper>
      ))}
      {mayEdit && (
        <Group justify="flex-end">
          <Button onClick={() => void save()} disabled={!dirty} loading={busy}>
            保存正文
          </Button>
        </Group>
      )}
    </Stack>
  )
}
