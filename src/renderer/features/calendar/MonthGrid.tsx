import { Badge, Box, Group, SimpleGrid, Text } from '@mantine/core'

const WEEK_HEAD = ['一', '二', '三', '四', '五', '六', '日']

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Day of week with Monday = 0 … Sunday = 6. */
function mondayIndex(year: number, month: number, day: number): number {
  return (new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7
}

interface MonthProps {
  year: number
  month: number
  holidays: ReadonlySet<string>
  workdays: ReadonlySet<string>
  names: Record<string, string>
  /** When given, each day is a button that cycles 工作日/周末 → 放假 → 调休上班 → back. */
  onToggle?: (date: string) => void
}

/** One month, Monday first: days off red with 休, 调休 working days marked 班, weekends grey. */
function Month({ year, month, holidays, workdays, names, onToggle }: MonthProps) {
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const lead = mondayIndex(year, month, 1)
  const cells: (number | null)[] = [...Array<null>(lead).fill(null)]
  for (let d = 1; d <= days; d++) cells.push(d)
  return (
    <Box
      component="figure"
      m={0}
      aria-label={`${year}年${month}月`}
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 6 }}
      p={6}
    >
      <Text component="figcaption" fw={600} fz="sm" ta="center" mb={4}>
        {month}月
      </Text>
      <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2 }}>
        {WEEK_HEAD.map((w) => (
          <Text key={w} fz={11} c="dimmed" ta="center">
            {w}
          </Text>
        ))}
        {cells.map((d, i) => {
          if (d === null) return <span key={`e${i}`} />
          const date = `${year}-${pad(month)}-${pad(d)}`
          const off = holidays.has(date)
          const work = workdays.has(date)
          const weekend = (lead + d - 1) % 7 >= 5
          const name = names[date]
          const label = `${year}年${month}月${d}日${name ? ` ${name}` : ''}${off ? ' 放假' : work ? ' 调休上班' : ''}`
          return (
            <Box
              key={date}
              component={onToggle ? 'button' : 'div'}
              type={onToggle ? 'button' : undefined}
              onClick={onToggle ? () => onToggle(date) : undefined}
              aria-label={label}
              title={onToggle ? `${label}（点击切换：放假 / 调休上班 / 恢复）` : label}
              data-kind={off ? 'holiday' : work ? 'makeup' : weekend ? 'weekend' : 'workday'}
              style={{
                position: 'relative',
                border: 0,
                padding: 0,
                font: 'inherit',
                cursor: onToggle ? 'pointer' : undefined,
                textAlign: 'center',
                borderRadius: 4,
                fontSize: 12,
                lineHeight: '22px',
                background: off
                  ? 'var(--mantine-color-red-light)'
                  : work
                    ? 'var(--mantine-color-blue-light)'
                    : onToggle
                      ? 'transparent'
                      : undefined,
                color: off
                  ? 'var(--mantine-color-red-light-color)'
                  : work
                    ? 'var(--mantine-color-blue-light-color)'
                    : weekend
                      ? 'var(--mantine-color-dimmed)'
                      : undefined,
                fontWeight: off || work ? 700 : 400,
              }}
            >
              {d}
              {(off || work) && (
                <span
                  aria-hidden
                  style={{
                    position: 'absolute',
                    top: -3,
                    right: 1,
                    fontSize: 9,
                    lineHeight: '12px',
                  }}
                >
                  {off ? '休' : '班'}
                </span>
              )}
            </Box>
          )
        })}
      </Box>
    </Box>
  )
}

/** Twelve months of a year with its days off and make-up working days, and a legend. */
export function YearCalendar(props: {
  year: number
  holidays: string[]
  workdays: string[]
  names: Record<string, string>
  onToggle?: (date: string) => void
}) {
  const holidays = new Set(props.holidays)
  const workdays = new Set(props.workdays)
  return (
    <Box>
      <Group gap="xs" mb="xs">
        <Badge color="red" variant="light">
          休 放假
        </Badge>
        <Badge color="blue" variant="light">
          班 调休上班
        </Badge>
        <Text fz="xs" c="dimmed">
          灰色为普通周末
        </Text>
      </Group>
      <SimpleGrid cols={{ base: 3, md: 4 }} spacing="xs" verticalSpacing="xs">
        {Array.from({ length: 12 }, (_, i) => (
          <Month
            key={i}
            year={props.year}
            month={i + 1}
            holidays={holidays}
            workdays={workdays}
            names={props.names}
            {...(props.onToggle ? { onToggle: props.onToggle } : {})}
          />
        ))}
      </SimpleGrid>
    </Box>
  )
}
