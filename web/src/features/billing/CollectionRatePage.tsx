import { Alert, Card, Empty, Flex, Table } from 'antd'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { todayIn } from '../../ui/format'
import { formatFen, formatRateBp } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type CollectionMonth, useCollectionRate } from './api'
import { CollectionChart } from './components/CollectionChart'
import { ExportButton } from './components/ExportButton'

/** 收费率: the last twelve months, as a chart and a table. */
export function CollectionRatePage() {
  const { t } = useTranslation()
  const { propertyId, timeZone } = useCurrentProperty()
  const thisMonth = dayjs(todayIn(timeZone))
  const to = thisMonth.format('YYYY-MM')
  const from = thisMonth.subtract(11, 'month').format('YYYY-MM')
  const months = useCollectionRate(propertyId, from, to)
  const rows = months.data ?? []

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader
        title={t('collection.title')}
        extra={<ExportButton table="collection-rate" query={{ propertyId, from, to }} />}
      />
      <Flex vertical gap={16}>
        {months.isError && <Alert type="error" title={errorMessage(t, months.error)} />}
        <Card title={t('collection.range', { from, to })}>
          <CollectionChart months={rows} />
        </Card>
        <Card>
          <Table<CollectionMonth>
            rowKey="period"
            size="middle"
            dataSource={[...rows].reverse()}
            loading={months.isPending}
            pagination={false}
            scroll={{ x: 'max-content' }}
            columns={[
              { title: t('collection.month'), dataIndex: 'period', width: 100 },
              { title: t('collection.due'), dataIndex: 'due', align: 'right', render: formatFen },
              {
                title: t('collection.collectedInPeriod'),
                dataIndex: 'collectedInPeriod',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('collection.rate'),
                dataIndex: 'rateBp',
                align: 'right',
                render: (bp: number | null) => <b>{formatRateBp(bp)}</b>,
              },
              {
                title: t('collection.collectedToDate'),
                dataIndex: 'collectedToDate',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('collection.arrearsRecovered'),
                dataIndex: 'arrearsRecovered',
                align: 'right',
                render: formatFen,
              },
              {
                title: t('collection.units'),
                key: 'units',
                align: 'right',
                render: (_, m) => `${m.unitsPaid} / ${m.unitsBilled}`,
              },
              {
                title: t('collection.unitRate'),
                dataIndex: 'unitRateBp',
                align: 'right',
                render: formatRateBp,
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  )
}
