// H-MO-5: the damage engineering listed at the move-out inspection — where, what, the cost, how it
// is paid (the customer repairs, a charge, or from a deposit) — with the photo of each line.
import { Image, Table, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatFen } from '../../../ui/money'
import { useCustomerDeposits } from '../../billing/api'
import { attachmentUrl, type CaseDetail } from '../api'
import { enumLabel } from '../labels'

export type DamageLine = {
  item: string
  location: string
  cost: number
  resolution: string
  depositId?: string
  photoId?: string
}

export function DamageList({ detail, damages }: { detail: CaseDetail; damages: DamageLine[] }) {
  const { t } = useTranslation()
  const deposits = useCustomerDeposits(detail.customerId ?? undefined)
  if (damages.length === 0)
    return <Typography.Text type="secondary">{t('cases.moveOut.noDamage')}</Typography.Text>
  const total = damages.reduce((sum, d) => sum + d.cost, 0)
  return (
    <Table<DamageLine>
      rowKey={(_, i) => String(i)}
      size="small"
      pagination={false}
      dataSource={damages}
      scroll={{ x: 'max-content' }}
      className="damage-list"
      columns={[
        {
          title: t('cases.item.damages.photoId'),
          dataIndex: 'photoId',
          width: 96,
          render: (id?: string) =>
            id ? (
              <Image
                src={attachmentUrl(detail.id, id)}
                alt={t('cases.moveOut.damagePhoto')}
                width={80}
                height={60}
                style={{ objectFit: 'cover' }}
              />
            ) : (
              '—'
            ),
        },
        { title: t('cases.item.damages.location'), dataIndex: 'location' },
        { title: t('cases.item.damages.item'), dataIndex: 'item' },
        {
          title: t('cases.item.damages.cost'),
          dataIndex: 'cost',
          align: 'right',
          render: (fen: number) => formatFen(fen),
        },
        {
          title: t('cases.item.damages.resolution'),
          dataIndex: 'resolution',
          render: (r: string, d) => {
            const deposit = deposits.data?.find((x) => x.id === d.depositId)
            return (
              <>
                {enumLabel(t, 'resolution', r)}
                {deposit && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {t(`depositType.${deposit.type}`)}
                  </Typography.Text>
                )}
              </>
            )
          },
        },
      ]}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} colSpan={3}>
            {t('cases.moveOut.damageTotal')}
          </Table.Summary.Cell>
          <Table.Summary.Cell index={3} align="right">
            <b>{formatFen(total)}</b>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4} />
        </Table.Summary.Row>
      )}
    />
  )
}
