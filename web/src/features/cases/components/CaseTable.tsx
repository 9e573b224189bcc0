import { Table, Typography } from 'antd'
import type { ColumnsType } from 'antd/es/table'
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

export function CaseTable({ rows, loading, timeZone, emptyText, compact }: Props) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const dash = (v: string | null) => v ?? '—'

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
      ellipsis: true,
      render: (title: string) => <Typography.Text>{title}</Typography.Text>,
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
      dataSource={rows}
      loading={loading}
      pagination={false}
      scroll={{ x: compact ? 1000 : 1400 }}
      locale={emptyText ? { emptyText } : undefined}
      onRow={(row) => ({ onDoubleClick: () => void navigate(`/cases/${row.id}`) })}
    />
  )
}
