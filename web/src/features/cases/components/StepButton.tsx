import { useQueryClient } from '@tanstack/react-query'
import { Button, type ButtonProps } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { type CaseDetail, caseKey } from '../api'
import { actionLabel } from '../labels'
import { ActionModal } from './ActionModal'

type Props = {
  detail: CaseDetail
  action: string
  /** Input fixed by the row the button sits on (the pass to revoke, the notice to confirm). */
  preset?: Record<string, unknown>
  label?: string
} & Pick<ButtonProps, 'size' | 'type' | 'icon' | 'danger'>

/**
 * One step of the case offered where it belongs on the page (a pass's row, a notice's row), if
 * the server lists it among the caller's available actions; otherwise nothing.
 */
export function StepButton({ detail, action, preset, label, ...button }: Props) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [seen, setSeen] = useState<CaseDetail | null>(null)
  const available = detail.availableActions.find((a) => a.name === action)
  if (!available) return null
  return (
    <>
      <Button size="small" {...button} onClick={() => setSeen(detail)}>
        {label ?? actionLabel(t, action, detail.type)}
      </Button>
      {seen && (
        <ActionModal
          detail={seen}
          action={available}
          preset={preset}
          onClose={() => setSeen(null)}
          onStale={() => void queryClient.invalidateQueries({ queryKey: caseKey(detail.id) })}
        />
      )}
    </>
  )
}
