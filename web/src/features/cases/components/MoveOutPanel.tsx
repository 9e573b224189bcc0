// 客户迁出: the checklist from the request to a vacant unit (§2.4, H-MO-1…7), with the damage
// list of the inspection, the keys returned against those issued at move-in, and the slips.
import { Flex, Tag, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import { type CaseDetail, useCase, useCases } from '../api'
import { dataText } from '../labels'
import { CaseChecklist, type ChecklistStep } from './CaseChecklist'
import { ChildSlips } from './ChildSlips'
import { type DamageLine, DamageList } from './DamageList'
import { MovingHelp, type MovingHelpData } from './MovingHelp'

/** The keys of a move-out's data this panel shows (the facts card leaves them out). */
export const MOVE_OUT_SHOWN = ['moveOutDate', 'damages', 'inspected', 'returned', 'releaseIssued']

type Counted = { keys?: number; cards?: number; passes?: number }

/** Keys and cards counted out at the customer's completed move-in to this unit, if there was one. */
function useIssued(detail: CaseDetail): Counted | null | undefined {
  const query = {
    type: 'move_in' as const,
    status: 'all' as const,
    unitId: detail.unitId ?? undefined,
    customerId: detail.customerId ?? undefined,
  }
  const moveIns = useCases(query, Boolean(detail.unitId && detail.customerId))
  const done = moveIns.data?.pages.flatMap((p) => p.items).find((c) => c.state === 'completed')
  const moveIn = useCase(done?.id ?? '')
  if (moveIns.isPending) return undefined
  if (!done) return null
  return (moveIn.data?.data.handover as Counted | undefined) ?? undefined
}

function KeysReturned({
  returned,
  issued,
}: {
  returned?: Counted
  issued: Counted | null | undefined
}) {
  const { t } = useTranslation()
  const line = (what: 'keys' | 'cards') => {
    const back = returned?.[what]
    const out = issued?.[what]
    const short = back !== undefined && out !== undefined && back < out
    return (
      <Typography.Text key={what}>
        {t(`cases.field.${what}`)}：{back ?? '—'} / {out ?? '—'}
        {short && (
          <Tag color="orange" style={{ marginLeft: 6 }}>
            {t('cases.moveOut.short')}
          </Tag>
        )}
      </Typography.Text>
    )
  }
  return (
    <Flex vertical>
      <Flex gap={16} wrap>
        {line('keys')}
        {line('cards')}
        {returned?.passes !== undefined && (
          <Typography.Text>
            {t('cases.field.passes')}：{returned.passes}
          </Typography.Text>
        )}
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {issued === null ? t('cases.moveOut.noMoveIn') : t('cases.moveOut.keysHint')}
      </Typography.Text>
    </Flex>
  )
}

export function MoveOutPanel({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const issued = useIssued(detail)
  const data = detail.data as {
    moveOutDate?: string
    reason?: string
    damages?: DamageLine[]
    inspected?: boolean
    returned?: Counted
    movingHelp?: MovingHelpData
  }
  const steps: ChecklistStep[] = [
    {
      key: 'date',
      actions: ['confirm_date'],
      clause: 'H-MO-2',
      detail: data.reason && (
        <Typography.Text>
          {t('cases.field.moveOutReason')}：{data.reason}
        </Typography.Text>
      ),
    },
    {
      key: 'departments',
      actions: ['notify_departments'],
      clause: 'H-MO-4',
      detail: <ChildSlips detail={detail} type="liaison" />,
    },
    {
      key: 'inspect',
      actions: ['inspect', 'skip_inspection'],
      clause: 'H-MO-5',
      detail: data.damages && <DamageList detail={detail} damages={data.damages} />,
    },
    {
      key: 'keys',
      actions: ['return_keys', 'return_keys_short'],
      detail: (data.returned ?? issued) && (
        <KeysReturned returned={data.returned} issued={issued} />
      ),
    },
    { key: 'settle', actions: ['settle'], clause: 'H-MO-6' },
    {
      key: 'movingHelp',
      actions: ['arrange_moving_help'],
      clause: 'H-MO-7',
      optional: true,
      detail: <MovingHelp help={data.movingHelp} timeZone={timeZone} />,
    },
    {
      key: 'release',
      actions: ['issue_release'],
      detail: <ChildSlips detail={detail} type="release" />,
    },
    { key: 'complete', actions: ['complete'], clause: 'H-MO-7' },
  ]
  const title = t('cases.moveOut.checklist', {
    date: data.moveOutDate ? dataText(t, 'moveOutDate', data.moveOutDate, timeZone) : '—',
  })
  return <CaseChecklist title={title} detail={detail} steps={steps} timeZone={timeZone} />
}
