// Choices an action's form offers from what the case is about: the customer's deposits (a damage
// paid from one) and the case's photos (a damage line's evidence).
import { Flex, Select } from 'antd'
import type { CSSProperties } from 'react'
import { useTranslation } from 'react-i18next'
import { useCan } from '../../../app/auth/me-context'
import { formatFen } from '../../../ui/money'
import { useCustomerDeposits } from '../../billing/api'
import { type Attachment, attachmentUrl } from '../api'

type Controlled = {
  id?: string
  value?: string
  onChange?: (value: string | undefined) => void
  style?: CSSProperties
  placeholder?: string
}

/** A deposit still held for the case's customer (finance's ledger, read with billing.read). */
export function DepositSelect({
  customerId,
  ...props
}: Controlled & { customerId?: string | null }) {
  const { t } = useTranslation()
  // The deposit ledger is finance's (billing.read): who cannot read it cannot name a deposit.
  const readable = useCan()('billing.read')
  const deposits = useCustomerDeposits(readable ? (customerId ?? undefined) : undefined, 'held')
  return (
    <Select
      {...props}
      allowClear
      disabled={!readable}
      placeholder={readable ? undefined : t('cases.moveOut.depositsHidden')}
      loading={deposits.isPending && Boolean(customerId) && readable}
      notFoundContent={t('cases.moveOut.noDeposits')}
      options={(deposits.data ?? []).map((d) => ({
        value: d.id,
        label: t('cases.moveOut.depositOption', {
          type: t(`depositType.${d.type}`),
          unit: d.unitNumber ?? '—',
          balance: formatFen(d.balance),
        }),
      }))}
    />
  )
}

/** One of the case's photos, shown as a thumbnail beside its name. */
export function PhotoSelect({
  caseId,
  attachments,
  ...props
}: Controlled & { caseId?: string; attachments: Attachment[] }) {
  const { t } = useTranslation()
  const photos = attachments.filter((a) => a.kind === 'photo')
  return (
    <Select
      {...props}
      allowClear
      notFoundContent={t('cases.moveOut.noPhotos')}
      options={photos.map((a) => ({ value: a.id, label: a.fileName }))}
      optionRender={(option) => {
        const photo = photos.find((a) => a.id === option.value)
        return (
          <Flex gap={8} align="center">
            {caseId && photo && (
              <img
                src={attachmentUrl(caseId, photo.id)}
                alt=""
                width={40}
                height={30}
                style={{ objectFit: 'cover' }}
              />
            )}
            {option.label}
          </Flex>
        )
      }}
    />
  )
}
