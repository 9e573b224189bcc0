import {
  ApartmentOutlined,
  AuditOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons'
import type { ReactNode } from 'react'

export type NavItem = { path: string; labelKey: string; permission: string; icon: ReactNode }

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
  { path: '/audit', labelKey: 'nav.audit', permission: 'audit.read', icon: <AuditOutlined /> },
]
