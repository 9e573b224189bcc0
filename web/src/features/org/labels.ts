import type { UnitStatus } from './api'

// How each status looks: a colour only; what the status means is the server's.
export const STATUS_COLOR: Record<UnitStatus, 'green' | 'blue' | 'orange'> = {
  vacant: 'green',
  occupied: 'blue',
  fitting_out: 'orange',
}
