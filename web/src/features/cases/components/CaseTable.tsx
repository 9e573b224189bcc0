import { memo, startTransition, useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useLook } from '../../../ui/antd-look'
import { formatDateTime } from '../../../ui/format'
import { type PlainColumn, PlainTable } from '../../../ui/PlainTable'
import type { CaseSummary } from '../api'
import { caseTags } from './CaseTags'

type Props = {
  rows: CaseSummary[]
  loading: boolean
  timeZone: string
  emptyText: string
  /** Columns a customer has no use for (department, assignee) are left out. */
  compact?: boolean
}

const FIRST_ROWS = 12
const dash = (v: string | null) => v ?? '—'

// Memoised: the queue re-renders for every filter keystroke; the rows only when they change.
export const CaseTable = memo(function CaseTable({
  rows,
  loading,
  timeZone,
  emptyText,
  compact,
}: Props) {
  const { t } = useTranslation()
  const look = useLook()
  const navigate = useNavigate()
  // A table's first rows are committed (and painted) before the rest, in a task of their own:
  // fifty rows in the first commit made one long task of it. Once complete, it stays so.
  const [complete, setComplete] = useState(false)
  const partial = !complete && rows.length > FIRST_ROWS
  useEffect(() => {
    if (!partial) return
    const timer = setTimeout(() => startTransition(() => setComplete(true)))
    return () => clearTimeout(timer)
  }, [partial])

  const columns = useMemo(
    (): PlainColumn<CaseSummary>[] => [
      {
        key: 'number',
        title: t('cases.col.number'),
        width: 165,
        fixed: true,
        render: (row) => <Link to={`/cases/${row.id}`}>{row.number}</Link>,
      },
      {
        key: 'type',
        title: t('cases.col.type'),
        width: 80,
        render: (row) => caseTags.type(t, look, row.type),
      },
      {
        key: 'title',
        title: t('cases.col.title'),
        width: 240,
        ellipsis: true,
        render: (row) => row.title,
      },
      {
        key: 'state',
        title: t('cases.col.state'),
        width: 170,
        render: (row) => (
          <>
            {caseTags.state(t, look, row.type, row.state)}
            {caseTags.flags(t, look, row)}
          </>
        ),
      },
      {
        key: 'priority',
        title: t('cases.col.priority'),
        width: 80,
        render: (row) => caseTags.priority(t, look, row.priority),
      },
      {
        key: 'dueAt',
        title: t('cases.col.due'),
        width: 110,
        render: (row) => caseTags.due(look, row.dueAt, row.overdue, timeZone),
      },
      { key: 'unit', title: t('cases.col.unit'), width: 80, render: (row) => dash(row.unitNumber) },
      ...(compact
        ? []
        : [
            {
              key: 'customer',
              title: t('cases.col.customer'),
              width: 140,
              ellipsis: true,
              render: (row: CaseSummary) => dash(row.customerName),
            },
            {
              key: 'department',
              title: t('cases.col.department'),
              width: 90,
              render: (row: CaseSummary) =>
                row.department ? t(`department.${row.department}`) : '—',
            },
            {
              key: 'assignee',
              title: t('cases.col.assignee'),
              width: 110,
              render: (row: CaseSummary) => dash(row.assigneeName),
            },
          ]),
      {
        key: 'created',
        title: t('cases.col.created'),
        width: 140,
        render: (row) => formatDateTime(row.createdAt, timeZone).slice(0, 16),
      },
    ],
    [t, look, timeZone, compact],
  )

  return (
    <PlainTable
      columns={columns}
      rows={partial ? rows.slice(0, FIRST_ROWS) : rows}
      rowKey={(row) => row.id}
      scrollX={compact ? 1000 : 1400}
      loading={loading}
      emptyText={emptyText}
      onRowDoubleClick={(row) => void navigate(`/cases/${row.id}`)}
    />
  )
})
