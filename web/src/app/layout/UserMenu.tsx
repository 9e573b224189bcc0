import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Dropdown } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useLogout } from '../../features/identity/api'
import { roleName } from '../../ui/roleName'
import { useCurrentUser } from '../auth/me-context'
import { ChangePasswordModal } from './ChangePasswordModal'

export function UserMenu() {
  const { t } = useTranslation()
  const me = useCurrentUser()
  const navigate = useNavigate()
  const logout = useLogout()
  const [changing, setChanging] = useState(false)

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
            if (key === 'password') setChanging(true)
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
      <ChangePasswordModal open={changing} onClose={() => setChanging(false)} />
    </>
  )
}
