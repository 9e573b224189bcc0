import { EyeOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, type DescriptionsProps, Space, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useCan, useCurrentUser } from '../../../app/auth/me-context'
import { errorMessage } from '../../../ui/errors'
import { formatDateTime } from '../../../ui/format'
import { type CaseDetail, useRevealContact } from '../api'
import { dataText, fieldLabel, shownEntries } from '../labels'

type Props = {
  detail: CaseDetail
  timeZone: string
  /** Data keys shown elsewhere on the page (a type's own panel). */
  omit?: readonly string[]
}

/** Who, where and how a case came in, and what its type records (fault, result, follow-up…). */
export function CaseFacts({ detail, timeZone, omit = [] }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const can = useCan()
  const me = useCurrentUser()
  const reveal = useRevealContact(detail.id)
  const [revealed, setRevealed] = useState<{ id: string; phone: string | null } | null>(null)
  const staff = me.kind === 'staff'
  const phone = revealed?.id === detail.id ? revealed.phone : detail.contactPhone
  const canReveal =
    staff && can('customer.reveal') && Boolean(detail.contactPhone) && revealed?.id !== detail.id

  const onReveal = () =>
    reveal.mutate(undefined, {
      onSuccess: ({ contactPhone }) => setRevealed({ id: detail.id, phone: contactPhone }),
      onError: (error) => void message.error(errorMessage(t, error)),
    })

  const dash = (v: string | null | undefined) => v || '—'
  const items: DescriptionsProps['items'] = [
    { key: 'property', label: t('cases.field.property'), children: detail.propertyName },
    { key: 'unit', label: t('cases.field.unit'), children: dash(detail.unitNumber) },
    {
      key: 'customer',
      label: t('cases.field.customer'),
      children:
        detail.customerId && staff && can('customer.read') ? (
          <Link to={`/customers/${detail.customerId}`}>{detail.customerName}</Link>
        ) : (
          dash(detail.customerName)
        ),
    },
    { key: 'contactName', label: t('cases.field.contactName'), children: dash(detail.contactName) },
    {
      key: 'contactPhone',
      label: t('cases.field.contactPhone'),
      children: (
        <Space size={4}>
          {dash(phone)}
          {canReveal && (
            <Button
              size="small"
              type="link"
              icon={<EyeOutlined />}
              loading={reveal.isPending}
              onClick={onReveal}
              title={t('cases.detail.revealHint')}
            >
              {t('customers.reveal')}
            </Button>
          )}
        </Space>
      ),
    },
    {
      key: 'channel',
      label: t('cases.field.channel'),
      children: t(`cases.channel.${detail.channel}`),
    },
    {
      key: 'department',
      label: t('cases.field.department'),
      children: detail.department ? t(`department.${detail.department}`) : '—',
    },
    { key: 'assignee', label: t('cases.field.assignee'), children: dash(detail.assigneeName) },
    {
      key: 'created',
      label: t('cases.field.createdAt'),
      children: formatDateTime(detail.createdAt, timeZone),
    },
    ...(detail.closedAt
      ? [
          {
            key: 'closed',
            label: t('cases.field.closedAt'),
            children: formatDateTime(detail.closedAt, timeZone),
          },
        ]
      : []),
    {
      key: 'description',
      label: t('cases.field.description'),
      span: 'filled' as const,
      children: (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {dash(detail.description)}
        </Typography.Paragraph>
      ),
    },
    ...shownEntries(detail.data)
      .filter(([key]) => !omit.includes(key))
      .map(([key, value]) => ({
        key: `data.${key}`,
        label: fieldLabel(t, key, detail.type),
        span: typeof value === 'string' && value.length > 40 ? ('filled' as const) : undefined,
        children: (
          <span style={{ whiteSpace: 'pre-wrap' }}>{dataText(t, key, value, timeZone)}</span>
        ),
      })),
  ]

  return (
    <Card title={t('cases.detail.facts')} size="small">
      <Descriptions size="small" column={{ xs: 1, sm: 2, xxl: 3 }} items={items} />
    </Card>
  )
}
