import { Table } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { memo, startTransition, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { formatDateTime } from '../../../ui/format'
import type { CaseSummary, DepartmentCode } from '../api'
import { CaseFlags, DueText, PriorityTag, StateTag, TypeTag } from './CaseTags'

type Props = {
  rows: CaseSummary[]
  loading: boolean
  timeZone: string
  emptyText?: string
  /** Columns a customer has no use for (department, assignee) are left out. */
  compact?: boolean
}

const FIRST_ROWS = 12

// Memoised: the queue re-renders for every filter keystroke; the rows only when they change.
export const CaseTable = memo(function CaseTable({
  rows,
  loading,
  timeZone,
  emptyText,
  compact,
}: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const dash = (v: string | null) => v ?? '—'
  // A table's first rows are committed (and painted) before the rest, in a task of their own:
  // fifty rows in the first commit made one long task of it. Once complete, it stays so.
  const [complete, setComplete] = useState(false)
  const partial = !complete && rows.length > FIRST_ROWS
  useEffect(() => {
    if (!partial) return
    const timer = setTimeout(() => startTransition(() => setComplete(true)))
    return () => clearTimeout(timer)
  }, [partial])

  const columns: ColumnsType<CaseSummary> = [
    {
      title: t('cases.col.number'),
      dataIndex: 'number',
      width: 165,
      fixed: 'left',
      render: (number: string, row) => <Link to={`/cases/${row.id}`}>{number}</Link>,
    },
    {
      title: t('cases.col.type'),
      dataIndex: 'type',
      width: 80,
      render: (_, row) => <TypeTag type={row.type} />,
    },
    {
      title: t('cases.col.title'),
      dataIndex: 'title',
      width: 240,
      // Plain text: the cell gives it the same colour and ellipsis as Typography.Text did, at
      // a fraction of its cost (fifty of them on a page).
      ellipsis: true,
    },
    {
      title: t('cases.col.state'),
      dataIndex: 'state',
      width: 170,
      render: (_, row) => (
        <>
          <StateTag type={row.type} state={row.state} />
          <CaseFlags item={row} />
        </>
      ),
    },
    {
      title: t('cases.col.priority'),
      dataIndex: 'priority',
      width: 80,
      render: (_, row) => <PriorityTag priority={row.priority} />,
    },
    {
      title: t('cases.col.due'),
      dataIndex: 'dueAt',
      width: 110,
      render: (_, row) => <DueText dueAt={row.dueAt} overdue={row.overdue} timeZone={timeZone} />,
    },
    { title: t('cases.col.unit'), dataIndex: 'unitNumber', width: 80, render: dash },
    ...(compact
      ? []
      : [
          {
            title: t('cases.col.customer'),
            dataIndex: 'customerName',
            width: 140,
            ellipsis: true,
            render: dash,
          },
          {
            title: t('cases.col.department'),
            dataIndex: 'department',
            width: 90,
            render: (d: DepartmentCode | null) => (d ? t(`department.${d}`) : '—'),
          },
          { title: t('cases.col.assignee'), dataIndex: 'assigneeName', width: 110, render: dash },
        ]),
    {
      title: t('cases.col.created'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => formatDateTime(at, timeZone).slice(0, 16),
    },
  ]

  return (
    <Table<CaseSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={partial ? rows.slice(0, FIRST_ROWS) : rows}
      loading={loading}
      pagination={false}
      scroll={{ x: compact ? 1000 : 1400 }}
      locale={emptyText ? { emptyText } : undefined}
      onRow={(row) => ({ onDoubleClick: () => void navigate(`/cases/${row.id}`) })}
    />
  )
})
