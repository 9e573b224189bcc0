import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Table, Tag } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../ui/errors'
import { PageHeader } from '../../ui/PageHeader'
import { roleName } from '../../ui/roleName'
import { type Role, useRoles } from './api'
import { RoleDrawer } from './components/RoleDrawer'

export function RolesPage() {
  const { t } = useTranslation()
  const roles = useRoles()
  const [open, setOpen] = useState<Role | 'new' | null>(null)

  return (
    <>
      <PageHeader
        title={t('roles.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen('new')}>
            {t('roles.new')}
          </Button>
        }
      />
      <Card>
        {roles.isError && (
          <Alert type="error" title={errorMessage(t, roles.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<Role>
          rowKey="id"
          size="middle"
          loading={roles.isPending}
          dataSource={roles.data}
          pagination={false}
          columns={[
            {
              title: t('role.name'),
              dataIndex: 'name',
              render: (_: string, r) => (
                <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(r)}>
                  {r.builtin ? roleName(t, r) : r.name}
                </Button>
              ),
            },
            { title: t('role.code'), dataIndex: 'code' },
            {
              title: t('role.kind'),
              dataIndex: 'builtin',
              render: (builtin: boolean) =>
                builtin ? (
                  <Tag color="blue">{t('role.builtin')}</Tag>
                ) : (
                  <Tag>{t('role.custom')}</Tag>
                ),
            },
            {
              title: t('role.permissionCount'),
              key: 'permissions',
              render: (_, r) => r.permissions.length,
            },
            { title: t('role.userCount'), dataIndex: 'userCount' },
          ]}
        />
      </Card>
      {open && <RoleDrawer role={open} onClose={() => setOpen(null)} />}
    </>
  )
}
