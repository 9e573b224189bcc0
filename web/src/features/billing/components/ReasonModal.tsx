import { App, Form, Input, Modal } from 'antd'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { useIdempotencyKey } from '../useIdempotencyKey'

type Props = {
  title: ReactNode
  description?: ReactNode
  onClose: () => void
  /** Sends the reversal with this opening's Idempotency-Key. */
  onSubmit: (key: string, reason: string) => Promise<unknown>
  pending: boolean
}

/** Asks why before a reversal (冲销); mount it anew for each opening. */
export function ReasonModal({ title, description, onClose, onSubmit, pending }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const keyFor = useIdempotencyKey()

  const submit = async () => {
    const { reason } = await form.validateFields()
    const text = reason.trim()
    try {
      await onSubmit(keyFor({ reason: text }), text)
      void message.success(t('billing.reversed'))
      onClose()
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('billing.reverse')}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      destroyOnHidden
    >
      {description}
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t('billing.reason')}
          rules={[
            { required: true, whitespace: true, min: 2, message: t('billing.reasonRequired') },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
