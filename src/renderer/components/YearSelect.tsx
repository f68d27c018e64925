import { Select } from '@mantine/core'
import { thisYear, yearOptions } from '../lib/year-options'

/** A page header's 年度 picker: the years that have data, this year and the next, newest first. */
export function YearSelect({
  years,
  value,
  onChange,
}: {
  /** The years that have data (undefined while loading). */
  years: number[] | undefined
  value: number
  onChange: (year: number) => void
}) {
  return (
    <Select
      aria-label="年度"
      w={110}
      data={yearOptions(years, thisYear()).map((y) => ({ value: y, label: `${y} 年` }))}
      value={String(value)}
      onChange={(v) => v && onChange(Number(v))}
      allowDeselect={false}
    />
  )
}
