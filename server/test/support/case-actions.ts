import { expect } from 'vitest'
import { json, type Client } from './app'

// Taking a case's action through the API as a signed-in user, with the version the case was read
// at: what the integration stories of every case type do step by step.

type Versioned = { id: string; version: number }

export function take(
  client: Client,
  c: Versioned,
  action: string,
  input: Record<string, unknown> = {},
) {
  return client.post(`/api/v1/cases/${c.id}/actions/${action}`, { ...input, version: c.version })
}

/** Takes the action and expects it done (200): the case as it is now. */
export async function act<T>(
  client: Client,
  c: Versioned,
  action: string,
  input: Record<string, unknown> = {},
): Promise<T> {
  const res = await take(client, c, action, input)
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200)
  return json<T>(res)
}
