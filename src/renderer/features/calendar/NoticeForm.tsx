import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { calendarYearSchema, parseNoticeSchema } from '../../../shared/calendar/schemas'
import type { CalendarPreview } from '../../../shared/calendar/types'
import { api } from '../../api/client'
import { limitOf } from '../../lib/schema-limits'
import { useApiAction } from '../../api/hooks'
import { validateWith, type FieldErrors } from '../../lib/zod-form'

/** 粘贴通知: the State Council notice's text (and the year if its title has none) → a preview. */
export function NoticeForm(props: {
  onPreview: (p: CalendarPreview) => void
  /** 手工录入: start from the year's stored days (or none) and mark days on the month calendars. */
  onManual: (year: number) => void
}) {
  const [text, setText] = useState('')
  const [year, setYear] = useState<number | ''>('')
  const [errors, setErrors] = useState<FieldErrors>({})
  const [parseError, setParseError] = useState<string | null>(null)
  const parse = useApiAction(
    (input: { text: string; year?: number }) => api().calendar.parseNotice(input),
    { notify: false },
  )

  const submit = async () => {
    const v = validateWith(parseNoticeSchema, { text, ...(year === '' ? {} : { year }) })
    if (!v.ok) {
      setErrors(v.errors)
      return
    }
    setErrors({})
    setParseError(null)
    const r = await parse.run(v.data)
    if (r.ok) props.onPreview(r.data)
    else setParseError(r.error.message)
  }

  return (
    <Paper withBorder p="lg" component="section" aria-label="添加放假通知">
      <Stack gap="sm">
        <Title order={3} fz="md">
          添加放假通知
        </Title>
        <Text fz="sm" c="dimmed">
          国务院办公厅每年（通常在 11
          月）公布《关于XXXX年部分节假日安排的通知》。把通知全文复制粘贴到下面，
          程序识别出放假日和调休上班日，以月历显示供核对；确认后保存，并重新计算受影响的期限。
        </Text>
        <Textarea
          label="通知全文"
          placeholder={
            '国务院办公厅关于2027年部分节假日安排的通知\n……\n一、元旦：1月1日放假，共1天。\n二、春节：……'
          }
          autosize
          minRows={6}
          maxRows={14}
          {...limitOf(parseNoticeSchema, 'text')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={errors.text}
        />
        <Group align="flex-end">
          <NumberInput
            label="年份"
            description="通知标题中没有年份时填写"
            w={180}
            min={1990}
            max={2200}
            allowDecimal={false}
            value={year}
            onChange={(v) => setYear(typeof v === 'number' ? v : '')}
            error={errors.year}
          />
          <Button data-primary-action onClick={() => void submit()} loading={parse.busy}>
            识别并预览
          </Button>
          <Button
            variant="subtle"
            onClick={() => {
              const v = validateWith(calendarYearSchema, year === '' ? undefined : year)
              if (!v.ok) {
                setErrors({ year: '手工录入请先填写年份' })
                return
              }
              setErrors({})
              props.onManual(v.data)
            }}
          >
            在月历上手工录入
          </Button>
        </Group>
        {parseError && (
          <Alert color="red" title="无法识别" role="alert">
            {parseError}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
