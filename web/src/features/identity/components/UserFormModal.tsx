import { App, Form, Input, Modal, Radio, Select, Switch } from 'antd'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { useCurrentProperty } from '../../../app/property/property-context'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { roleName } from '../../../ui/roleName'
import {
  type CreateUserInput,
  type User,
  type UserKind,
  useCreateUser,
  useDepartments,
  useRoles,
  useUpdateUser,
} from '../api'
import { CustomerPicker } from './CustomerPicker'

type Values = CreateUserInput
const USER_KINDS: readonly UserKind[] = ['staff', 'customer']

/** Create a user (user = null) or edit one. */
export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { properties } = useCurrentProperty()
  const [form] = Form.useForm<Values>()
  const roles = useRoles()
  const departments = useDepartments()
  const create = useCreateUser()
  const update = useUpdateUser()
  const kind = Form.useWatch('kind', form) ?? user?.kind ?? 'staff'
  const allProperties = Form.useWatch('allProperties', form) ?? user?.allProperties ?? false

  const initialValues: Partial<Values> = user
    ? {
        username: user.username,
        displayName: user.displayName,
        kind: user.kind,
        department: user.department ?? undefined,
        roleId: user.role.id,
        propertyIds: user.propertyIds,
        allProperties: user.allProperties,
        customerId: user.customerId ?? undefined,
      }
    : { kind: 'staff', allProperties: false, propertyIds: [] }

  const onError = (error: unknown) => {
    if (isStaleVersion(error)) {
      void message.warning(t('errors.stale_reloaded'))
      onClose()
    } else if (!applyFormErrors(form, t, error)) {
      void message.error(errorMessage(t, error))
    }
  }
  const onSuccess = () => {
    void message.success(t('common.saved'))
    onClose()
  }

  const submit = async () => {
    const v = await form.validateFields()
    const scope = v.allProperties
      ? { allProperties: true, propertyIds: [] }
      : { allProperties: false, propertyIds: v.propertyIds ?? [] }
    const phone = v.phone?.trim() ? v.phone.trim() : undefined
    if (!user) {
      create.mutate(
        {
          ...v,
          ...scope,
          phone,
          department: v.kind === 'staff' ? v.department : undefined,
          customerId: v.kind === 'customer' ? v.customerId : undefined,
        },
        { onSuccess, onError },
      )
      return
    }
    update.mutate(
      {
        id: user.id,
        version: user.version,
        displayName: v.displayName,
        // The listed phone is masked: only a typed one is sent.
        ...(phone ? { phone } : {}),
        department: user.kind === 'staff' ? (v.department ?? null) : undefined,
        roleId: v.roleId,
        ...scope,
      },
      { onSuccess, onError },
    )
  }

  return (
    <Modal
      title={user ? t('users.editTitle', { name: user.username }) : t('users.new')}
      open
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      confirmLoading={create.isPending || update.isPending}
      width={560}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} initialValues={initialValues}>
        <Form.Item
          name="username"
          label={t('user.username')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input disabled={Boolean(user)} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('user.displayName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('user.phone')}
          extra={user?.phone ? t('customers.maskedKeep') : undefined}
        >
          <Input inputMode="tel" placeholder={user?.phone ?? undefined} />
        </Form.Item>
        <Form.Item name="kind" label={t('user.kind')} rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            disabled={Boolean(user)}
            options={USER_KINDS.map((k) => ({ value: k, label: t(`userKind.${k}`) }))}
          />
        </Form.Item>
        {kind === 'staff' && (
          <Form.Item name="department" label={t('user.department')}>
            <Select
              allowClear
              loading={departments.isPending}
              options={(departments.data ?? []).map((d) => ({
                value: d.code,
                label: t(`department.${d.code}`, { defaultValue: d.name }),
              }))}
            />
          </Form.Item>
        )}
        <Form.Item name="roleId" label={t('user.role')} rules={[{ required: true }]}>
          <Select
            loading={roles.isPending}
            options={(roles.data ?? []).map((r) => ({ value: r.id, label: roleName(t, r) }))}
          />
        </Form.Item>
        <Form.Item name="allProperties" label={t('user.allProperties')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {!allProperties && (
          <Form.Item name="propertyIds" label={t('user.properties')}>
            <Select
              mode="multiple"
              options={properties.map((p) => ({ value: p.id, label: p.name }))}
            />
          </Form.Item>
        )}
        {kind === 'customer' && !user && (
          <Form.Item name="customerId" label={t('user.customer')} rules={[{ required: true }]}>
            <CustomerPicker />
          </Form.Item>
        )}
        {!user && (
          <Form.Item name="password" label={t('user.initialPassword')} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  )
}
