// The outbox: messages written in the transaction that causes them, delivered after commit.
export { enqueue, outboxRow, kickOutbox, onOutboxKick, type OutboxMessage } from './enqueue'
export { startOutboxDispatcher, type OutboxDispatcher, type DispatcherOptions } from './dispatcher'
