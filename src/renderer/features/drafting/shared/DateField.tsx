import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates'
import { IconCalendar } from '@tabler/icons-react'

/** Chinese formats for the calendar (the locale itself comes from the app's DatesProvider). */
export const ZH_DATE_PROPS = {
  valueFormat: 'YYYY年M月D日',
  monthLabelFormat: 'YYYY年M月',
  yearLabelFormat: 'YYYY年',
  monthsListFormat: 'M月',
  decadeLabelFormat: 'YYYY年 – YYYY年',
} as const

/** A single date (`YYYY-MM-DD`), cleared with the × button. */
export function DateField(props: Omit<DatePickerInputProps<'default'>, 'type'>) {
  return (
    <DatePickerInput
      {...ZH_DATE_PROPS}
      clearable
      leftSection={<IconCalendar size={16} aria-hidden />}
      placeholder="选择日期"
      {...props}
    />
  )
}
