import { afterAll, beforeAll, expect, inject, it } from 'vitest'
import { properties, cases } from '../../src/db/schema'
import type { Database } from '../../src/platform/db'
import { insertRow } from '../../src/platform/db/statements'
import { deadlinesOf } from '../../src/modules/cases/cases.repository'
import { caseCreatedIn, startDeadline } from '../../src/modules/cases/use-cases/deadlines'
import { openTestDatabase } from '../support/test-db'

// A case created in the transaction does not read its (absent) deadlines before starting one;
// starting the same deadline a second time must still replace the first.

let database: Database
beforeAll(async () => {
  database = await openTestDatabase(inject('dbTemplate'))
})
afterAll(async () => {
  await database.close()
})

it('a deadline started twice on a case created in the same transaction leaves one running, the first cancelled', async () => {
  const [property] = await database.db.select().from(properties).limit(1)
  if (!property) throw new Error('no building')
  const now = new Date('2026-11-30T02:00:00.000Z')
  const id = await database.db.transaction(async (tx) => {
    const c = await insertRow(tx, cases, {
      orgId: property.orgId,
      propertyId: property.id,
      type: 'complaint',
      number: 'NEW-1',
      state: 'registered',
      channel: 'phone',
      title: '噪音',
      createdAt: now,
      updatedAt: now,
    })
    caseCreatedIn(tx, c.id)
    await startDeadline(tx, c, 'respond', now)
    await startDeadline(tx, c, 'resolve', now)
    await startDeadline(tx, c, 'respond', now, '2026-12-01T02:00:00.000Z')
    return c.id
  })
  const deadlines = await deadlinesOf(database.db, id)
  const respond = deadlines.filter((d) => d.name === 'respond').map((d) => d.status)
  expect(respond.sort()).toEqual(['cancelled', 'running'])
  expect(deadlines.filter((d) => d.name === 'resolve').map((d) => d.status)).toEqual(['running'])
  expect(deadlines.find((d) => d.status === 'running' && d.name === 'respond')?.dueAt).toEqual(
    new Date('2026-12-01T02:00:00.000Z'),
  )
})
