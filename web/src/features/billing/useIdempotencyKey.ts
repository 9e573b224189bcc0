import { useCallback, useRef } from 'react'
import { newIdempotencyKey } from '../../api/client'

/**
 * One Idempotency-Key per form opening (mount the form anew for each opening): a double
 * click or a retry of the same submission sends the same key, so the server records the
 * money once. Changing what is submitted after a refusal is a new submission with a new key.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null)
  return useCallback((body: unknown) => {
    const text = JSON.stringify(body ?? null)
    if (last.current?.body !== text) last.current = { body: text, key: newIdempotencyKey() }
    return last.current.key
  }, [])
}
