import { useEffect, useRef } from 'react'
import { type PrintedDocument, useRecordPrint } from '../../cases/api'

/**
 * Records once per opening that a sheet of the case was printed: pass cards and the door permit
 * carry customer and worker data on paper (H-IS-14). The audit endpoint is the case's.
 */
export function usePrintAudit(caseId: string, ready: boolean, document: PrintedDocument) {
  const { mutate } = useRecordPrint()
  const recorded = useRef<string | null>(null)
  useEffect(() => {
    if (!ready || recorded.current === caseId) return
    recorded.current = caseId
    mutate({ id: caseId, document })
  }, [caseId, ready, mutate, document])
}
