import {
  App as AntApp,
  ConfigProvider,
  Layout,
  Menu,
  Spin,
  theme as antTheme,
  Typography,
} from 'antd'
// antd's prebuilt styles for zero-runtime mode (theme.ts, consoleTheme).
import 'antd/dist/antd.css'
import { lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router'
import { useCan } from '../auth/me-context'
import { RequireAuth } from '../auth/RequireAuth'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { NAV_GROUPS, NAV_ITEMS, type NavItem } from '../nav'
import { consoleTheme } from '../theme'
import { CurrentPropertyProvider } from '../property/CurrentPropertyProvider'
import { PropertySwitcher } from './PropertySwitcher'
import { UserMenu } from './UserMenu'

const ShellNotifications = lazy(async () => ({
  default: (await import('./ShellNotifications')).ShellNotifications,
}))

// The home page only redirects: it comes with the shell, not as a chunk of its own.
export { HomeRedirect } from '../HomeRedirect'

export function AppShell() {
  return (
    <ConfigProvider theme={consoleTheme}>
      <AntApp>
        <RequireAuth>
          <CurrentPropertyProvider>
            <ShellLayout />
          </CurrentPropertyProvider>
        </RequireAuth>
      </AntApp>
    </ConfigProvider>
  )
}

function ShellLayout() {
  const { t } = useTranslation()
  const can = useCan()
  const location = useLocation()
  const navigate = useNavigate()
  const navigation = useNavigation()
  const [collapsed, setCollapsed] = useState(false)
  const { token } = antTheme.useToken()

  const items = NAV_ITEMS.filter((item) => can(item.permission))
  // The longest matching path wins: /cases/new is 登记工单, not the /cases queue.
  const selectedItem = items
    .filter((item) => location.pathname.startsWith(item.path))
    .reduce<NavItem | undefined>(
      (best, item) => (best && best.path.length >= item.path.length ? best : item),
      undefined,
    )
  const selected = selectedItem?.path
  const leaf = (item: NavItem) => ({ key: item.path, icon: item.icon, label: t(item.labelKey) })
  // Items of a group sit together in a submenu where the group's first item would be.
  const menuItems = items.flatMap((item, index) => {
    if (!item.group) return [leaf(item)]
    if (items.findIndex((other) => other.group === item.group) !== index) return []
    const group = NAV_GROUPS[item.group]
    return [
      {
        key: `group:${item.group}`,
        icon: group.icon,
        label: t(group.labelKey),
        children: items.filter((other) => other.group === item.group).map(leaf),
      },
    ]
  })

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={200}
        theme="light"
        className="app-shell-sider"
        style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Typography.Title
          level={4}
          style={{ margin: 0, padding: '16px 20px', whiteSpace: 'nowrap', overflow: 'hidden' }}
        >
          {collapsed ? t('app.short') : t('app.name')}
        </Typography.Title>
        <nav aria-label={t('nav.label')}>
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            defaultOpenKeys={selectedItem?.group ? [`group:${selectedItem.group}`] : []}
            items={menuItems}
            onClick={({ key }) => void navigate(key)}
            style={{ borderInlineEnd: 'none' }}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          className="app-shell-header"
          style={{
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
            padding: '0 16px',
            display: 'flex',
            alignItems: 'center',
            gap: 8,
          }}
        >
          <PropertySwitcher />
          <div style={{ flex: 1 }} />
          {navigation.state === 'loading' && <Spin size="small" />}
          <Suspense fallback={<span style={{ display: 'inline-block', width: 32 }} />}>
            <ShellNotifications />
          </Suspense>
          <LanguageSwitch />
          <UserMenu />
        </Layout.Header>
        <Layout.Content className="app-shell-content" style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}
