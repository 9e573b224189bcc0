import { App, DatePicker, Form, InputNumber, Modal, Select } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { toIsoDate } from '../../../ui/format'
import { parseYuan } from '../../../ui/money'
import { type ChargeItem, type CreateRateInput, RATE_BASES, useCreateRate } from '../api'
import { MoneyField } from './MoneyField'

type Values = {
  chargeItemId: string
  unitKind: 'office' | 'apartment' | 'all'
  basis: CreateRateInput['basis']
  amount?: string
  bp?: number
  effectiveFrom: Dayjs
}

type Props = { propertyId: string; items: ChargeItem[]; onClose: () => void }

/** A rate from a date on; the server ends the previous rate the day before. */
export function RateModal({ propertyId, items, onClose }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateRate()
  const basis = Form.useWatch('basis', form)

  const submit = async () => {
    const v = await form.validateFields()
    const amount = v.basis === 'basis_points_per_day' ? (v.bp ?? 0) : (parseYuan(v.amount) ?? 0)
    try {
      await create.mutateAsync({
        propertyId,
        chargeItemId: v.chargeItemId,
        unitKind: v.unitKind === 'all' ? null : v.unitKind,
        basis: v.basis,
        amount,
        effectiveFrom: toIsoDate(v.effectiveFrom),
      })
      void message.success(t('common.saved'))
      onClose()
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Modal
      open
      title={t('settings.newRate')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          unitKind: 'all',
          basis: 'per_m2_month',
          effectiveFrom: dayjs().startOf('month'),
        }}
      >
        <Form.Item name="chargeItemId" label={t('charge.item')} rules={[{ required: true }]}>
          <Select
            options={items.filter((i) => i.active).map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <Form.Item name="unitKind" label={t('rate.unitKind')}>
          <Select
            options={[
              { value: 'all', label: t('rate.allKinds') },
              { value: 'office', label: t('unitKind.office') },
              { value: 'apartment', label: t('unitKind.apartment') },
            ]}
          />
        </Form.Item>
        <Form.Item name="basis" label={t('rate.basis')} rules={[{ required: true }]}>
          <Select options={RATE_BASES.map((b) => ({ value: b, label: t(`rateBasis.${b}`) }))} />
        </Form.Item>
        {basis === 'basis_points_per_day' ? (
          <Form.Item name="bp" label={t('rate.bpPerDay')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10000} precision={0} />
          </Form.Item>
        ) : (
          <MoneyField name="amount" label={t(`rate.amountLabel.${basis ?? 'fixed'}`)} />
        )}
        <Form.Item
          name="effectiveFrom"
          label={t('rate.effectiveFrom')}
          rules={[{ required: true }]}
        >
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  )
}
