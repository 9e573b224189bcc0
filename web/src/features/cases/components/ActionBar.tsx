import { Button, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AvailableAction, CaseDetail } from '../api'
import { actionLabel } from '../labels'
import { ActionModal } from './ActionModal'

type Props = { detail: CaseDetail; onStale: () => void }

/**
 * The buttons are the server's availableActions, in the workflow's order: the first ordinary
 * step is the main one; steps that need a written reason (exceptions, escalation) are dashed.
 */
export function ActionBar({ detail, onStale }: Props) {
  const { t } = useTranslation()
  // The case as it was when the form opened: its version goes with the action, so a change made
  // meanwhile (seen live) is refused rather than overwritten.
  const [open, setOpen] = useState<{ action: AvailableAction; seen: CaseDetail } | null>(null)
  const actions = detail.availableActions
  const main = actions.find((a) => !a.reasonRequired)

  if (actions.length === 0)
    return <Typography.Text type="secondary">{t('cases.detail.noActions')}</Typography.Text>

  return (
    <>
      <Flex wrap gap={8}>
        {actions.map((a) => (
          <Button
            key={a.name}
            type={a === main ? 'primary' : a.reasonRequired ? 'dashed' : 'default'}
            onClick={() => setOpen({ action: a, seen: detail })}
          >
            {actionLabel(t, a.name, detail.type)}
          </Button>
        ))}
      </Flex>
      {open && (
        <ActionModal
          detail={open.seen}
          action={open.action}
          onClose={() => setOpen(null)}
          onStale={onStale}
        />
      )}
    </>
  )
}
