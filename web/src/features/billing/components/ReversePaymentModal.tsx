import { Descriptions } from 'antd'
import { useTranslation } from 'react-i18next'
import { formatFen } from '../../../ui/money'
import { type Payment, useReversePayment } from '../api'
import { ReasonModal } from './ReasonModal'

/** 冲销 a payment recorded in error: the server adds a negative payment, never deletes. */
export function ReversePaymentModal({
  payment,
  onClose,
}: {
  payment: Payment
  onClose: () => void
}) {
  const { t } = useTranslation()
  const reverse = useReversePayment()
  return (
    <ReasonModal
      title={t('payments.reverseTitle')}
      description={
        <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('payment.receiptNumber')}>
            {payment.receiptNumber}
          </Descriptions.Item>
          <Descriptions.Item label={t('billing.amount')}>
            {formatFen(payment.amount)}
          </Descriptions.Item>
        </Descriptions>
      }
      pending={reverse.isPending}
      onClose={onClose}
      onSubmit={(key, reason) => reverse.mutateAsync({ key, id: payment.id, reason })}
    />
  )
}
