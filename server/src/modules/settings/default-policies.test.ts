import { describe, expect, it } from 'vitest'
import { casePriorities, caseTypes } from '../../db/schema'
import { defaultDeadlinePolicies, policyKeys } from './default-policies'

describe('the default deadline policies (PRODUCT §2)', () => {
  it('cover every case type × priority', () => {
    expect(policyKeys).toHaveLength(caseTypes.length * casePriorities.length)
    for (const { caseType, priority } of policyKeys) {
      expect(defaultDeadlinePolicies[caseType][priority]).toBeDefined()
    }
  })

  it.each(policyKeys)(
    '$caseType/$priority: positive times, a response before the resolution',
    ({ caseType, priority }) => {
      const p = defaultDeadlinePolicies[caseType][priority]
      expect(p.respondMinutes).toBeGreaterThan(0)
      expect(p.respondMinutes).toBeLessThanOrEqual(p.resolveMinutes)
      expect(p.followUpMinutes).toBeGreaterThan(0)
      expect(p.followUpPercent).toBeGreaterThanOrEqual(0)
      expect(p.followUpPercent).toBeLessThanOrEqual(100)
    },
  )

  it('2.1 complaints: answered in 30 working minutes, resolved the same day, all followed up', () => {
    expect(defaultDeadlinePolicies.complaint.normal).toEqual({
      respondMinutes: 30,
      resolveMinutes: 480,
      followUpMinutes: 1440,
      workingTime: true,
      followUpPercent: 100,
    })
    expect(defaultDeadlinePolicies.complaint.urgent).toMatchObject({
      respondMinutes: 15,
      resolveMinutes: 240,
    })
  })

  it('2.2 repairs: dispatched in 5 minutes, emergencies round the clock, 30% followed up', () => {
    for (const priority of casePriorities) {
      expect(defaultDeadlinePolicies.repair[priority]).toMatchObject({
        respondMinutes: 5,
        followUpPercent: 30,
      })
    }
    expect(defaultDeadlinePolicies.repair.emergency).toMatchObject({
      resolveMinutes: 120,
      workingTime: false,
    })
  })

  it('2.8 lobby incidents: reported in 5 minutes round the clock, whatever the priority', () => {
    for (const priority of casePriorities) {
      expect(defaultDeadlinePolicies.incident[priority]).toMatchObject({
        respondMinutes: 5,
        workingTime: false,
      })
    }
  })

  it('inquiries answered within a working day, liaison slips received within the hour', () => {
    expect(defaultDeadlinePolicies.inquiry.normal).toMatchObject({
      respondMinutes: 30,
      resolveMinutes: 480,
    })
    expect(defaultDeadlinePolicies.liaison.normal).toMatchObject({
      respondMinutes: 60,
      resolveMinutes: 1440,
    })
  })
})
