import { App, DatePicker, Form, Modal, Radio } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { toIsoDate } from '../../../ui/format'
import { type Customer, OCCUPANT_ROLES, type Occupancy, useAddOccupancy } from '../api'
import { UnitPicker } from './UnitPicker'

type Values = { unitId: string; role: Occupancy['role']; fromDate: Dayjs; toDate?: Dayjs | null }

export function AddOccupancyModal({
  customer,
  onClose,
}: {
  customer: Customer
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const add = useAddOccupancy(customer.id)

  const submit = async () => {
    const v = await form.validateFields()
    add.mutate(
      {
        unitId: v.unitId,
        role: v.role,
        fromDate: toIsoDate(v.fromDate),
        toDate: v.toDate ? toIsoDate(v.toDate) : null,
      },
      {
        onSuccess: () => {
          void message.success(t('common.saved'))
          onClose()
        },
        onError: (error) => {
          if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
        },
      },
    )
  }

  return (
    <Modal
      title={t('occupancy.add')}
      open
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={add.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ role: 'tenant', fromDate: dayjs() }}>
        <Form.Item name="unitId" label={t('occupancy.unit')} rules={[{ required: true }]}>
          <UnitPicker propertyId={customer.propertyId} />
        </Form.Item>
        <Form.Item name="role" label={t('occupancy.role')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={OCCUPANT_ROLES.map((r) => ({ value: r, label: t(`occupantRole.${r}`) }))}
          />
        </Form.Item>
        <Form.Item name="fromDate" label={t('occupancy.fromDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="toDate" label={t('occupancy.toDate')}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
