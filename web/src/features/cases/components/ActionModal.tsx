import { Alert, App, Form, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type AvailableAction, type CaseDetail, useCaseAction } from '../api'
import { actionLabel } from '../labels'
import { initialValues, type JsonSchema, SchemaFields, toActionInput } from './SchemaFields'

type Props = {
  detail: CaseDetail
  action: AvailableAction
  onClose: () => void
  /** The case changed elsewhere: read it again (the modal closes). */
  onStale: () => void
  onDone?: (detail: CaseDetail) => void
}

/**
 * One of the case's available actions, as a form drawn from its input schema. It sends the
 * version the case was read at: a case changed meanwhile is refused (409) and read again.
 */
export function ActionModal({ detail, action, onClose, onStale, onDone }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Record<string, unknown>>()
  const take = useCaseAction(detail.id)
  const schema = action.input as JsonSchema
  const label = actionLabel(t, action.name)
  const hasFields = Object.keys(schema.properties ?? {}).length > 0
  // Repairs are dispatched to engineering's technicians; other cases within their department.
  const department = detail.type === 'repair' ? 'engineering' : (detail.department ?? undefined)

  const submit = async () => {
    const values = await form.validateFields()
    try {
      const updated = await take.mutateAsync({
        action: action.name,
        input: toActionInput(schema, values),
        version: detail.version,
      })
      void message.success(t('cases.detail.actionDone', { action: label }))
      onDone?.(updated)
      onClose()
    } catch (error) {
      if (isStaleVersion(error)) {
        void message.warning(t('errors.stale_reloaded'))
        onStale()
        onClose()
      } else if (!applyFormErrors(form, t, error)) void message.error(errorMessage(t, error))
    }
  }

  return (
    <Modal
      open
      title={label}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={label}
      confirmLoading={take.isPending}
      width={hasFields ? 640 : 420}
      destroyOnHidden
    >
      {action.reasonRequired && (
        <Alert
          type="warning"
          showIcon
          title={t('cases.detail.exceptionHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      {action.signOff && (
        <Alert
          type="info"
          showIcon
          title={t('cases.detail.signOffHint')}
          style={{ marginBottom: 16 }}
        />
      )}
      {!hasFields && (
        <p>{t('cases.detail.confirmAction', { action: label, number: detail.number })}</p>
      )}
      <Form
        form={form}
        layout="vertical"
        initialValues={initialValues(schema, detail.data)}
        onFinish={() => void submit()}
      >
        <SchemaFields
          schema={schema}
          context={{
            propertyId: detail.propertyId,
            department,
            customerId: detail.customerId,
            attachments: detail.attachments,
            caseId: detail.id,
          }}
        />
      </Form>
    </Modal>
  )
}
