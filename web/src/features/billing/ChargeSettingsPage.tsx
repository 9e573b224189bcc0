import { EditOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Empty, Flex, Switch, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatFen, formatRateBp } from '../../ui/money'
import { PageHeader } from '../../ui/PageHeader'
import { type ChargeItem, type Rate, useChargeItems, useRates, useUpdateChargeItem } from './api'
import { ChargeItemModal } from './components/ChargeItemModal'
import { RateModal } from './components/RateModal'

/** 收费设置: charge items of the organisation, and rates of the current building. */
export function ChargeSettingsPage() {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { propertyId, property } = useCurrentProperty()
  const items = useChargeItems()
  const rates = useRates(propertyId)
  const update = useUpdateChargeItem()
  const [editing, setEditing] = useState<ChargeItem | 'new' | null>(null)
  const [addingRate, setAddingRate] = useState(false)
  const itemName = (id: string) => items.data?.find((i) => i.id === id)?.name ?? id.slice(0, 8)

  const toggle = (item: ChargeItem, active: boolean) =>
    update.mutate(
      { id: item.id, body: { active, version: item.version } },
      { onError: (error) => void message.error(errorMessage(t, error)) },
    )

  const rateAmount = (r: Rate) =>
    r.basis === 'basis_points_per_day'
      ? t('rate.perDay', { rate: formatRateBp(r.amount) })
      : t(`rate.amountOf.${r.basis}`, { amount: formatFen(r.amount) })

  if (!propertyId) return <Empty description={t('property.none')} />

  return (
    <>
      <PageHeader title={t('settings.title')} />
      <Flex vertical gap={16}>
        <Card
          title={t('settings.items')}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {t('settings.newItem')}
            </Button>
          }
        >
          {items.isError && <Alert type="error" title={errorMessage(t, items.error)} />}
          <Table<ChargeItem>
            rowKey="id"
            size="small"
            pagination={false}
            loading={items.isPending}
            dataSource={items.data ?? []}
            columns={[
              {
                title: t('chargeItem.code'),
                dataIndex: 'code',
                render: (c: string) => <code>{c}</code>,
              },
              { title: t('chargeItem.name'), dataIndex: 'name' },
              {
                title: t('chargeItem.kind'),
                dataIndex: 'kind',
                render: (k: ChargeItem['kind']) => t(`chargeKind.${k}`),
              },
              { title: t('chargeItem.dueDays'), dataIndex: 'dueDays', align: 'right' },
              {
                title: t('chargeItem.active'),
                dataIndex: 'active',
                render: (active: boolean, item) => (
                  <Switch
                    size="small"
                    checked={active}
                    loading={update.isPending && update.variables.id === item.id}
                    onChange={(next) => toggle(item, next)}
                    aria-label={t('chargeItem.active')}
                  />
                ),
              },
              {
                title: t('common.actions'),
                key: 'edit',
                render: (_, item) => (
                  <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(item)}>
                    {t('common.edit')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
        <Card
          title={t('settings.rates', { building: property?.name ?? '' })}
          extra={
            <Button icon={<PlusOutlined />} onClick={() => setAddingRate(true)}>
              {t('settings.newRate')}
            </Button>
          }
        >
          {rates.isError && <Alert type="error" title={errorMessage(t, rates.error)} />}
          <Table<Rate>
            rowKey="id"
            size="small"
            pagination={false}
            loading={rates.isPending}
            dataSource={rates.data ?? []}
            columns={[
              { title: t('charge.item'), dataIndex: 'chargeItemId', render: itemName },
              {
                title: t('rate.unitKind'),
                dataIndex: 'unitKind',
                render: (k: Rate['unitKind']) => (k ? t(`unitKind.${k}`) : t('rate.allKinds')),
              },
              {
                title: t('rate.basis'),
                dataIndex: 'basis',
                render: (b: Rate['basis']) => t(`rateBasis.${b}`),
              },
              {
                title: t('rate.amount'),
                key: 'amount',
                align: 'right',
                render: (_, r) => rateAmount(r),
              },
              { title: t('rate.effectiveFrom'), dataIndex: 'effectiveFrom' },
              {
                title: t('rate.effectiveTo'),
                dataIndex: 'effectiveTo',
                render: (d: string | null) => d ?? <Tag color="green">{t('rate.current')}</Tag>,
              },
            ]}
          />
        </Card>
      </Flex>
      {editing && (
        <ChargeItemModal
          item={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
      {addingRate && (
        <RateModal
          propertyId={propertyId}
          items={items.data ?? []}
          onClose={() => setAddingRate(false)}
        />
      )}
    </>
  )
}
