import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Db } from '../db'
import type { Clock } from '../clock'
import { AppError } from '../errors'
import { claimKey, findKey, storeResponse } from './idempotency.repository'

const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,100}$/

/** The request's Idempotency-Key header, required on every money POST. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers['idempotency-key']
  if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
    throw new AppError(
      'request.idempotency_key',
      'Send an Idempotency-Key header (8–100 letters, digits, _ . : -).',
      {
        field: 'Idempotency-Key',
      },
    )
  }
  return key
}

const hashOf = (route: string, body: unknown) =>
  createHash('sha256')
    .update(route)
    .update(JSON.stringify(body ?? null))
    .digest('hex')

/**
 * Runs a money write exactly once per key. The key is claimed inside the write's transaction:
 * a concurrent request with the same key waits on the unique index until the first commits,
 * then answers with the stored response; if the first fails, its claim rolls back with it.
 */
export async function onceForKey<T>(
  db: Db,
  clock: Clock,
  claim: { orgId: string; key: string; route: string; body: unknown; userId: string },
  status: number,
  work: (tx: Db) => Promise<T>,
): Promise<{ status: number; body: T; replayed: boolean }> {
  // The caller is part of the request: another user's key never returns this user's answer.
  const requestHash = hashOf(`${claim.userId} ${claim.route}`, claim.body)
  return db.transaction(async (tx) => {
    const fresh = await claimKey(tx, {
      orgId: claim.orgId,
      key: claim.key,
      route: claim.route,
      requestHash,
      createdAt: clock.now(),
    })
    if (!fresh) {
      const stored = await findKey(tx, claim.orgId, claim.key)
      if (!stored || stored.requestHash !== requestHash) {
        throw new AppError(
          'request.idempotency_key_reused',
          'This Idempotency-Key was used for another request.',
          {
            field: 'Idempotency-Key',
          },
        )
      }
      return { status: stored.status ?? status, body: stored.response as T, replayed: true }
    }
    const body = await work(tx)
    await storeResponse(tx, claim.orgId, claim.key, status, body)
    return { status, body, replayed: false }
  })
}
