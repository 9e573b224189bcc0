import { Alert, App, Form, Modal } from 'antd'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { isApiError, isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type AvailableAction, type CaseDetail, useCaseAction } from '../api'
import { actionLabel } from '../labels'
import { actionForm } from './action-forms'
import { initialValues, type JsonSchema, SchemaFields, toActionInput } from './SchemaFields'

type Props = {
  detail: CaseDetail
  action: AvailableAction
  onClose: () => void
  /** The case changed elsewhere: read it again (the modal closes). */
  onStale: () => void
  onDone?: (detail: CaseDetail) => void
  /** Input fixed by where the step was started (the notice a row's button confirms). */
  preset?: Record<string, unknown>
}

/**
 * One of the case's available actions, as a form drawn from its input schema (or the step's own
 * form, see action-forms.ts). It sends the version the case was read at: a case changed meanwhile
 * is refused (409) and read again.
 */
export function ActionModal({ detail, action, onClose, onStale, onDone, preset }: Props) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const navigate = useNavigate()
  const [form] = Form.useForm<Record<string, unknown>>()
  const take = useCaseAction(detail.id)
  const schema = action.input as JsonSchema
  const label = actionLabel(t, action.name, detail.type)
  const custom = actionForm(detail.type, action.name)
  const hasFields = Boolean(custom) || Object.keys(schema.properties ?? {}).length > 0
  // Repairs are dispatched to engineering's technicians; other cases within their department.
  const department = detail.type === 'repair' ? 'engineering' : (detail.department ?? undefined)

  const submit = async () => {
    const values = await form.validateFields()
    const input = custom ? custom.toInput(values, detail) : toActionInput(schema, values)
    try {
      const updated = await take.mutateAsync({
        action: action.name,
        input: { ...input, ...preset },
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
      } else if (isApiError(error) && error.status === 404) {
        // The step was taken and moved the case out of the caller's sight (to another
        // department's queue): the answer cannot show it any more.
        void message.success(t('cases.detail.actionDoneLeft', { action: label }))
        onClose()
        void navigate('/cases')
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
      width={custom?.width ?? (hasFields ? 640 : 420)}
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
        initialValues={{
          ...(custom?.initialValues?.(detail) ?? initialValues(schema, detail.data)),
          ...preset,
        }}
        onFinish={() => void submit()}
      >
        {custom ? (
          <custom.Fields detail={detail} schema={schema} preset={preset} />
        ) : (
          <SchemaFields
            schema={schema}
            context={{
              propertyId: detail.propertyId,
              department,
              customerId: detail.customerId,
              attachments: detail.attachments,
              caseId: detail.id,
              type: detail.type,
            }}
          />
        )}
      </Form>
    </Modal>
  )
}
