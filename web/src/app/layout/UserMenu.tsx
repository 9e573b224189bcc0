import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLogout } from '../../features/identity/api'
import { roleName } from '../../ui/roleName'
import { loadAntdStyles } from '../antd-styles'
import { useCurrentUser } from '../auth/me-context'

// Its form (antd's Form and validator) loads when someone first asks to change their password, with
// antd's whole stylesheet (the shell brings only its own components' styles).
const ChangePasswordModal = lazy(async () => {
  const [{ ChangePasswordModal }] = await Promise.all([
    import('./ChangePasswordModal'),
    loadAntdStyles(),
  ])
  return { default: ChangePasswordModal }
})

export function UserMenu() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const navigate = useNavigate()
  const logout = useLogout()
  const [changing, setChanging] = useState(false)
  const [asked, setAsked] = useState(false)

  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'role', label: roleName(t, me.role), disabled: true },
            { type: 'divider' },
            { key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') },
            { key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') },
          ],
          onClick: ({ key }) => {
            if (key === 'password') {
              setAsked(true)
              setChanging(true)
            }
            if (key === 'logout') {
              logout.mutate(undefined, { onSettled: () => void navigate('/login') })
            }
          },
        }}
      >
        <Button
          type="text"
          icon={<UserOutlined />}
          aria-label={t('user.menu', { name: me.displayName })}
        >
          {me.displayName} <DownOutlined />
        </Button>
      </Dropdown>
      {asked && (
        <Suspense>
          <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
        </Suspense>
      )}
    </>
  )
}
