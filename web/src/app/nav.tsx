import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BuildOutlined,
  CalendarOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FieldTimeOutlined,
  FileTextOutlined,
  FormOutlined,
  LineChartOutlined,
  PhoneOutlined,
  SafetyOutlined,
  SettingOutlined,
  TransactionOutlined,
  WarningOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UnorderedListOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'

export type NavGroupKey = 'service' | 'finance' | 'settings'

export type NavItem = {
  path: string
  labelKey: string
  permission: string
  icon: ReactNode
  /** Shown inside this submenu of the side menu. */
  group?: NavGroupKey
  /** Not the page the console opens on after sign-in (HomeRedirect passes over it). */
  home?: false
}

/** Submenus of the side menu, each shown when one of its pages is. */
export const NAV_GROUPS: Record<NavGroupKey, { labelKey: string; icon: ReactNode }> = {
  service: { labelKey: 'nav.service', icon: <CustomerServiceOutlined /> },
  finance: { labelKey: 'nav.finance', icon: <AccountBookOutlined /> },
  settings: { labelKey: 'nav.settings', icon: <SettingOutlined /> },
}

/** The console's pages, in menu order; each shows only to users holding its permission. */
export const NAV_ITEMS: NavItem[] = [
  // 概览: first for those who see the whole building's cases; the console still opens on 单元.
  {
    path: '/dashboard',
    labelKey: 'dashboard.menu',
    permission: 'case.read_all',
    icon: <DashboardOutlined />,
    home: false,
  },
  { path: '/units', labelKey: 'nav.units', permission: 'unit.read', icon: <ApartmentOutlined /> },
  {
    path: '/customers',
    labelKey: 'nav.customers',
    permission: 'customer.read',
    icon: <TeamOutlined />,
  },
  // 客服中心: customers hold case.read and case.create too; the pages scope themselves.
  {
    path: '/cases',
    labelKey: 'nav.caseQueue',
    permission: 'case.read',
    icon: <UnorderedListOutlined />,
    group: 'service',
  },
  {
    path: '/cases/new',
    labelKey: 'nav.caseIntake',
    permission: 'case.create',
    icon: <FormOutlined />,
    group: 'service',
  },
  {
    path: '/cases/moves',
    labelKey: 'nav.moveCalendar',
    permission: 'case.read_all',
    icon: <CalendarOutlined />,
    group: 'service',
  },
  // 装修看板 is staff's (the board's API is staff-only), but customers hold case.read too and an
  // item names one permission: case.work is held by every staff role and by no customer.
  {
    path: '/fit-outs',
    labelKey: 'nav.fitOuts',
    permission: 'case.work',
    icon: <BuildOutlined />,
    group: 'service',
  },
  {
    path: '/cases/follow-ups',
    labelKey: 'nav.followUps',
    permission: 'case.follow_up',
    icon: <PhoneOutlined />,
    group: 'service',
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
  {
    path: '/settings/deadlines',
    labelKey: 'nav.deadlineSettings',
    permission: 'case.configure',
    icon: <FieldTimeOutlined />,
    group: 'settings',
  },
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
