import { App, DatePicker, Form, Modal } from 'antd'
import dayjs, { type Dayjs } from 'dayjs'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { toIsoDate } from '../../../ui/format'
import { type Occupancy, useEndOccupancy } from '../api'

export function EndOccupancyModal({
  occupancy,
  onClose,
}: {
  occupancy: Occupancy
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ toDate: Dayjs }>()
  const end = useEndOccupancy()

  const submit = async () => {
    const v = await form.validateFields()
    end.mutate(
      { id: occupancy.id, toDate: toIsoDate(v.toDate), version: occupancy.version },
      {
        onSuccess: () => {
          void message.success(t('common.saved'))
          onClose()
        },
        onError: (error) => {
          if (isStaleVersion(error)) {
            void message.warning(t('errors.stale_reloaded'))
            onClose()
          } else if (!applyFormErrors(form, t, error)) {
            void message.error(errorMessage(t, error))
          }
        },
      },
    )
  }

  return (
    <Modal
      title={t('occupancy.endTitle', { unit: occupancy.unitNumber })}
      open
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('occupancy.end')}
      confirmLoading={end.isPending}
    >
      <Form form={form} layout="vertical" initialValues={{ toDate: dayjs() }}>
        <Form.Item name="toDate" label={t('occupancy.toDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
