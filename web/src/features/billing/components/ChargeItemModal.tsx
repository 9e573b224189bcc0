import { App, Form, Input, InputNumber, Modal, Select } from 'antd'
import { useTranslation } from 'react-i18next'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { CHARGE_KINDS, type ChargeItem, useCreateChargeItem, useUpdateChargeItem } from '../api'

type Values = { code: string; name: string; kind: ChargeItem['kind']; dueDays: number }

/** A charge item (收费项目): new, or its name and due days changed. */
export function ChargeItemModal({ item, onClose }: { item?: ChargeItem; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const create = useCreateChargeItem()
  const update = useUpdateChargeItem()

  const submit = async () => {
    const v = await form.validateFields()
    try {
      if (item)
        await update.mutateAsync({
          id: item.id,
          body: { name: v.name.trim(), dueDays: v.dueDays, version: item.version },
        })
      else
        await create.mutateAsync({
          code: v.code,
          name: v.name.trim(),
          kind: v.kind,
          dueDays: v.dueDays,
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
      title={item ? t('settings.editItem') : t('settings.newItem')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={item ?? { kind: 'fixed_fee', dueDays: 15 }}
      >
        <Form.Item
          name="code"
          label={t('chargeItem.code')}
          extra={t('chargeItem.codeHint')}
          rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{1,31}$/ }]}
        >
          <Input disabled={Boolean(item)} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('chargeItem.name')}
          rules={[{ required: true, whitespace: true, max: 40 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('chargeItem.kind')} rules={[{ required: true }]}>
          <Select
            disabled={Boolean(item)}
            options={CHARGE_KINDS.map((k) => ({ value: k, label: t(`chargeKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="dueDays" label={t('chargeItem.dueDays')} rules={[{ required: true }]}>
          <InputNumber min={0} max={365} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  )
}
