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
  // Cases (工单): reading is scoped — read_all sees every case of the caller's buildings, read
  // only those of their department, assigned to them, raised by them, or (customers) their own.
  'case.read',
  'case.read_all',
  'case.create',
  'case.comment',
  'case.assign',
  'case.work',
  'case.review',
  'case.follow_up',
  'case.close',
  'case.escalate',
  'case.exception',
  'case.sign',
  'case.configure',
] as const

export type Permission = (typeof permissions)[number]

export function isPermission(value: string): value is Permission {
  return (permissions as readonly string[]).includes(value)
}

const staffRead: Permission[] = ['property.read', 'unit.read']
const deskCases: Permission[] = [
  'case.read',
  'case.read_all',
  'case.create',
  'case.comment',
  'case.assign',
  'case.work',
  'case.follow_up',
  'case.close',
  'case.escalate',
  'case.sign',
]
const departmentCases: Permission[] = ['case.read', 'case.create', 'case.comment', 'case.work']

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
      ...deskCases,
      'case.review',
      'case.exception',
      'case.configure',
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
      ...deskCases,
      'case.review',
      'case.exception',
    ],
  },
  // H-MO-3: the desk sees what a customer owes; taking money is finance's.
  agent: {
    name: '客服专员',
    permissions: [...staffRead, 'customer.read', 'customer.manage', 'billing.read', ...deskCases],
  },
  finance: {
    name: '财务人员',
    permissions: [
      ...staffRead,
      'customer.read',
      'billing.read',
      'billing.manage',
      'billing.export',
      ...departmentCases,
    ],
  },
  // H-FD-8: a department head dispatches within the department, signs its results, escalates.
  department_head: {
    name: '部门负责人',
    permissions: [
      ...staffRead,
      'customer.read',
      ...departmentCases,
      'case.assign',
      'case.review',
      'case.escalate',
    ],
  },
  department_staff: { name: '部门员工', permissions: [...staffRead, ...departmentCases] },
  // A customer reads only their own record, units and buildings (scope, not permission, limits it).
  customer: {
    name: '客户',
    permissions: [
      'property.read',
      'unit.read',
      'customer.read',
      'billing.read',
      'case.read',
      'case.create',
      'case.comment',
      'case.sign',
    ],
  },
}
