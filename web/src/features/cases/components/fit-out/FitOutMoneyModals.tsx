// H-FO-3: finance takes the fit-out deposit and the debris-removal fee for this case, and records
// the fee's payment — through billing, like every money write: one Idempotency-Key per opening of
// the form, so a double click or a retry records the money once. The case's confirm_fees step then
// reads the ledger.
import { App, Button, Form, Input, Modal, Result, Select, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../../ui/errors'
import { fenToYuanText, formatFen } from '../../../../ui/money'
import {
  type Charge,
  PAYMENT_METHODS,
  type PaymentMethod,
  useChargeItems,
  usePostCharge,
  useReceiveDeposit,
  useRecordPayment,
} from '../../../billing/api'
import { fenOf, MoneyField } from '../../../billing/components/MoneyField'
import { useIdempotencyKey } from '../../../billing/useIdempotencyKey'
import type { CaseDetail } from '../../api'

export type MoneyStep = 'deposit' | 'debris' | 'payment'

type Values = { amount: string; method: PaymentMethod; note?: string }

function MethodField() {
  const { t } = useTranslation()
  return (
    <Form.Item name="method" label={t('payment.method')} rules={[{ required: true }]}>
      <Select
        style={{ maxWidth: 220 }}
        options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
      />
    </Form.Item>
  )
}

type Props = {
  detail: CaseDetail
  step: MoneyStep
  /** The case's open charges (what a payment settles). */
  open: Charge[]
  onClose: () => void
}

/** One of finance's three money steps for the case, as a small form; a receipt when done. */
export function FitOutMoneyModal({ detail, step, open, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const keyFor = useIdempotencyKey()
  const receive = useReceiveDeposit()
  const post = usePostCharge()
  const record = useRecordPayment()
  const items = useChargeItems()
  const debris = items.data?.find((i) => i.code === 'debris_removal' && i.active)
  const [receipt, setReceipt] = useState<string | null>(null)
  const customerId = detail.customerId ?? ''
  const owed = open.reduce((sum, c) => sum + c.open, 0)
  const title = t(`cases.fitOut.ledger.${step}`)
  const pending = receive.isPending || post.isPending || record.isPending

  const submit = async () => {
    const v = await form.validateFields()
    const amount = fenOf(v.amount) ?? 0
    const note = v.note?.trim() || undefined
    try {
      if (step === 'deposit') {
        const body = {
          customerId,
          unitId: detail.unitId,
          type: 'fit_out' as const,
          amount,
          method: v.method,
          caseId: detail.id,
          ...(note ? { note } : {}),
        }
        const saved = await receive.mutateAsync({ key: keyFor(body), body })
        setReceipt(saved.entries.find((e) => e.kind === 'received')?.receiptNumber ?? '—')
      } else if (step === 'debris') {
        if (!debris) return
        const body = {
          customerId,
          unitId: detail.unitId,
          chargeItemId: debris.id,
          amount,
          description: note ?? `${detail.number} ${debris.name}`,
          caseId: detail.id,
        }
        await post.mutateAsync({ key: keyFor(body), body })
        void message.success(t('statement.chargePosted'))
        onClose()
      } else {
        // The case's open charges, oldest first, up to the amount received.
        let left = amount
        const allocations = open.flatMap((c) => {
          const take = Math.min(left, c.open)
          left -= take
          return take > 0 ? [{ chargeId: c.id, amount: take }] : []
        })
        const body = {
          customerId,
          amount,
          method: v.method,
          allocations,
          ...(note ? { note } : {}),
        }
        const saved = await record.mutateAsync({ key: keyFor(body), body })
        setReceipt(saved.receiptNumber)
      }
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  if (receipt)
    return (
      <Modal open title={title} onCancel={onClose} footer={null}>
        <Result
          status="success"
          title={t('cases.fitOut.ledger.recorded', {
            amount: formatFen(fenOf(form.getFieldValue('amount') as string)),
          })}
          subTitle={t('deposits.receiptNumber', { receipt })}
          extra={
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          }
        />
      </Modal>
    )

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      okButtonProps={{ disabled: step === 'debris' && !debris }}
      confirmLoading={pending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('cases.fitOut.ledger.for', {
          number: detail.number,
          customer: detail.customerName ?? '—',
          unit: detail.unitNumber ?? '—',
        })}
      </Typography.Paragraph>
      {step === 'debris' && !items.isPending && !debris && (
        <Typography.Paragraph type="danger">
          {t('cases.fitOut.ledger.noDebrisItem')}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          method: 'bank_transfer',
          amount: step === 'payment' && owed > 0 ? fenToYuanText(owed) : undefined,
        }}
      >
        <MoneyField
          name="amount"
          label={t('billing.amount')}
          extra={
            step === 'payment'
              ? t('cases.fitOut.ledger.owed', { amount: formatFen(owed) })
              : undefined
          }
        />
        {step !== 'debris' && <MethodField />}
        <Form.Item name="note" label={t(step === 'debris' ? 'charge.description' : 'payment.note')}>
          <Input
            maxLength={200}
            placeholder={step === 'debris' ? `${detail.number} ${debris?.name ?? ''}` : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
