import { App, Form, InputNumber, Modal, Radio } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type DeadlinePolicy, type PolicyInput, useSetDeadlinePolicy } from '../api'
import { DurationInput } from './DurationInput'

type Values = Omit<PolicyInput, 'version'>

const positive = (message: string) => ({
  validator: (_: unknown, value: number | undefined) =>
    value && value > 0 ? Promise.resolve() : Promise.reject(new Error(message)),
})

/** The deadlines of one case type and priority, changed (the default becomes the company's own). */
export function PolicyModal({ policy, onClose }: { policy: DeadlinePolicy; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const save = useSetDeadlinePolicy()
  const required = t('errors.field.minimum')

  const submit = async () => {
    const values = await form.validateFields()
    try {
      await save.mutateAsync({
        caseType: policy.caseType,
        priority: policy.priority,
        body: { ...values, version: policy.version },
      })
      void message.success(t('common.saved'))
      onClose()
    } catch (error) {
      if (isStaleVersion(error)) {
        void message.warning(t('errors.stale_reloaded'))
        onClose()
      } else if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  const durations = [
    ['respondMinutes', 'settings.deadlines.respond'],
    ['resolveMinutes', 'settings.deadlines.resolve'],
    ['followUpMinutes', 'settings.deadlines.followUp'],
  ] as const

  return (
    <Modal
      open
      title={t('settings.deadlines.editTitle', {
        type: t(`cases.type.${policy.caseType}`),
        priority: t(`cases.priority.${policy.priority}`),
      })}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      <Form<Values> form={form} layout="vertical" initialValues={policy}>
        {durations.map(([name, label]) => (
          <Form.Item key={name} name={name} label={t(label)} rules={[positive(required)]}>
            <DurationInput label={t(label)} />
          </Form.Item>
        ))}
        <Form.Item name="workingTime" label={t('settings.deadlines.clock')}>
          <Radio.Group
            optionType="button"
            options={[
              { value: true, label: t('settings.deadlines.workingTime') },
              { value: false, label: t('settings.deadlines.roundTheClock') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="followUpPercent"
          label={t('settings.deadlines.followUpPercent')}
          rules={[{ required: true }]}
        >
          <InputNumber min={0} max={100} precision={0} suffix="%" style={{ width: 120 }} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
