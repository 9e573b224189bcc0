// The registry of permissions: `resource.action`. Roles are sets of these; checks go through can().
export const permissions = [
  'property.read',
  'property.manage',
  'unit.read',
  'unit.manage',
  'customer.read',
  'customer.manage',
  'customer.reveal',
  'user.manage',
  'role.manage',
  'audit.read',
  'billing.read',
  'billing.manage',
  'billing.configure',
  'billing.export',
] as const

export type Permission = (typeof permissions)[number]

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value)
}

const staffRead: Permission[] = ['property.read', 'unit.read']

// The roles every organisation starts with. Admins may add roles; these stay as they are.
export const builtinRoles: Record<string, { name: string; permissions: Permission[] }> = {
  admin: { name: '系统管理员', permissions: [...permissions] },
  manager: {
    name: '经理',
    permissions: [
      ...staffRead,
      'unit.manage',
      'customer.read',
      'customer.manage',
      'customer.reveal',
      'audit.read',
      'billing.read',
      'billing.configure',
      'billing.export',
    ],
  },
  supervisor: {
    name: '客服主管',
    permissions: [
      ...staffRead,
      'unit.manage',
      'customer.read',
      'customer.manage',
      'customer.reveal',
      'billing.read',
    ],
  },
  // H-MO-3: the desk sees what a customer owes; taking money is finance's.
  agent: {
    name: '客服专员',
    permissions: [...staffRead, 'customer.read', 'customer.manage', 'billing.read'],
  },
  finance: {
    name: '财务人员',
    permissions: [
      ...staffRead,
      'customer.read',
      'billing.read',
      'billing.manage',
      'billing.export',
    ],
  },
  department_head: { name: '部门负责人', permissions: [...staffRead, 'customer.read'] },
  department_staff: { name: '部门员工', permissions: [...staffRead] },
  // A customer reads only their own record, units and buildings (scope, not permission, limits it).
  customer: {
    name: '客户',
    permissions: ['property.read', 'unit.read', 'customer.read', 'billing.read'],
  },
}
