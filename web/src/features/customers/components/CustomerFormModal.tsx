import { Alert, App, Form, Input, Modal, Radio } from 'antd'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import {
  type Customer,
  CUSTOMER_KINDS,
  type Revealed,
  useCreateCustomer,
  useUpdateCustomer,
} from '../api'
import { ContactsField } from './ContactsField'
import { createBody, type CustomerFormValues, initialValues, updateBody } from './customer-form'

type Props = {
  open: boolean
  onClose: () => void
  /** Editing this customer; absent for a new one in `propertyId`. */
  customer?: Customer
  /** Clear values from a reveal, when the user asked for them. */
  revealed?: Revealed | null
  propertyId: string
  onCreated?: (customer: Customer) => void
  /** Called after a 409: the caller reloads the customer. */
  onStale?: () => Promise<unknown>
}

export function CustomerFormModal(props: Props) {
  const { open, onClose, customer, revealed = null, propertyId, onCreated, onStale } = props
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<CustomerFormValues>()
  const [stale, setStale] = useState(false)
  const create = useCreateCustomer()
  const update = useUpdateCustomer(customer?.id ?? '')
  const initial = initialValues(customer, revealed)
  const clear = !customer || !customer.masked || revealed !== null
  const version = customer?.version

  // After a 409 the parent reloads the customer: show the fresh values once they arrive.
  const shownVersion = useRef(version)
  useEffect(() => {
    if (!stale || shownVersion.current === version) return
    shownVersion.current = version
    form.setFieldsValue(initialValues(customer, revealed))
  }, [version, stale, form, customer, revealed])

  const onError = (error: unknown) => {
    if (isStaleVersion(error) && onStale) {
      setStale(true)
      void onStale()
    } else if (!applyFormErrors(form, t, error)) {
      void message.error(errorMessage(t, error))
    }
  }
  const onSaved = (saved: Customer) => {
    void message.success(t('common.saved'))
    setStale(false)
    onClose()
    if (!customer) onCreated?.(saved)
  }

  const submit = async () => {
    const values = await form.validateFields()
    if (!customer) {
      create.mutate(createBody(values, propertyId), { onSuccess: onSaved, onError })
      return
    }
    const body = updateBody(customer, initial, values, clear)
    if (Object.keys(body).length === 1) return onClose()
    update.mutate(body, { onSuccess: onSaved, onError })
  }

  const keepHint = !clear ? t('customers.maskedKeep') : undefined
  return (
    <Modal
      title={customer ? t('customers.edit') : t('customers.new')}
      open={open}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      width={680}
      destroyOnHidden
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t('errors.stale_customer')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={initial}>
        <Form.Item name="kind" label={t('customer.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            options={CUSTOMER_KINDS.map((k) => ({ value: k, label: t(`customerKind.${k}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('customer.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="phone" label={t('customer.phone')} extra={keepHint}>
          <Input
            placeholder={!clear ? (customer?.phone ?? undefined) : undefined}
            inputMode="tel"
          />
        </Form.Item>
        <Form.Item name="idNumber" label={t('customer.idNumber')} extra={keepHint}>
          <Input placeholder={!clear ? (customer?.idNumber ?? undefined) : undefined} />
        </Form.Item>
        <Form.Item name="email" label={t('customer.email')} rules={[{ type: 'email' }]}>
          <Input inputMode="email" />
        </Form.Item>
        <Form.Item name="notes" label={t('customer.notes')}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
        <Form.Item
          label={t('customer.contacts')}
          extra={!clear && customer?.contacts.length ? t('customers.contactsLocked') : undefined}
        >
          <ContactsField
            disabled={!clear}
            maskedPhones={!clear ? customer?.contacts.map((c) => c.phone) : undefined}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
