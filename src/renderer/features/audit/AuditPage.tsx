import { Alert, Group, Pagination, Paper, Table, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { useState } from 'react'
import type { AuditVerifyResult } from '../../../shared/audit/types'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { PageHeader } from '../../components/PageHeader'
import { formatDateTime } from '../../lib/format'
import { auditDetailText } from './audit-detail'
import { actionLabel, actorLabel, targetLabel } from './audit-labels'
import { AuditFilters, emptyAuditFilters, type AuditFilterValues } from './AuditFilters'
import { VerifyChainButton, VerifyChainResult } from './VerifyChain'

const PAGE_SIZE = 50

export function AuditPage() {
  const [filters, setFilters] = useState<AuditFilterValues>(emptyAuditFilters)
  const [page, setPage] = useState(1)
  const [verified, setVerified] = useState<AuditVerifyResult | null>(null)
  const [text] = useDebouncedValue(filters.text.trim(), 300)

  const [from, to] = filters.range
  const input = {
    ...(filters.action ? { action: filters.action } : {}),
    ...(from ? { from: from.slice(0, 10) } : {}),
    ...(to ? { to: to.slice(0, 10) } : from ? { to: from.slice(0, 10) } : {}),
    ...(text ? { text } : {}),
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
  }
  const audit = useApiQuery(() => api().audit.list(input), JSON.stringify(input))
  const users = useApiQuery(() => api().users.list({}))
  const total = audit.data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE))

  return (
    <>
      <PageHeader
        title="审计日志"
        description="所有登录、用户和设置变更都按时间记录，并以哈希链首尾相连，任何删改都能被校验出来。"
        actions={
          <VerifyChainButton
            onResult={(r) => {
              setVerified(r)
              audit.reload()
            }}
          />
        }
      />
      {verified && <VerifyChainResult result={verified} onClose={() => setVerified(null)} />}
      <AuditFilters
        value={filters}
        onChange={(v) => {
          setFilters(v)
          setPage(1)
        }}
      />
      {audit.error && (
        <Alert color="red" mb="md">
          {audit.error.message}
        </Alert>
      )}
      <Paper withBorder>
        <Table.ScrollContainer minWidth={720} type="native">
          <Table aria-label="审计日志" fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60} className="dd-nowrap">
                  序号
                </Table.Th>
                <Table.Th w={150}>时间</Table.Th>
                <Table.Th w={96}>操作人</Table.Th>
                <Table.Th w={110}>操作</Table.Th>
                <Table.Th w={150}>对象</Table.Th>
                <Table.Th>详情</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {audit.data?.entries.map((e) => (
                <Table.Tr key={e.seq}>
                  <Table.Td c="dimmed">{e.seq}</Table.Td>
                  <Table.Td className="dd-nowrap">{formatDateTime(e.at)}</Table.Td>
                  <Table.Td className="dd-nowrap">{actorLabel(e)}</Table.Td>
                  <Table.Td className="dd-nowrap">{actionLabel(e.action)}</Table.Td>
                  <Table.Td>{targetLabel(e.target, users.data, e.targetName)}</Table.Td>
                  <Table.Td c="dimmed">{auditDetailText(e.action, e.detail)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {audit.data && audit.data.entries.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            没有符合条件的记录
          </Text>
        )}
      </Paper>
      <Group justify="space-between" mt="sm">
        <Text fz="sm" c="dimmed">
          共 {total} 条
        </Text>
        {pages > 1 && (
          <Pagination
            total={pages}
            value={page}
            onChange={setPage}
            size="sm"
            getControlProps={(control) => ({
              'aria-label':
                control === 'previous' ? '上一页' : control === 'next' ? '下一页' : control,
            })}
          />
        )}
      </Group>
    </>
  )
}
