import { Button, Group, Select, TextInput } from '@mantine/core'
import type { DatesRangeValue } from '@mantine/dates'
import { IconSearch } from '@tabler/icons-react'
import { AUDIT_ACTION_LABELS } from '../../../shared/audit/labels'
import { DateField } from '../../components/DateField'

export interface AuditFilterValues {
  action: string | null
  range: DatesRangeValue<string>
  text: string
}

export const emptyAuditFilters: AuditFilterValues = { action: null, range: [null, null], text: '' }

const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({
  value,
  label,
}))

export function AuditFilters({
  value,
  onChange,
}: {
  value: AuditFilterValues
  onChange: (v: AuditFilterValues) => void
}) {
  const dirty =
    value.action !== null || value.range[0] !== null || value.range[1] !== null || value.text !== ''
  return (
    <Group gap="sm" align="flex-end" mb="md" wrap="wrap">
      <Select
        label="操作"
        placeholder="全部操作"
        data={ACTION_OPTIONS}
        value={value.action}
        onChange={(action) => onChange({ ...value, action })}
        clearable
        searchable
        nothingFoundMessage="没有匹配的操作"
        w={180}
      />
      <DateField
        label="起始日期"
        value={value.range[0]}
        onChange={(from) => onChange({ ...value, range: [from, value.range[1]] })}
        w={190}
      />
      <DateField
        label="截止日期"
        placeholder="同起始日期"
        value={value.range[1]}
        minDate={value.range[0] ?? undefined}
        onChange={(to) => onChange({ ...value, range: [value.range[0], to] })}
        w={190}
      />
      <TextInput
        label="关键词"
        placeholder="操作人、对象或详情"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={value.text}
        onChange={(e) => onChange({ ...value, text: e.currentTarget.value })}
        w={220}
      />
      {dirty && (
        <Button variant="subtle" color="gray" onClick={() => onChange(emptyAuditFilters)}>
          清除筛选
        </Button>
      )}
    </Group>
  )
}
