import { App, Form, Input, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type PostChargeInput, useChargeItems, usePostCharge } from '../api'
import { useIdempotencyKey } from '../useIdempotencyKey'
import { fenOf, MoneyField } from './MoneyField'

type Values = { chargeItemId: string; amount: string; description?: string }

/** An ad-hoc charge (paid repair, compensation, debris removal…) on a customer's account. */
export function PostChargeModal({
  customerId,
  onClose,
}: {
  customerId: string
  onClose: () => void
}) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const items = useChargeItems()
  const post = usePostCharge()
  const keyFor = useIdempotencyKey()

  const submit = async () => {
    const values = await form.validateFields()
    const body: PostChargeInput = {
      customerId,
      chargeItemId: values.chargeItemId,
      amount: fenOf(values.amount) ?? 0,
      ...(values.description?.trim() ? { description: values.description.trim() } : {}),
    }
    try {
      await post.mutateAsync({ key: keyFor(body), body })
      void message.success(t('statement.chargePosted'))
      onClose()
    } catch (error) {
      if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Modal
      open
      title={t('statement.postCharge')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={post.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="chargeItemId" label={t('charge.item')} rules={[{ required: true }]}>
          <Select
            loading={items.isPending}
            options={(items.data ?? [])
              .filter((i) => i.active)
              .map((i) => ({ value: i.id, label: i.name }))}
          />
        </Form.Item>
        <MoneyField name="amount" label={t('billing.amount')} />
        <Form.Item name="description" label={t('charge.description')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} maxLength={200} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
