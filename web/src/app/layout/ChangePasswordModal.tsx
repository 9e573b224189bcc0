import { App, Form, Input, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { type ChangePasswordInput, useChangePassword } from '../../features/identity/api'
import { applyFormErrors, errorMessage } from '../../ui/errors'

type Values = ChangePasswordInput & { confirm: string }

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const change = useChangePassword()

  const submit = async () => {
    const { currentPassword, newPassword } = await form.validateFields()
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          void message.success(t('user.passwordChanged'))
          form.resetFields()
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
      title={t('user.changePassword')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="currentPassword"
          label={t('user.currentPassword')}
          rules={[{ required: true }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="newPassword" label={t('user.newPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('user.confirmPassword')}
          dependencies={['newPassword']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('user.passwordMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
