import { EventEmitter } from 'node:events'
import type { Db } from '../db'
import { insertOutbox } from './outbox.repository'

/** What leaves through the outbox: the live event stream reads these topics. */
export type OutboxMessage =
  | {
      topic: 'notification.created'
      payload: { notificationId: string; userId: string; caseId: string | null; urgent: boolean }
    }
  | {
      topic: 'case.changed'
      payload: {
        caseId: string
        propertyId: string
        department: string | null
        assigneeId: string | null
        customerId: string | null
        /** Every staff member of the building may see it (a fit-out), whatever its queue. */
        buildingWide?: boolean
        state: string
        /** The action, or 'created', 'comment', 'overdue', 'escalated'. */
        change: string
      }
    }

// In-process wake-up for the dispatcher after a commit; other instances find the rows by polling.
const signal = new EventEmitter()
signal.setMaxListeners(50)

/** Writes a message in the caller's transaction: it leaves only if the transaction commits. */
export async function enqueue(tx: Db, orgId: string, message: OutboxMessage, now: Date) {
  await insertOutbox(tx, outboxRow(orgId, message, now))
}

/** A message's outbox row, for a caller that writes it with other rows at once. */
export function outboxRow(orgId: string, message: OutboxMessage, now: Date) {
  return { orgId, topic: message.topic, payload: message.payload, createdAt: now }
}

/** Tells the dispatcher that messages wait: call after the transaction commits. */
export function kickOutbox() {
  signal.emit('kick')
}

export function onOutboxKick(listener: () => void): () => void {
  signal.on('kick', listener)
  return () => signal.off('kick', listener)
}
