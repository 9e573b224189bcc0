// Every error code the API can return, and its HTTP status: one exhaustive map.
// User-facing messages live in the web locale files under errors.<code>.
export const errorStatus = {
  'request.malformed_json': 400,
  'request.invalid': 400,
  'request.too_large': 413,
  'request.unsupported_media_type': 415,
  'auth.unauthenticated': 401,
  'auth.invalid_credentials': 401,
  'auth.locked': 423,
  'auth.csrf': 403,
  'auth.wrong_password': 422,
  'auth.weak_password': 422,
  forbidden: 403,
  not_found: 404,
  'conflict.stale_version': 409,
  'conflict.duplicate': 409,
  'rule.violation': 422,
  'org.floor_has_units': 422,
  'org.unit_has_history': 422,
  'customers.has_history': 422,
  'customers.occupancy_overlap': 422,
  'customers.occupancy_dates': 422,
  'customers.occupancy_ended': 422,
  'identity.role_builtin': 422,
  'identity.unknown_permission': 422,
  'identity.customer_link_required': 422,
  'identity.self_lockout': 422,
  rate_limited: 429,
  internal: 500,
} as const satisfies Record<string, number>

export type ErrorCode = keyof typeof errorStatus
