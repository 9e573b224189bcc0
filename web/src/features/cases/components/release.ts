// A goods release slip's data and where it stands at the gate. The server judges (release.expired,
// wrong state); this only says what a guard should see before pressing a button.
import type { CaseDetail } from '../api'

export type ReleaseData = {
  carrierName?: string
  carrierIdNumber?: string
  vehicle?: string
  items?: { name: string; quantity: number }[]
  validOn?: string
  ownerConsent?: { ownerName: string; method: string }
}

export type SlipStanding = 'valid' | 'expired' | 'not_yet' | 'released' | 'refused' | 'cancelled'

/** Valid on its day only and used once (§2.7). `today` is YYYY-MM-DD in the building's zone. */
export function slipStanding(detail: CaseDetail, today: string): SlipStanding {
  if (detail.state === 'released' || detail.state === 'refused' || detail.state === 'cancelled')
    return detail.state
  const validOn = (detail.data as ReleaseData).validOn ?? ''
  if (validOn < today) return 'expired'
  if (validOn > today) return 'not_yet'
  return 'valid'
}

/** The address security opens from the slip's QR code. */
export const gateUrl = (id: string) => `${window.location.origin}/gate/release/${id}`
