import { App, Button, Form, Input, Modal, Result, Select, Switch } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { formatFen, parseYuan } from '../../../ui/money'
import { PAYMENT_METHODS, type Payment, type RecordPaymentInput, useRecordPayment } from '../api'
import { useIdempotencyKey } from '../useIdempotencyKey'
import { type AllocationValue, AllocationsField } from './AllocationsField'
import { CustomerPicker } from './CustomerPicker'
import { fenOf, MoneyField } from './MoneyField'

type Values = {
  customerId: string
  amount: string
  method: RecordPaymentInput['method']
  reference?: string
  note?: string
  choose: boolean
  allocations?: AllocationValue
}

type Props = {
  propertyId: string
  /** Fixed when recording from a customer's statement. */
  customerId?: string
  customerName?: string
  onClose: () => void
}

/** 登记收款: one payment, allocated to chosen charges or else to the oldest open ones. */
export function RecordPaymentModal({ propertyId, customerId, customerName, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const keyFor = useIdempotencyKey()
  const record = useRecordPayment()
  const [saved, setSaved] = useState<Payment | null>(null)
  const watched = Form.useWatch('customerId', form)
  const chosenCustomer = customerId ?? watched
  const choose = Form.useWatch('choose', form)

  const submit = async () => {
    const values = await form.validateFields()
    const allocations = values.choose ? (values.allocations ?? []) : []
    const parsed = allocations.map((a) => ({ chargeId: a.chargeId, amount: parseYuan(a.amount) }))
    if (parsed.some((a) => a.amount === null)) {
      form.setFields([{ name: 'allocations', errors: [t('billing.amountInvalid')] }])
      return
    }
    const body: RecordPaymentInput = {
      customerId: customerId ?? values.customerId,
      amount: fenOf(values.amount) ?? 0,
      method: values.method,
      ...(values.reference?.trim() ? { reference: values.reference.trim() } : {}),
      ...(values.note?.trim() ? { note: values.note.trim() } : {}),
      ...(parsed.length
        ? { allocations: parsed.map((a) => ({ chargeId: a.chargeId, amount: a.amount ?? 0 })) }
        : {}),
    }
    try {
      setSaved(await record.mutateAsync({ key: keyFor(body), body }))
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  if (saved)
    return (
      <Modal open title={t('payments.record')} onCancel={onClose} footer={null}>
        <Result
          status="success"
          title={t('payments.saved', { receipt: saved.receiptNumber })}
          subTitle={t('payments.savedDetail', {
            amount: formatFen(saved.amount),
            allocated: formatFen(saved.allocated),
          })}
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
      title={t('payments.record')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={record.isPending}
      width={720}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ customerId, method: 'bank_transfer', choose: false }}
      >
        {customerId ? (
          <Form.Item label={t('billing.customer')}>
            <Input disabled value={customerName} />
          </Form.Item>
        ) : (
          <Form.Item name="customerId" label={t('billing.customer')} rules={[{ required: true }]}>
            <CustomerPicker propertyId={propertyId} />
          </Form.Item>
        )}
        <MoneyField name="amount" label={t('billing.amount')} />
        <Form.Item name="method" label={t('payment.method')} rules={[{ required: true }]}>
          <Select
            style={{ maxWidth: 220 }}
            options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`paymentMethod.${m}`) }))}
          />
        </Form.Item>
        <Form.Item name="reference" label={t('payment.reference')}>
          <Input maxLength={100} placeholder={t('payment.referencePlaceholder')} />
        </Form.Item>
        <Form.Item name="note" label={t('payment.note')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 3 }} maxLength={500} />
        </Form.Item>
        <Form.Item
          name="choose"
          label={t('payments.chooseAllocations')}
          valuePropName="checked"
          extra={choose ? undefined : t('payments.oldestFirst')}
        >
          <Switch disabled={!chosenCustomer} />
        </Form.Item>
        {choose && chosenCustomer && (
          <Form.Item name="allocations" extra={t('payments.allocationHint')}>
            <AllocationsField customerId={chosenCustomer} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
