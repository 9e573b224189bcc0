import { Alert, App, Button, Checkbox, Drawer, Flex, Form, Input, Skeleton } from 'antd'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { isStaleVersion } from '../../../api/client'
import { applyFormErrors, errorMessage } from '../../../ui/errors'
import { type Permission, type Role, usePermissions, useSaveRole } from '../api'

type Values = { code: string; name: string; permissions: string[] }

/** A role is a name and a set of permissions, grouped here by resource. */
export function RoleDrawer({ role, onClose }: { role: Role | 'new'; onClose: () => void }) {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [form] = Form.useForm<Values>()
  const permissions = usePermissions()
  const save = useSaveRole()
  const existing = role === 'new' ? null : role
  const readOnly = existing?.builtin ?? false

  const groups = useMemo(() => {
    const byResource = new Map<string, Permission[]>()
    for (const p of permissions.data ?? []) {
      byResource.set(p.resource, [...(byResource.get(p.resource) ?? []), p])
    }
    return [...byResource.entries()]
  }, [permissions.data])

  const submit = async () => {
    const v = await form.validateFields()
    const input = existing
      ? { id: existing.id, name: v.name, permissions: v.permissions, version: existing.version }
      : { code: v.code, name: v.name, permissions: v.permissions }
    save.mutate(input, {
      onSuccess: () => {
        void message.success(t('common.saved'))
        onClose()
      },
      onError: (error) => {
        if (isStaleVersion(error)) {
          void message.warning(t('errors.stale_reloaded'))
          onClose()
        } else if (!applyFormErrors(form, t, error)) {
          void message.error(errorMessage(t, error))
        }
      },
    })
  }

  return (
    <Drawer
      open
      onClose={onClose}
      size={640}
      title={existing ? existing.name : t('roles.new')}
      extra={
        !readOnly && (
          <Button
            type="primary"
            loading={save.isPending}
            onClick={() => void submit().catch(() => undefined)}
          >
            {t('common.save')}
          </Button>
        )
      }
    >
      {readOnly && (
        <Alert
          type="info"
          showIcon
          title={t('roles.builtinReadOnly')}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form
        form={form}
        layout="vertical"
        disabled={readOnly}
        initialValues={{
          code: existing?.code,
          name: existing?.name,
          permissions: existing?.permissions ?? [],
        }}
      >
        <Form.Item
          name="code"
          label={t('role.code')}
          extra={existing ? undefined : t('role.codeHint')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input disabled={Boolean(existing)} />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('role.name')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input />
        </Form.Item>
        {permissions.isPending && <Skeleton active />}
        {permissions.isError && <Alert type="error" title={errorMessage(t, permissions.error)} />}
        <Form.Item name="permissions" label={t('role.permissions')}>
          <Checkbox.Group style={{ width: '100%' }}>
            <Flex vertical gap={12} style={{ width: '100%' }}>
              {groups.map(([resource, list]) => (
                <fieldset key={resource} style={{ border: 0, margin: 0, padding: 0 }}>
                  <legend style={{ fontWeight: 600, fontSize: 14, marginBottom: 4 }}>
                    {t(`permissionResources.${resource}`, { defaultValue: resource })}
                  </legend>
                  <Flex wrap gap={8}>
                    {list.map((p) => (
                      <Checkbox key={p.key} value={p.key}>
                        {t(`permissions.${p.key}`, { defaultValue: p.key })}
                      </Checkbox>
                    ))}
                  </Flex>
                </fieldset>
              ))}
            </Flex>
          </Checkbox.Group>
        </Form.Item>
      </Form>
    </Drawer>
  )
}
