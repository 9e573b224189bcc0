import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { eq, sql } from 'drizzle-orm'
import { auditLog, cases, outbox, properties } from '../../src/db/schema'
import type { Database, Db } from '../../src/platform/db'
import {
  insertRow,
  insertRows,
  rowById,
  runStatement,
  updateRowById,
} from '../../src/platform/db/statements'
import { openTestDatabase } from '../support/test-db'

// platform/db/statements: a statement compiled once runs on whichever handle it is given — the
// pool or a transaction's own connection — and writes what the query builder would have written.

let database: Database
let db: Db
let property: { id: string; orgId: string }
const at = new Date('2026-11-29T02:00:00.000Z')

const newCase = (number: string, more: Partial<typeof cases.$inferInsert> = {}) => ({
  orgId: property.orgId,
  propertyId: property.id,
  type: 'complaint' as const,
  number,
  state: 'registered',
  channel: 'phone' as const,
  title: '楼道照明不足',
  createdAt: at,
  updatedAt: at,
  ...more,
})

beforeAll(async () => {
  database = await openTestDatabase(inject('dbTemplate'))
  db = database.db
  const [first] = await db
    .select({ id: properties.id, orgId: properties.orgId })
    .from(properties)
    .limit(1)
  if (!first) throw new Error('the template has no building')
  property = first
})

afterAll(async () => {
  await database.close()
})

describe('statements compiled once', () => {
  it('an insert fills defaults as the query builder does: a new time-ordered id each time, the columns’ own defaults', async () => {
    const a = await insertRow(db, cases, newCase('ST-1'))
    const b = await insertRow(db, cases, newCase('ST-2'))
    expect(a.id).not.toBe(b.id)
    expect(a.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/)
    expect(a).toMatchObject({
      priority: 'normal',
      description: '',
      data: {},
      overdue: false,
      escalationLevel: 0,
      version: 1,
      unitId: null,
      pausedAt: null,
    })
    expect(a.createdAt).toEqual(at)
    const [viaBuilder] = await db.select().from(cases).where(eq(cases.id, a.id))
    expect(viaBuilder).toEqual(a)
  })

  it('rows of another shape get a statement of their own, and values are never mixed up', async () => {
    const full = await insertRow(
      db,
      cases,
      newCase('ST-3', { priority: 'urgent', data: { category: 'praise' }, contactName: '王女士' }),
    )
    const bare = await insertRow(db, cases, newCase('ST-4'))
    expect(full).toMatchObject({
      priority: 'urgent',
      data: { category: 'praise' },
      contactName: '王女士',
    })
    expect(bare).toMatchObject({ priority: 'normal', data: {}, contactName: null })
  })

  it('an update sets null as SQL NULL, leaves out what is undefined, and returns the row; an unknown id gives nothing', async () => {
    const c = await insertRow(db, cases, newCase('ST-5', { pausedAt: at, contactName: '李先生' }))
    const later = new Date(at.getTime() + 60_000)
    const updated = await updateRowById(db, cases, c.id, {
      pausedAt: null,
      contactName: undefined,
      data: { subject: '保洁' },
      version: 2,
      updatedAt: later,
    })
    expect(updated).toMatchObject({
      pausedAt: null,
      contactName: '李先生',
      data: { subject: '保洁' },
      version: 2,
      updatedAt: later,
    })
    const [stored] = await db
      .select({ pausedIsNull: sql<boolean>`${cases.pausedAt} is null` })
      .from(cases)
      .where(eq(cases.id, c.id))
    expect(stored?.pausedIsNull).toBe(true)
    expect(
      await updateRowById(db, cases, '00000000-0000-7000-8000-000000000000', { version: 3 }),
    ).toBeUndefined()
    // A value that is SQL (the types do not let one in; code that casts may) is left to the
    // query builder.
    const bumped = await updateRowById(db, cases, c.id, {
      version: sql`${cases.version} + 10` as unknown as number,
    })
    expect(bumped?.version).toBe(12)
  })

  it('inside a transaction a statement runs on the transaction’s connection: a rollback takes its writes back', async () => {
    let id = ''
    await expect(
      db.transaction(async (tx) => {
        id = (await insertRow(tx, cases, newCase('ST-6'))).id
        // Seen inside the transaction, by a statement compiled earlier on the pool.
        expect((await rowById(tx, cases, id))?.number).toBe('ST-6')
        await updateRowById(tx, cases, id, { state: 'assigned' })
        expect((await rowById(tx, cases, id))?.state).toBe('assigned')
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    expect(id).not.toBe('')
    expect(await rowById(db, cases, id)).toBeUndefined()
  })

  it('a transaction that commits keeps every write; a row locked for update is the caller’s', async () => {
    const c = await insertRow(db, cases, newCase('ST-7'))
    await db.transaction(async (tx) => {
      const [locked] = await runStatement<{ id: string; version: number }[]>(
        tx,
        'test: case for update',
        (d) =>
          d
            .select({ id: cases.id, version: cases.version })
            .from(cases)
            .where(eq(cases.id, sql.placeholder('id')))
            .for('update'),
        { id: c.id },
      )
      expect(locked).toEqual({ id: c.id, version: 1 })
      await updateRowById(tx, cases, c.id, { version: 2 })
    })
    expect((await rowById(db, cases, c.id))?.version).toBe(2)
  })

  it('rows for several tables are written in one statement: all of them, with their values, or none', async () => {
    const mark = `rows-${Date.now()}`
    const audit = (action: string) => ({
      orgId: property.orgId,
      actorId: null,
      actorName: '系统',
      action,
      entityType: 'case',
      entityId: null,
      diff: { mark, nested: { n: 1 } },
      requestId: null,
      ip: null,
      at,
    })
    const message = { orgId: property.orgId, topic: mark, payload: { a: [1, 2] }, createdAt: at }
    await insertRows(db, [
      { table: auditLog, row: audit('test.one') },
      { table: outbox, row: message },
    ])
    // Another shape (an outbox row first, a requestId given) is a statement of its own.
    await insertRows(db, [
      { table: outbox, row: { ...message, payload: { b: true } } },
      { table: auditLog, row: { ...audit('test.two'), requestId: 'req-1' } },
    ])
    await expect(
      db.transaction(async (tx) => {
        await insertRows(tx, [
          { table: auditLog, row: audit('test.rolled_back') },
          { table: outbox, row: message },
        ])
        throw new Error('roll back')
      }),
    ).rejects.toThrow('roll back')
    const audits = await db
      .select()
      .from(auditLog)
      .where(sql`${auditLog.diff}->>'mark' = ${mark}`)
    expect(audits.map((a) => [a.action, a.requestId, a.diff]).sort()).toEqual([
      ['test.one', null, { mark, nested: { n: 1 } }],
      ['test.two', 'req-1', { mark, nested: { n: 1 } }],
    ])
    const messages = await db.select().from(outbox).where(eq(outbox.topic, mark))
    expect(messages.map((m) => m.payload).sort()).toEqual([{ a: [1, 2] }, { b: true }])
    expect(messages.every((m) => m.attempts === 0 && m.deliveredAt === null)).toBe(true)
  })
})
