import { Alert, App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { formatFen } from '../../../ui/money'
import {
  type Deposit,
  PAYMENT_METHODS,
  type PaymentMethod,
  type RefundDepositInput,
  useDeductDeposit,
  useRefundDeposit,
} from '../api'
import { useIdempotencyKey } from '../useIdempotencyKey'
import { fenOf, MoneyField } from './MoneyField'

type Values = { amount?: string; reason?: string; method?: PaymentMethod }
type Props = { action: 'deduct' | 'refund'; deposit: Deposit; onClose: () => void }

/** 扣款 (amount and reason) or 退还 (amount optional: the whole balance; method). */
export function DepositActionModal({ action, deposit, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const deduct = useDeductDeposit()
  const refund = useRefundDeposit()
  const keyFor = useIdempotencyKey()
  const [refusal, setRefusal] = useState<string | null>(null)
  const isRefund = action === 'refund'

  const submit = async () => {
    const values = await form.validateFields()
    const amount = fenOf(values.amount)
    const reason = values.reason?.trim()
    setRefusal(null)
    try {
      if (isRefund) {
        const body: RefundDepositInput = {
          method: values.method ?? 'bank_transfer',
          ...(amount ? { amount } : {}),
          ...(reason ? { reason } : {}),
        }
        await refund.mutateAsync({ key: keyFor(body), id: deposit.id, body })
      } else {
        const body = { amount: amount ?? 0, reason: reason ?? '' }
        await deduct.mutateAsync({ key: keyFor(body), id: deposit.id, body })
      }
      void message.success(t(isRefund ? 'deposit.refundDone' : 'deposit.deductDone'))
      onClose()
    } catch (error) {
      if (!applyFormErrors(form, t, error)) setRefusal(errorMessage(t, error))
    }
  }

  return (
    <Modal
      open
      title={t(isRefund ? 'deposit.refund' : 'deposit.deduct')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t(isRefund ? 'deposit.refund' : 'deposit.deduct')}
      confirmLoading={deduct.isPending || refund.isPending}
      destroyOnHidden
    >
      <p>{t('deposit.balanceNow', { amount: formatFen(deposit.balance) })}</p>
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 16 }} />}
      <Form<Values> form={form} layout="vertical" initialValues={{ method: 'bank_transfer' }}>
        <MoneyField
          name="amount"
          label={t('billing.amount')}
          required={!isRefund}
          extra={isRefund ? t('deposit.refundWhole') : undefined}
        />
        {isRefund && (
          <Form.Item name="method" label={t('payment.method')} rules={[{ required: true }]}>
            <Select
              style={{ maxWidth: 220 }}
              options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('billing.reason')}
          rules={
            isRefund
              ? []
              : [{ required: true, whitespace: true, min: 2, message: t('billing.reasonRequired') }]
          }
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
