import { App, Form, Input, Modal, Result, Button, Select } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UnitPicker } from '../../customers/components/UnitPicker'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { formatFen } from '../../../ui/money'
import {
  DEPOSIT_TYPES,
  type Deposit,
  PAYMENT_METHODS,
  type ReceiveDepositInput,
  useReceiveDeposit,
} from '../api'
import { useIdempotencyKey } from '../useIdempotencyKey'
import { CustomerPicker } from './CustomerPicker'
import { fenOf, MoneyField } from './MoneyField'

type Values = {
  customerId: string
  unitId?: string
  type: ReceiveDepositInput['type']
  amount: string
  method: ReceiveDepositInput['method']
  note?: string
}

/** 收押金: a fit-out, pass or lease deposit, with a receipt. */
export function ReceiveDepositModal({
  propertyId,
  onClose,
}: {
  propertyId: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const receive = useReceiveDeposit()
  const keyFor = useIdempotencyKey()
  const [saved, setSaved] = useState<Deposit | null>(null)

  const submit = async () => {
    const values = await form.validateFields()
    const body: ReceiveDepositInput = {
      customerId: values.customerId,
      unitId: values.unitId ?? null,
      type: values.type,
      amount: fenOf(values.amount) ?? 0,
      method: values.method,
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
    }
    try {
      setSaved(await receive.mutateAsync({ key: keyFor(body), body }))
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  if (saved) {
    const receipt = saved.entries.find((e) => e.kind === 'received')?.receiptNumber
    return (
      <Modal open title={t('deposits.receive')} onCancel={onClose} footer={null}>
        <Result
          status="success"
          title={t('deposits.received', { amount: formatFen(saved.received) })}
          subTitle={receipt ? t('deposits.receiptNumber', { receipt }) : undefined}
          extra={
            <Button type="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          }
        />
      </Modal>
    )
  }

  return (
    <Modal
      open
      title={t('deposits.receive')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={receive.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ type: 'fit_out', method: 'bank_transfer' }}
      >
        <Form.Item name="customerId" label={t('billing.customer')} rules={[{ required: true }]}>
          <CustomerPicker propertyId={propertyId} />
        </Form.Item>
        <Form.Item name="unitId" label={t('deposit.unitOptional')}>
          <UnitPicker propertyId={propertyId} />
        </Form.Item>
        <Form.Item name="type" label={t('deposit.type')} rules={[{ required: true }]}>
          <Select
            options={DEPOSIT_TYPES.map((d) => ({ value: d, label: t(`depositType.${d}`) }))}
          />
        </Form.Item>
        <MoneyField name="amount" label={t('billing.amount')} />
        <Form.Item name="method" label={t('payment.method')} rules={[{ required: true }]}>
          <Select
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="note" label={t('payment.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
