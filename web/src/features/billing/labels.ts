import type { Charge } from './api'

export type ChargeStatusShown = Charge['status'] | 'overdue'

// How each status looks: a colour only; the status itself is the server's.
export const CHARGE_STATUS_COLOR: Record<ChargeStatusShown, string> = {
  open: 'orange',
  overdue: 'red',
  paid: 'green',
  reversed: 'default',
}

/** An open charge past its due date shows as overdue (today is a YYYY-MM-DD in the building's zone). */
export function chargeStatusShown(charge: Charge, today: string): ChargeStatusShown {
  return charge.status === 'open' && charge.dueDate < today ? 'overdue' : charge.status
}
