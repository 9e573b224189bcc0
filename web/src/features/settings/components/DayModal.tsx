import { App, DatePicker, Form, Input, Modal, Radio } from 'antd'
import type { Dayjs } from 'dayjs'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { toIsoDate } from '../../../ui/format'
import { type DayKind, useSetCalendarDay } from '../api'

type Values = { date: Dayjs; kind: DayKind; name?: string }

/** A holiday or make-up working day (调休) entered by hand; it replaces what the date had. */
export function DayModal({
  propertyId,
  year,
  onClose,
}: {
  propertyId: string
  year: number
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSetCalendarDay()

  const submit = async () => {
    const { date, kind, name } = await form.validateFields()
    try {
      await save.mutateAsync({
        propertyId,
        date: toIsoDate(date),
        body: { kind, name: name?.trim() ?? '' },
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
      title={t('settings.deadlines.addDayTitle')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'holiday', date: dayjs(`${year}-01-01`) }}
      >
        <Form.Item name="date" label={t('settings.deadlines.date')} rules={[{ required: true }]}>
          <DatePicker allowClear={false} />
        </Form.Item>
        <Form.Item name="kind" label={t('settings.deadlines.kind')}>
          <Radio.Group
            optionType="button"
            options={(['holiday', 'workday'] as const).map((k) => ({
              value: k,
              label: t(`settings.deadlines.kindLabel.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('settings.deadlines.name')} rules={[{ max: 40 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  )
}
