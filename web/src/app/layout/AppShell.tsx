import {
  App as AntApp,
  ConfigProvider,
  Layout,
  Menu,
  Spin,
  theme as antTheme,
  Typography,
} from 'antd'
// antd's prebuilt styles for zero-runtime mode (theme.ts, consoleTheme): the rules of the shell's
// and the case queue's components, with their dialogs and messages (vite.config.ts,
// antdCssSubset); other pages load the whole sheet (router.tsx).
import 'virtual:antd.css?components=base|btn|input|flex|wave|spin|layout|menu|select|dropdown|typography|tabs|card|tag|table|empty|badge|scroll-number|popover|tooltip|space|app|motion|zoom|slide|fade|move|message|modal|notification|switch|result'
import { lazy, memo, Suspense, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useNavigate, useNavigation } from 'react-router'
import { AntdLook } from '../../ui/antd-look'
import { prefetchAntdStyles } from '../antd-styles'
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

// antd's Layout.Sider `breakpoint="lg"` (antd/es/layout/Sider.js, dimensionMaxMap).
const BELOW_LG = 'screen and (max-width: 991.98px)'

export function AppShell() {
  // The rest of antd's styles, for the next page: downloaded once the browser is idle, applied then.
  useEffect(() => {
    if (typeof requestIdleCallback === 'function')
      requestIdleCallback(prefetchAntdStyles, { timeout: 5000 })
    else setTimeout(prefetchAntdStyles, 1000)
  }, [])
  return (
    <ConfigProvider theme={consoleTheme}>
      <AntApp>
        <AntdLook>
          <RequireAuth>
            <CurrentPropertyProvider>
              <ShellLayout />
            </CurrentPropertyProvider>
          </RequireAuth>
        </AntdLook>
      </AntApp>
    </ConfigProvider>
  )
}

function ShellLayout() {
  const navigation = useNavigation()
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <ShellSider />
      <Layout>
        <ShellHeader loading={navigation.state === 'loading'} />
        <Layout.Content className="app-shell-content" style={{ padding: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

// The sider and the header are memoised: the shell renders again as a navigation starts and ends,
// they only when the page (the menu's selection) or their own state changes.
const ShellSider = memo(function ShellSider() {
  const { t } = useTranslation()
  const can = useCan()
  const location = useLocation()
  const navigate = useNavigate()
  // Narrow screens start with the menu folded, as the sider's `lg` breakpoint folds it after mounting:
  // the first paint is then the final one (no shift of the page's content as the menu folds).
  const [collapsed, setCollapsed] = useState(() => window.matchMedia(BELOW_LG).matches)
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
  // Open submenus, as rc-menu keeps them: the unfolded menu's (the current page's group at first)
  // come back when it unfolds again; a folded menu's popups start closed.
  const [inlineOpen, setInlineOpen] = useState(() =>
    selectedItem?.group ? [`group:${selectedItem.group}`] : [],
  )
  const [popupOpen, setPopupOpen] = useState<string[]>([])
  const fold = (folded: boolean) => {
    setCollapsed(folded)
    setPopupOpen([])
  }
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
    <Layout.Sider
      collapsible
      collapsed={collapsed}
      onCollapse={fold}
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
          openKeys={collapsed ? popupOpen : inlineOpen}
          onOpenChange={collapsed ? setPopupOpen : setInlineOpen}
          items={menuItems}
          onClick={({ key }) => void navigate(key)}
          style={{ borderInlineEnd: 'none' }}
        />
      </nav>
    </Layout.Sider>
  )
})

const ShellHeader = memo(function ShellHeader({ loading }: { loading: boolean }) {
  const { token } = antTheme.useToken()
  return (
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
      {loading && <Spin size="small" />}
      <Suspense fallback={<span style={{ display: 'inline-block', width: 32 }} />}>
        <ShellNotifications />
      </Suspense>
      <LanguageSwitch />
      <UserMenu />
    </Layout.Header>
  )
})
