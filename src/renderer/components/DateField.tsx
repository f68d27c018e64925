import { DateInput, type DateInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'
import { parseDateText } from '../../shared/dates'

/**
 * One date field for the whole app: type the date (2024-02-20, 2024年2月20日, 2024/2/20 or
 * 20240220 — the shared parser core uses too) or pick it in the calendar; shown as 2024年2月20日.
 * The value is `YYYY-MM-DD` (or null). Text that is not a real day is refused on blur, the field
 * keeps the last valid value.
 */
export function DateField(props: DateInputProps) {
  return (
    <DateInput
      valueFormat="YYYY年M月D日"
      monthLabelFormat="YYYY年M月"
      yearLabelFormat="YYYY年"
      monthsListFormat="M月"
      decadeLabelFormat="YYYY年 – YYYY年"
      dateParser={(text) => parseDateText(text)}
      fixOnBlur
      clearable
      leftSection={<IconCalendar size={16} aria-hidden />}
      placeholder="如 2024-02-20"
      {...props}
    />
  )
}
