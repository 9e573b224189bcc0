import { describe, expect, it } from 'vitest'
import { builtinRoles } from '../permissions'
import type { Actor } from '../permissions'
import { mayWatchCase, type CaseChange } from './case-audience'

const ORG = 'org-1'
const SL = 'property-sl'

function actor(role: keyof typeof builtinRoles, over: Partial<Actor> = {}): Actor {
  return {
    userId: 'user-1',
    orgId: ORG,
    username: 'u',
    displayName: 'U',
    kind: role === 'customer' ? 'customer' : 'staff',
    permissions: new Set(builtinRoles[role]!.permissions),
    allProperties: false,
    propertyIds: [SL],
    customerId: null,
    department: null,
    roleCode: role,
    ...over,
  }
}

const change = (over: Partial<CaseChange> = {}): CaseChange => ({
  caseId: 'case-1',
  propertyId: SL,
  department: 'engineering',
  assigneeId: null,
  customerId: 'customer-1',
  state: 'assigned',
  change: 'assign',
  ...over,
})

describe('who is told that a case changed', () => {
  it('agent (case.read_all): every case of their buildings, none of another building or org', () => {
    const agent = actor('agent', { department: 'customer_service' })
    expect(mayWatchCase(agent, ORG, change())).toBe(true)
    expect(mayWatchCase(agent, ORG, change({ propertyId: 'property-slb' }))).toBe(false)
    expect(mayWatchCase(agent, 'org-2', change())).toBe(false)
  })

  it('department staff: their department’s queue and cases assigned to them, nothing else', () => {
    const tech = actor('department_staff', { department: 'engineering' })
    expect(mayWatchCase(tech, ORG, change())).toBe(true)
    expect(mayWatchCase(tech, ORG, change({ department: 'security' }))).toBe(false)
    expect(mayWatchCase(tech, ORG, change({ department: 'security', assigneeId: 'user-1' }))).toBe(
      true,
    )
    expect(mayWatchCase(tech, ORG, change({ department: null }))).toBe(false)
  })

  it('staff of every building (manager): cases of any building of the organisation', () => {
    const manager = actor('manager', { allProperties: true, propertyIds: [] })
    expect(mayWatchCase(manager, ORG, change({ propertyId: 'property-slb' }))).toBe(true)
  })

  it('customer: only their own cases, whatever the department', () => {
    const tenant = actor('customer', { customerId: 'customer-1' })
    expect(mayWatchCase(tenant, ORG, change())).toBe(true)
    expect(mayWatchCase(tenant, ORG, change({ customerId: 'customer-2' }))).toBe(false)
    expect(mayWatchCase(tenant, ORG, change({ customerId: null }))).toBe(false)
    const withReadAll = { ...tenant, permissions: new Set(['case.read_all']) }
    expect(mayWatchCase(withReadAll, ORG, change({ customerId: 'customer-2' }))).toBe(false)
  })

  it('a role without any case permission: nothing', () => {
    const noCases = actor('department_staff', { department: 'engineering', permissions: new Set() })
    expect(mayWatchCase(noCases, ORG, change({ assigneeId: 'user-1' }))).toBe(false)
  })

  it('a building-wide case (a fit-out) reaches every staff member of the building, not customers', () => {
    const guard = actor('department_staff', { department: 'security' })
    const wide = change({ department: 'customer_service', buildingWide: true })
    expect(mayWatchCase(guard, ORG, change({ department: 'customer_service' }))).toBe(false)
    expect(mayWatchCase(guard, ORG, wide)).toBe(true)
    expect(mayWatchCase(guard, ORG, { ...wide, propertyId: 'property-other' })).toBe(false)
    const stranger = actor('customer', { customerId: 'customer-2' })
    expect(mayWatchCase(stranger, ORG, wide)).toBe(false)
  })
})
