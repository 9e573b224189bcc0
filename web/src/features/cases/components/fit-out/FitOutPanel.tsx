// 二次装修 (§2.5, H-FO-1…15): the procedure as a checklist, then what each stage recorded — the
// application, the drawings' review rounds, the workers and their passes, patrols and notices, the
// acceptance sheet — and the case's deposit and fees.
import { Alert, Flex, Typography } from 'antd'
import { useTranslation } from 'react-i18next'
import type { CaseDetail } from '../../api'
import { CaseChecklist, type ChecklistStep } from '../CaseChecklist'
import { ChildSlips } from '../ChildSlips'
import { AcceptanceSheet } from './AcceptanceSheet'
import { DrawingRounds } from './DrawingRounds'
import { FitOutApplication } from './FitOutApplication'
import { fitOutData } from './fit-out-data'
import { FitOutLedger } from './FitOutLedger'
import { PatrolsCard } from './PatrolsCard'
import { WorkersCard } from './WorkersCard'
import './fit-out.css'

const note = (text: string | false | undefined | null) =>
  text && (
    <Typography.Text type="secondary" style={{ fontSize: 13 }}>
      {text}
    </Typography.Text>
  )

function FitOutChecklist({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const { t } = useTranslation()
  const data = fitOutData(detail)
  const rounds = data.rounds ?? []
  const rejected = rounds.filter((r) => r.decision === 'rejected').length
  const acceptance = data.acceptance ?? []
  const steps: ChecklistStep[] = [
    { key: 'agreement', actions: ['sign_agreement'], clause: 'H-FO-2' },
    { key: 'fees', actions: ['confirm_fees'], clause: 'H-FO-3' },
    {
      key: 'drawings',
      actions: ['submit_drawings'],
      clause: 'H-FO-4',
      detail: rounds.length > 0 && note(t('cases.fitOut.step.rounds', { count: rounds.length })),
    },
    {
      key: 'review',
      actions: ['approve_drawings'],
      clause: 'H-FO-5',
      detail: rejected > 0 && note(t('cases.fitOut.step.rejected', { count: rejected })),
    },
    {
      key: 'roster',
      actions: ['submit_roster'],
      clause: 'H-FO-8',
      detail:
        data.schedule &&
        note(
          t('cases.fitOut.step.schedule', {
            from: data.schedule.startDate,
            to: data.schedule.endDate,
            hours: data.schedule.dailyHours,
            count: data.roster?.length ?? 0,
          }),
        ),
    },
    {
      key: 'passes',
      actions: ['issue_passes'],
      clause: 'H-FO-9',
      detail:
        data.permitIssuedOn && note(t('cases.fitOut.step.permit', { date: data.permitIssuedOn })),
    },
    {
      key: 'acceptance',
      actions: ['apply_acceptance'],
      clause: 'H-FO-11',
      detail:
        data.completedOn && note(t('cases.fitOut.step.completed', { date: data.completedOn })),
    },
    {
      key: 'call',
      actions: ['call_inspection'],
      clause: 'H-FO-12',
      detail: <ChildSlips detail={detail} type="liaison" />,
    },
    {
      key: 'inspect',
      actions: ['inspect'],
      clause: 'H-FO-13',
      detail:
        acceptance.length > 0 &&
        note(t('cases.fitOut.step.inspections', { count: acceptance.length })),
    },
    { key: 'deduct', actions: ['deduct_damages'], clause: 'H-FO-14', optional: true },
    {
      key: 'refund',
      actions: ['refund_deposit'],
      clause: 'H-FO-15',
      detail:
        data.refundDueOn && note(t('cases.fitOut.step.refundDue', { date: data.refundDueOn })),
    },
    { key: 'collect', actions: ['collect_passes'] },
    { key: 'close', actions: ['close'] },
  ]
  const title = t('cases.fitOut.checklist', {
    from: data.startDate ?? '—',
    to: data.endDate ?? '—',
  })
  return <CaseChecklist title={title} detail={detail} steps={steps} timeZone={timeZone} />
}

/** Where the case stands, said once above the cards (works stopped, a refund falling due). */
function Standing({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation()
  const data = fitOutData(detail)
  if (detail.state === 'stopped')
    return (
      <Alert
        type="error"
        showIcon
        title={t('cases.fitOut.stopped', { date: data.stoppedOn ?? '—' })}
        description={data.stopReason}
      />
    )
  if (detail.state === 'accepted' && data.refundDueOn)
    return (
      <Alert
        type={data.refundDue ? 'warning' : 'info'}
        showIcon
        title={t(data.refundDue ? 'cases.fitOut.refundDueNow' : 'cases.fitOut.refundLater', {
          date: data.refundDueOn,
        })}
      />
    )
  return null
}

const STARTED_REVIEW = ['applied', 'agreement_signed']
const BEFORE_ROSTER = [...STARTED_REVIEW, 'fees_paid', 'in_review', 'returned']

export function FitOutPanel({ detail, timeZone }: { detail: CaseDetail; timeZone: string }) {
  const data = fitOutData(detail)
  const state = detail.state
  const cancelled = state === 'cancelled'
  return (
    <Flex vertical gap={16}>
      <Standing detail={detail} />
      <FitOutChecklist detail={detail} timeZone={timeZone} />
      <FitOutApplication detail={detail} />
      {!cancelled && !STARTED_REVIEW.includes(state) && <DrawingRounds detail={detail} />}
      {!cancelled && !BEFORE_ROSTER.includes(state) && <WorkersCard detail={detail} />}
      {(Boolean(data.patrols?.length || data.rectifications?.length) ||
        ['in_works', 'stopped'].includes(state)) && (
        <PatrolsCard detail={detail} timeZone={timeZone} />
      )}
      {Boolean(data.acceptance?.length || data.completedOn) && (
        <AcceptanceSheet detail={detail} timeZone={timeZone} />
      )}
      <FitOutLedger detail={detail} timeZone={timeZone} />
    </Flex>
  )
}
