import type { CaseDetail } from '../api'
import { FIT_OUT_SHOWN } from './fit-out/fit-out-data'
import { FitOutPanel } from './fit-out/FitOutPanel'
import { MOVE_IN_SHOWN, MoveInPanel } from './MoveInPanel'
import { MOVE_OUT_SHOWN, MoveOutPanel } from './MoveOutPanel'
import { RELEASE_SHOWN, ReleasePanel } from './ReleasePanel'

/** The data keys a type's own panel shows, which the generic facts card then leaves out. */
export function shownByPanel(detail: CaseDetail): readonly string[] {
  if (detail.type === 'move_in') return MOVE_IN_SHOWN
  if (detail.type === 'move_out') return MOVE_OUT_SHOWN
  if (detail.type === 'release') return RELEASE_SHOWN
  if (detail.type === 'fit_out') return FIT_OUT_SHOWN
  return []
}

/** A type's own view of the case, beside the generic facts and timeline (moves, slips, fit-outs). */
export function CaseTypePanel({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  switch (detail.type) {
    case 'move_in':
      return <MoveInPanel detail={detail} timeZone={timeZone} />
    case 'move_out':
      return <MoveOutPanel detail={detail} timeZone={timeZone} />
    case 'release':
      return <ReleasePanel detail={detail} timeZone={timeZone} />
    case 'fit_out':
      return <FitOutPanel detail={detail} timeZone={timeZone} />
    default:
      return null
  }
}
