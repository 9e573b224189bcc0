import { PrinterOutlined } from '@ant-design/icons'
import { Alert, Card, List, Space, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCurrentProperty } from '../../../app/property/property-context'
import { errorMessage } from '../../../ui/errors'
import { formatDateTime } from '../../../ui/format'
import { formatFen } from '../../../ui/money'
import { useReminders } from '../api'

/** The reminder notices (催缴通知单) sent to a customer, each printable again. */
export function RemindersCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation()
  const { timeZone } = useCurrentProperty()
  const reminders = useReminders(customerId)
  return (
    <Card title={t('statement.reminders')}>
      {reminders.isError && <Alert type="error" title={errorMessage(t, reminders.error)} />}
      <List
        size="small"
        loading={reminders.isPending}
        dataSource={reminders.data ?? []}
        locale={{ emptyText: t('statement.noReminders') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Link key="print" to={`/billing/reminders/${r.id}/print`}>
                <PrinterOutlined /> {t('reminder.print')}
              </Link>,
            ]}
          >
            <Space wrap>
              <Tag color={r.level === 'second' ? 'red' : 'orange'}>
                {t(`reminderLevel.${r.level}`)}
              </Tag>
              <span>{r.number}</span>
              <span>{formatFen(r.amount)}</span>
              <span style={{ color: 'rgba(0,0,0,0.45)' }}>
                {formatDateTime(r.issuedAt, timeZone)}
              </span>
            </Space>
          </List.Item>
        )}
      />
    </Card>
  )
}
