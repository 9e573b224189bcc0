import { PlusOutlined } from '@ant-design/icons'
import { Button, Card, Table, Tag } from 'antd'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { formatDate } from '../../../ui/format'
import type { Customer, Occupancy } from '../api'
import { AddOccupancyModal } from './AddOccupancyModal'
import { EndOccupancyModal } from './EndOccupancyModal'

// Current until its end date has passed; the server has the last word when ending one.
const isCurrent = (o: Occupancy) => !o.toDate || o.toDate >= dayjs().format('YYYY-MM-DD')

export function OccupanciesCard({
  customer,
  canManage,
}: {
  customer: Customer
  canManage: boolean
}) {
  const { t } = useTranslation()
  const [adding, setAdding] = useState(false)
  const [ending, setEnding] = useState<Occupancy | null>(null)

  return (
    <Card
      title={t('customer.occupancies')}
      extra={
        canManage && (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('occupancy.add')}
          </Button>
        )
      }
    >
      <Table<Occupancy>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={customer.occupancies}
        columns={[
          {
            title: t('unit.number'),
            dataIndex: 'unitNumber',
            render: (n: string, o) => <Link to={`/units?unit=${o.unitId}`}>{n}</Link>,
          },
          { title: t('unit.floor'), dataIndex: 'floorLabel' },
          {
            title: t('occupancy.role'),
            dataIndex: 'role',
            render: (r: Occupancy['role']) => (
              <Tag color={r === 'owner' ? 'gold' : 'cyan'}>{t(`occupantRole.${r}`)}</Tag>
            ),
          },
          { title: t('occupancy.fromDate'), dataIndex: 'fromDate', render: formatDate },
          {
            title: t('occupancy.toDate'),
            dataIndex: 'toDate',
            render: (d: string | null) =>
              d ? formatDate(d) : <Tag color="green">{t('occupancy.current')}</Tag>,
          },
          ...(canManage
            ? [
                {
                  title: t('common.actions'),
                  key: 'actions',
                  render: (_: unknown, o: Occupancy) =>
                    isCurrent(o) && (
                      <Button size="small" onClick={() => setEnding(o)}>
                        {t('occupancy.end')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
      {adding && <AddOccupancyModal customer={customer} onClose={() => setAdding(false)} />}
      {ending && <EndOccupancyModal occupancy={ending} onClose={() => setEnding(null)} />}
    </Card>
  )
}
