import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  FileTextOutlined,
  LineChartOutlined,
  SafetyOutlined,
  SettingOutlined,
  TransactionOutlined,
  WarningOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'

export type NavGroupKey = 'finance'

export type NavItem = {
  path: string
  labelKey: string
  permission: string
  icon: ReactNode
  /** Shown inside this submenu of the side menu. */
  group?: NavGroupKey
}

/** Submenus of the side menu, each shown when one of its pages is. */
export const NAV_GROUPS: Record<NavGroupKey, { labelKey: string; icon: ReactNode }> = {
  finance: { labelKey: 'nav.finance', icon: <AccountBookOutlined /> },
}

/** The console's pages, in menu order; each shows only to users holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  { path: '/units', labelKey: 'nav.units', permission: 'unit.read', icon: <ApartmentOutlined /> },
  {
    path: '/customers',
    labelKey: 'nav.customers',
    permission: 'customer.read',
    icon: <TeamOutlined />,
  },
  {
    path: '/admin/users',
    labelKey: 'nav.users',
    permission: 'user.manage',
    icon: <UserOutlined />,
  },
  {
    path: '/admin/roles',
    labelKey: 'nav.roles',
    permission: 'role.manage',
    icon: <SafetyCertificateOutlined />,
  },
  ...financeItems(),
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit.read', icon: <AuditOutlined /> },
]

function financeItems(): NavItem[] {
  const item = (path: string, labelKey: string, permission: string, icon: ReactNode): NavItem => ({
    path,
    labelKey,
    permission,
    icon,
    group: 'finance',
  })
  return [
    item('/billing/bills', 'nav.bills', 'billing.read', <FileTextOutlined />),
    item('/billing/payments', 'nav.payments', 'billing.read', <TransactionOutlined />),
    item('/billing/arrears', 'nav.arrears', 'billing.read', <WarningOutlined />),
    item('/billing/deposits', 'nav.deposits', 'billing.read', <SafetyOutlined />),
    item('/billing/collection-rate', 'nav.collectionRate', 'billing.read', <LineChartOutlined />),
    item('/billing/settings', 'nav.billingSettings', 'billing.configure', <SettingOutlined />),
  ]
}
