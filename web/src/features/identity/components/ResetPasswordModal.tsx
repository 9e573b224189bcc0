import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type User, useResetPassword } from '../api'

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const reset = useResetPassword()

  const submit = async () => {
    if (!user) return
    const { password } = await form.validateFields()
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          void message.success(t('users.passwordReset'))
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
      title={user ? t('users.resetPasswordOf', { name: user.displayName }) : ''}
      open={user !== null}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="password"
          label={t('users.newPassword')}
          extra={t('users.newPasswordHint')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
