import { Alert, Card, Empty, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { formatFen } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type ArrearsRow, useArrears } from './api'
import { ExportButton } from './components/ExportButton'

const byTotal = (a: ArrearsRow, b: ArrearsRow) => b.total - a.total

/** 欠费: who owes, aged by how long past due; a row opens the customer's statement. */
export function ArrearsPage() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { propertyId, timeZone } = useCurrentProperty()
  const arrears = useArrears(propertyId)
  const rows = [...(arrears.data ?? [])].sort(byTotal)

  const money = (key: keyof ArrearsRow, title: string) => ({
    title,
    dataIndex: key,
    align: 'right' as const,
    render: formatFen,
  })
  const columns: ColumnsType<ArrearsRow> = [
    {
      title: t('billing.customer'),
      dataIndex: 'customerName',
      render: (name: string, r) => <Link to={`/billing/customers/${r.customerId}`}>{name}</Link>,
    },
    {
      title: t('arrears.units'),
      dataIndex: 'units',
      render: (units: string[]) => units.map((u) => <Tag key={u}>{u}</Tag>),
    },
    money('current', t('arrears.current')),
    money('d0_30', t('arrears.d0_30')),
    money('d31_90', t('arrears.d31_90')),
    money('d90_plus', t('arrears.d90_plus')),
    { ...money('total', t('arrears.total')), render: (v: number) => <b>{formatFen(v)}</b> },
    { title: t('arrears.oldestDue'), dataIndex: 'oldestDue', width: 110 },
    {
      title: t('arrears.lastReminder'),
      dataIndex: 'lastReminder',
      render: (r: ArrearsRow['lastReminder']) =>
        r ? (
          <>
            <Tag color={r.level === 'second' ? 'red' : 'orange'}>
              {t(`reminderLevel.${r.level}`)}
            </Tag>
            {formatDateTime(r.issuedAt, timeZone).slice(0, 10)}
          </>
        ) : (
          '—'
        ),
    },
  ]

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('arrears.title')}
        extra={<ExportButton table="arrears" query={{ propertyId }} />}
      />
      <Card>
        {arrears.isError && (
          <Alert type="error" title={errorMessage(t, arrears.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<ArrearsRow>
          rowKey="customerId"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={arrears.isPending}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t('arrears.none') }}
          onRow={(r) => ({
            onClick: () => void navigate(`/billing/customers/${r.customerId}`),
            style: { cursor: 'pointer' },
          })}
        />
      </Card>
    </>
  )
}
