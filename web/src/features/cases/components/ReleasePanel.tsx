// 物品放行条: the goods, the carrier (ID masked), the vehicle, the day it is valid and the owner's
// consent, with the printable slip and the gate page security scans to.
import { ScanOutlined } from '@ant-design/icons'
import { Button, Card, Descriptions, Table, Tag } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { todayIn } from '../../../ui/format'
import type { CaseDetail } from '../api'
import { enumLabel, maskIdNumber } from '../labels'
import { type ReleaseData, slipStanding } from './release'

export const RELEASE_SHOWN = [
  'carrierName',
  'carrierIdNumber',
  'vehicle',
  'items',
  'validOn',
  'ownerConsent',
]

const STANDING_COLOUR = {
  valid: 'green',
  not_yet: 'gold',
  expired: 'red',
  released: 'default',
  refused: 'red',
  cancelled: 'default',
} as const

export function ReleasePanel({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const data = detail.data as ReleaseData
  const standing = slipStanding(detail, todayIn(timeZone))
  const consent = data.ownerConsent
  return (
    <Card
      size="small"
      title={t('cases.release.title')}
      extra={
        <Button
          size="small"
          icon={<ScanOutlined />}
          onClick={() => void navigate(`/gate/release/${detail.id}`)}
        >
          {t('cases.release.gate')}
        </Button>
      }
    >
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          {
            key: 'validOn',
            label: t('cases.field.validOn'),
            children: (
              <>
                {data.validOn ?? '—'}{' '}
                <Tag color={STANDING_COLOUR[standing]}>
                  {t(`cases.release.standing.${standing}`)}
                </Tag>
              </>
            ),
          },
          {
            key: 'carrier',
            label: t('cases.field.carrierName'),
            children: data.carrierName ?? '—',
          },
          {
            key: 'id',
            label: t('cases.field.carrierIdNumber'),
            children: data.carrierIdNumber ? maskIdNumber(data.carrierIdNumber) : '—',
          },
          { key: 'vehicle', label: t('cases.field.vehicle'), children: data.vehicle ?? '—' },
          {
            key: 'consent',
            label: t('cases.field.ownerConsent'),
            span: 'filled',
            children: consent
              ? `${consent.ownerName}（${enumLabel(t, 'method', consent.method)}）`
              : t('cases.release.noConsent'),
          },
        ]}
      />
      <Table
        rowKey={(_, i) => String(i)}
        size="small"
        pagination={false}
        dataSource={data.items ?? []}
        columns={[
          { title: '#', key: 'n', width: 48, render: (_, __, i) => i + 1 },
          { title: t('cases.item.items.name'), dataIndex: 'name' },
          { title: t('cases.item.items.quantity'), dataIndex: 'quantity', align: 'right' },
        ]}
      />
    </Card>
  )
}
