import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Dropdown, Space, Table, Tag } from 'antd'
import type { ColumnsType } from 'antd/es/table'
import dayjs from 'dayjs'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useCurrentProperty } from '../../app/property/property-context'
import { errorMessage } from '../../ui/errors'
import { formatDateTime } from '../../ui/format'
import { LoadMore } from '../../ui/LoadMore'
import { PageHeader } from '../../ui/PageHeader'
import { roleName } from '../../ui/roleName'
import { SearchInput } from '../../ui/SearchInput'
import { type User, useUnlockUser, useUpdateUser, useUsers } from './api'
import { ResetPasswordModal } from './components/ResetPasswordModal'
import { UserFormModal } from './components/UserFormModal'

export function UsersPage() {
  const { t } = useTranslation()
  const { modal, message } = App.useApp()
  const { timeZone, properties } = useCurrentProperty()
  const [q, setQ] = useState('')
  const [editing, setEditing] = useState<User | 'new' | null>(null)
  const [resetting, setResetting] = useState<User | null>(null)
  const users = useUsers(q)
  const update = useUpdateUser()
  const unlock = useUnlockUser()
  const rows = users.data?.pages.flatMap((p) => p.items) ?? []
  const propertyName = (id: string) => properties.find((p) => p.id === id)?.name ?? id

  const done = {
    onSuccess: () => void message.success(t('common.saved')),
    onError: (error: unknown) => void message.error(errorMessage(t, error)),
  }

  const toggleDisabled = (user: User) =>
    modal.confirm({
      title: t(user.disabled ? 'users.enableConfirm' : 'users.disableConfirm', {
        name: user.displayName,
      }),
      onOk: () =>
        update
          .mutateAsync({ id: user.id, disabled: !user.disabled, version: user.version })
          .then(done.onSuccess, done.onError),
    })

  const columns: ColumnsType<User> = [
    { title: t('user.username'), dataIndex: 'username' },
    { title: t('user.displayName'), dataIndex: 'displayName' },
    { title: t('user.phone'), dataIndex: 'phone', render: (p: string | null) => p ?? '—' },
    { title: t('user.kind'), dataIndex: 'kind', render: (k: User['kind']) => t(`userKind.${k}`) },
    {
      title: t('user.department'),
      dataIndex: 'department',
      render: (d: User['department']) => (d ? t(`department.${d}`) : '—'),
    },
    { title: t('user.role'), key: 'role', render: (_, u) => roleName(t, u.role) },
    {
      title: t('user.properties'),
      key: 'properties',
      render: (_, u) =>
        u.allProperties ? (
          <Tag color="purple">{t('user.allProperties')}</Tag>
        ) : (
          u.propertyIds.map((id) => <Tag key={id}>{propertyName(id)}</Tag>)
        ),
    },
    {
      title: t('user.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          {u.disabled ? (
            <Tag color="red">{t('user.disabled')}</Tag>
          ) : (
            <Tag color="green">{t('user.enabled')}</Tag>
          )}
          {u.lockedUntil && dayjs(u.lockedUntil).isAfter(dayjs()) && (
            <Tag color="orange">{t('user.locked')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('user.lastLoginAt'),
      dataIndex: 'lastLoginAt',
      render: (v: string | null) => formatDateTime(v, timeZone),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      render: (_, u) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setEditing(u)}>
            {t('common.edit')}
          </Button>
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                {
                  key: 'toggle',
                  label: t(u.disabled ? 'users.enable' : 'users.disable'),
                  danger: !u.disabled,
                },
                { key: 'password', label: t('users.resetPassword') },
                { key: 'unlock', label: t('users.unlock'), disabled: !u.lockedUntil },
              ],
              onClick: ({ key }) => {
                if (key === 'toggle') toggleDisabled(u)
                if (key === 'password') setResetting(u)
                if (key === 'unlock') unlock.mutate(u.id, done)
              },
            }}
          >
            <Button type="link" size="small" aria-label={t('users.moreFor', { name: u.username })}>
              {t('common.more')}
            </Button>
          </Dropdown>
        </Space>
      ),
    },
  ]

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('users.new')}
          </Button>
        }
      />
      <Card>
        <div style={{ marginBottom: 16 }}>
          <SearchInput
            label={t('users.search')}
            placeholder={t('users.search')}
            value={q}
            onChange={setQ}
          />
        </div>
        {users.isError && (
          <Alert type="error" title={errorMessage(t, users.error)} style={{ marginBottom: 16 }} />
        )}
        <Table<User>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={users.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
        <LoadMore
          shown={rows.length}
          hasMore={users.hasNextPage}
          loading={users.isFetchingNextPage}
          onLoad={() => void users.fetchNextPage()}
        />
      </Card>
      {editing && (
        <UserFormModal user={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
    </>
  )
}
